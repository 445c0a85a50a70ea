// Deterministic synthetic messages for the load harness and the benchmarks: Russian texts about the usual municipal
// problems, with a topic, a location and an author drawn from fixed lists, so every run stores the same data.

/** mulberry32: a small seeded generator, enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const TOPICS = [
  'дороги',
  'ЖКХ',
  'мусор',
  'освещение',
  'транспорт',
  'здравоохранение',
  'образование',
  'благоустройство',
] as const;
export const PLACES = Array.from({ length: 60 }, (_, i) => `населённый пункт ${i + 1}`);
const STREETS = ['Ленина', 'Садовая', 'Мира', 'Школьная', 'Победы', 'Советская', 'Молодёжная', 'Центральная', 'Лесная'];
const PROBLEMS = [
  'огромная яма на дороге',
  'не горят фонари',
  'не вывозят мусор уже неделю',
  'нет горячей воды',
  'автобус не приходит по расписанию',
  'в поликлинике нет записи к врачу',
  'упало дерево на провода',
  'течёт крыша в подъезде',
  'собаки без хозяина у школы',
  'не чистят снег во дворе',
];
const TAILS = [
  'Сколько можно?',
  'Примите меры!',
  'Когда это закончится?',
  'Просим разобраться.',
  'Жалуемся уже не первый раз.',
  '',
];
const NETWORKS = ['vk', 'vk', 'vk', 'ok', 'telegram'] as const;

export interface SyntheticMessage {
  readonly text: string;
  readonly author: string;
  readonly topic: string;
  readonly location: string;
  readonly network: (typeof NETWORKS)[number];
}

export function createCorpus(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return {
    rand,
    pick,
    message(): SyntheticMessage {
      return {
        text: `Здравствуйте! На улице ${pick(STREETS)}, дом ${1 + Math.floor(rand() * 80)}: ${pick(PROBLEMS)}. ${pick(TAILS)}`,
        author: `Житель ${Math.floor(rand() * 30_000)}`,
        topic: pick(TOPICS),
        location: pick(PLACES),
        network: pick(NETWORKS),
      };
    },
  };
}
