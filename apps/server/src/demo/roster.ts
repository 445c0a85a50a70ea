// Who and what the demo data creates: five organisations, one on each preset, the departments of a real
// municipality and people with Russian names for every role. Every demo account's password is DEMO_PASSWORD.
import type { Role } from '@otklik/domain';

export const DEMO_PASSWORD = 'demo';

export type DemoDepartmentKey = 'housing' | 'roads' | 'education' | 'health' | 'social' | 'culture' | 'administration';

export const DEMO_DEPARTMENTS: Record<DemoDepartmentKey, string> = {
  housing: 'ЖКХ',
  roads: 'Дороги и транспорт',
  education: 'Образование',
  health: 'Здравоохранение',
  social: 'Социальная защита',
  culture: 'Культура',
  administration: 'Администрация',
};

export interface DemoPerson {
  key: string;
  login: string;
  fullName: string;
  position: string;
  roles: Role[];
  department?: DemoDepartmentKey;
  /** Supervising deputy of these departments (receives deficiency notices). */
  supervises?: DemoDepartmentKey[];
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  profileId: string;
  timeZone: string;
  /** Prefix of the logins so they stay unique across organisations ('' for the main one). */
  loginPrefix: string;
  /** How many demo messages this organisation gets. */
  share: 'main' | 'small';
  /** Who the organisation names to receive deficiency notices about its curator and operator (roster key):
   *  konyshevsky p.22 and slavgorod the head of the administration's office, NAO p.27 and krasnoufimsk (item 2 of
   *  its resolution) the deputy for social questions, idrinsky (4.2) the first deputy. */
  staffSupervisor: 'adm' | 'deputy' | 'deputy2';
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    slug: 'konyshevka',
    name: 'Администрация Конышевского района',
    profileId: 'konyshevsky-2020',
    timeZone: 'Europe/Moscow',
    loginPrefix: '',
    share: 'main',
    staffSupervisor: 'adm',
  },
  {
    slug: 'krasnoufimsk',
    name: 'Администрация Красноуфимского округа',
    profileId: 'krasnoufimsk-2021',
    timeZone: 'Asia/Yekaterinburg',
    loginPrefix: 'kr-',
    share: 'small',
    staffSupervisor: 'deputy2',
  },
  {
    slug: 'nao',
    name: 'Департамент внутренней политики НАО',
    profileId: 'nao-2020',
    timeZone: 'Europe/Moscow',
    loginPrefix: 'nao-',
    share: 'small',
    staffSupervisor: 'deputy2',
  },
  {
    slug: 'idrinsky',
    name: 'Администрация Идринского района',
    profileId: 'idrinsky-2021',
    timeZone: 'Asia/Krasnoyarsk',
    loginPrefix: 'id-',
    share: 'small',
    staffSupervisor: 'deputy',
  },
  {
    slug: 'slavgorod',
    name: 'Администрация города Славгорода',
    profileId: 'slavgorod-2020',
    timeZone: 'Asia/Barnaul',
    loginPrefix: 'sl-',
    share: 'small',
    staffSupervisor: 'adm',
  },
];

/** The same roles in every demo organisation; surnames differ per organisation so the lists do not look cloned. */
const PEOPLE: readonly Omit<DemoPerson, 'login' | 'fullName'>[] = [
  { key: 'admin', position: 'Системный администратор', roles: ['administrator'] },
  { key: 'operator', position: 'Специалист по мониторингу соцсетей', roles: ['operator'] },
  { key: 'curator', position: 'Ведущий специалист, куратор', roles: ['curator'] },
  { key: 'curator2', position: 'Специалист, куратор', roles: ['curator', 'operator'] },
  { key: 'zhkh', position: 'Начальник отдела ЖКХ', roles: ['executor', 'department-head'], department: 'housing' },
  { key: 'zhkh2', position: 'Специалист отдела ЖКХ', roles: ['executor'], department: 'housing' },
  {
    key: 'roads',
    position: 'Начальник отдела дорог и транспорта',
    roles: ['executor', 'department-head'],
    department: 'roads',
  },
  { key: 'roads2', position: 'Инженер отдела дорог', roles: ['executor'], department: 'roads' },
  { key: 'edu', position: 'Главный специалист управления образования', roles: ['executor'], department: 'education' },
  { key: 'health', position: 'Специалист по здравоохранению', roles: ['executor'], department: 'health' },
  {
    key: 'social',
    position: 'Начальник управления соцзащиты',
    roles: ['executor', 'department-head'],
    department: 'social',
  },
  { key: 'culture', position: 'Специалист отдела культуры', roles: ['executor'], department: 'culture' },
  { key: 'adm', position: 'Управляющий делами', roles: ['executor'], department: 'administration' },
  {
    key: 'deputy',
    position: 'Заместитель главы по ЖКХ и дорожному хозяйству',
    roles: ['department-head'],
    supervises: ['housing', 'roads', 'administration'],
  },
  {
    key: 'deputy2',
    position: 'Заместитель главы по социальным вопросам',
    roles: ['department-head'],
    supervises: ['education', 'health', 'social', 'culture'],
  },
  { key: 'head', position: 'Глава', roles: ['head'] },
  { key: 'observer', position: 'Пресс-служба (только просмотр)', roles: ['observer'] },
];

