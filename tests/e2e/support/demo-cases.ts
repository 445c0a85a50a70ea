// Fills an organisation with cases in every state the board shows, through the public API as real people would.
import { type ApiClient, command, type Department, type Person, registerCase } from './api';

const TEXTS = [
  'Третий день не вывозят мусор во дворе дома 12 по улице Ленина, контейнеры переполнены.',
  'На перекрёстке Советской и Мира не работает светофор, дети ходят в школу, опасно!',
  'Когда отремонтируют дорогу на улице Садовой? Ямы глубиной по колено.',
  'В школе №2 холодно в классах, батареи еле тёплые. Дети сидят в куртках.',
  'Почему в поликлинике нельзя записаться к терапевту на ближайшие две недели?',
  'Во дворе дома 5 по Молодёжной упало дерево на детскую площадку.',
  'Не горят фонари на улице Заречной, вечером идти страшно.',
  'Просим установить лежачего полицейского возле детского сада «Солнышко».',
];
const TOPICS = ['ЖКХ', 'Дороги', 'Образование', 'Здравоохранение', 'Благоустройство'];
const PLACES = ['ул. Ленина', 'ул. Садовая', 'мкр. Южный', 'с. Никольское', 'центр'];

export interface DemoOrg {
  people: Person[];
  departments: Department[];
}

export async function loadOrg(api: ApiClient): Promise<DemoOrg> {
  const [people, departments] = await Promise.all([
    api.query<Person[]>('directory.people'),
    api.query<Department[]>('directory.departments'),
  ]);
  return { people, departments };
}

export function executorsOf(org: DemoOrg, departmentId: string): Person[] {
  return org.people.filter((p) => p.departmentId === departmentId && p.roles.includes('executor'));
}

/** `count` cases: a third only registered, a third triaged, a third routed to one department. */
export async function seedCases(
  operator: ApiClient,
  curator: ApiClient,
  org: DemoOrg,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  const withExecutors = org.departments.filter((d) => executorsOf(org, d.id).length > 0);
  for (let i = 0; i < count; i++) {
    const id = await registerCase(operator, {
      text: TEXTS[i % TEXTS.length]!,
      author: `Житель ${i + 1}`,
      network: ['vk', 'ok', 'telegram'][i % 3]!,
      visibility: i % 4 === 3 ? 'private' : 'public',
    });
    ids.push(id);
    if (i % 3 === 0) continue;
    await command(curator, id, {
      type: 'triage',
      processable: true,
      topic: TOPICS[i % TOPICS.length],
      location: PLACES[i % PLACES.length],
      category: i % 7 === 0 ? 'high' : 'ordinary',
    });
    if (i % 3 === 1) continue;
    const dept = withExecutors[i % withExecutors.length]!;
    await command(curator, id, {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: dept.id, executorId: executorsOf(org, dept.id)[0]!.id }],
    });
  }
  return ids;
}