const NAMES: readonly (readonly string[])[] = [
  [
    'Смирнова Алла Викторовна',
    'Кузнецова Ольга Петровна',
    'Волков Андрей Сергеевич',
    'Морозова Татьяна Игоревна',
    'Лебедев Николай Иванович',
    'Орлова Светлана Юрьевна',
    'Соколов Дмитрий Александрович',
    'Павлов Игорь Николаевич',
    'Егорова Марина Владимировна',
    'Никитина Елена Сергеевна',
    'Фёдорова Галина Павловна',
    'Белова Анна Дмитриевна',
    'Зайцев Роман Олегович',
    'Григорьев Виктор Михайлович',
    'Тихонова Людмила Андреевна',
    'Медведев Сергей Васильевич',
    'Ковалёва Ирина Алексеевна',
  ],
  [
    'Шарипова Гульнара Рашидовна',
    'Пестова Наталья Геннадьевна',
    'Вершинин Алексей Юрьевич',
    'Копылова Дарья Евгеньевна',
    'Хабибуллин Ринат Маратович',
    'Старикова Вера Ильинична',
    'Бажов Павел Петрович',
    'Мельников Артём Викторович',
    'Щербакова Ксения Олеговна',
    'Голубева Римма Николаевна',
    'Ермакова Любовь Степановна',
    'Сафонова Оксана Игоревна',
    'Черепанов Евгений Львович',
    'Дёмин Константин Андреевич',
    'Полякова Надежда Фёдоровна',
    'Уральцев Михаил Борисович',
    'Зуева Алёна Сергеевна',
  ],
  [
    'Ардеева Валентина Ивановна',
    'Хатанзейская Елена Павловна',
    'Канев Олег Викторович',
    'Валей Марина Григорьевна',
    'Безумов Пётр Семёнович',
    'Талеева Юлия Андреевна',
    'Попов Василий Николаевич',
    'Вылко Антон Ильич',
    'Чупрова Нина Александровна',
    'Ледкова Ирина Романовна',
    'Анисимова Зоя Дмитриевна',
    'Тайбарей Ольга Семёновна',
    'Рочев Станислав Петрович',
    'Семяшкин Юрий Геннадьевич',
    'Носова Людмила Васильевна',
    'Истомин Александр Михайлович',
    'Хозяинова Вера Олеговна',
  ],
  [
    'Кравченко Ольга Николаевна',
    'Юдина Кристина Андреевна',
    'Сидоренко Максим Викторович',
    'Лаптева Евгения Сергеевна',
    'Рыбаков Владимир Геннадьевич',
    'Малышева Ангелина Игоревна',
    'Щукин Геннадий Петрович',
    'Тимофеев Денис Алексеевич',
    'Воронцова Лариса Михайловна',
    'Богданова Софья Викторовна',
    'Гусева Тамара Ивановна',
    'Киселёва Валентина Петровна',
    'Осипов Илья Сергеевич',
    'Карпов Анатолий Васильевич',
    'Лукина Наталья Борисовна',
    'Жуков Степан Аркадьевич',
    'Прохорова Дина Валерьевна',
  ],
  [
    'Вагнер Ирина Александровна',
    'Шевченко Алина Романовна',
    'Бауэр Виталий Эдуардович',
    'Мартыненко Юлия Олеговна',
    'Кох Андрей Викторович',
    'Титова Оксана Николаевна',
    'Горбунов Алексей Иванович',
    'Рейзвих Артур Владимирович',
    'Гончаренко Светлана Петровна',
    'Нейфельд Анна Андреевна',
    'Бондаренко Галина Михайловна',
    'Исаева Людмила Юрьевна',
    'Литвиненко Олег Степанович',
    'Шульц Евгений Фёдорович',
    'Климова Елена Анатольевна',
    'Ткаченко Павел Сергеевич',
    'Деркач Марина Владимировна',
  ],
];

export function demoPeople(orgIndex: number): DemoPerson[] {
  const org = DEMO_ORGANISATIONS[orgIndex]!;
  const names = NAMES[orgIndex]!;
  return PEOPLE.map((p, i) => ({ ...p, login: `${org.loginPrefix}${p.key}`, fullName: names[i]! }));
}
