// The monthly summary as plain tables (title, header, rows, and the drill-down cell of each number): the one
// layout that the report page, its CSV export and `otklik report --format csv` share.
import {
  CURATORS_KEY,
  cellKey,
  type HolderRow,
  type MonthlySummary,
  ORGANISATION_KEY,
  REPORT_STEPS,
  type Scope,
} from './summary-types';

export interface NameLookup {
  person(id: string): string;
  department(id: string): string;
  /** A case's human-facing label (its number); the id when not given. */
  caseLabel?(id: string): string;
}

export interface TableCell {
  readonly value: string | number | null;
  /** Drill-down key of the cases behind a number, when there are any. */
  readonly drill?: string;
}

export interface SummaryTable {
  readonly id:
    | 'people'
    | 'departments'
    | 'steps'
    | 'dynamics-topic'
    | 'dynamics-location'
    | 'dynamics-network'
    | 'dynamics-category'
    | 'top-overdue'
    | 'case-time';
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** How to read the table where a reader would get it wrong (e.g. why the total is not the sum of the rows). */
  readonly note?: string;
}

/** The reader's language of the tables: one language per screen or file (Russian by default). */
export type ReportLang = 'ru' | 'en';

export const STEP_TITLES: Record<ReportLang, Record<(typeof REPORT_STEPS)[number], string>> = {
  ru: {
    triage: 'Первичная обработка',
    return: 'Возврат',
    reroute: 'Перенаправление',
    contribution: 'Часть ответа',
    draft: 'Проект',
    approve: 'Согласование',
    revise: 'Доработка',
    publish: 'Публикация',
    answer: 'Ответ',
    final: 'Окончательный ответ',
    explain: 'Разъяснение',
    'department-total': 'Общее время подразделения',
    'fast-track': 'Решаемые',
  },
  en: {
    triage: 'Triage',
    return: 'Return',
    reroute: 'Reroute',
    contribution: 'Contribution',
    draft: 'Draft',
    approve: 'Approval',
    revise: 'Revision',
    publish: 'Publication',
    answer: 'Answer',
    final: 'Final answer',
    explain: 'Explanation',
    'department-total': 'Department total',
    'fast-track': 'Fast-track',
  },
};

/** The tables' words in each language (titles, headers, labels). */
const WORDS = {
  ru: {
    none: '— не указано',
    /** The organisation's own row: distinct cases, not the sum of the department rows (see totalNote). */
    total: 'Всего по организации (каждое обращение один раз)',
    totalNote:
      'Строка «Всего» считает каждое обращение один раз. Обращение нескольких подразделений учтено в строке каждого ' +
      'из них, а ещё не направленное в подразделение или отклонённое при первичной обработке — ни в одной, поэтому ' +
      'сумма строк может не совпадать с итогом.',
    holder: [
      'Получено',
      'Отвечено',
      'Этапов в срок',
      'Этапов с нарушением',
      'Возвратов',
      'Доработок',
      'Медиана, раб. ч',
      '90-й перцентиль, раб. ч',
      'Промежуточных',
      'Окончательный в срок',
      'Окончательный с нарушением',
      'Ответов в срок',
      'Ответов с нарушением',
      'Время у участника, раб. ч',
    ],
    curators: 'Оператор и куратор',
    operator: 'Оператор',
    curator: 'Куратор',
    department: 'Подразделение',
    person: 'Сотрудник',
    byDepartment: 'По подразделениям',
    byPerson: 'По исполнителям',
    steps: 'Сроки по этапам: в срок и с нарушением',
    onTime: 'в срок',
    overdue: 'нарушено',
    change: 'Изменение',
    mostOverdue: 'Самые просроченные',
    case: 'Обращение',
    step: 'Этап',
    responsible: 'Ответственный',
    overdueHours: 'Просрочка, раб. ч',
    caseTime: 'Время обращения у каждого участника',
    holderColumn: 'Участник',
    workingHours: 'Раб. ч',
    share: 'Доля, %',
    topic: 'Тема',
    location: 'Территория',
    network: 'Соцсеть',
    category: 'Категория',
  },
  en: {
    none: '— not set',
    total: 'Organisation total (each case once)',
    totalNote:
      'The total counts each case once. A case of several departments is counted in each of their rows, and one not ' +
      'yet routed (or rejected at triage) in none, so the rows need not add up to the total.',
    holder: [
      'Received',
      'Answered',
      'Steps on time',
      'Steps overdue',
      'Returns',
      'Revision rounds',
      'Median, working h',
      'p90, working h',
      'Intermediate',
      'Final on time',
      'Final late',
      'Answers on time',
      'Answers late',
      'Time held, working h',
    ],
    curators: 'Operator and curator',
    operator: 'Operator',
    curator: 'Curator',
    department: 'Department',
    person: 'Person',
    byDepartment: 'By department',
    byPerson: 'By person',
    steps: 'Steps: on time and overdue',
    onTime: 'on time',
    overdue: 'overdue',
    change: 'Change',
    mostOverdue: 'Most overdue',
    case: 'Case',
    step: 'Step',
    responsible: 'Responsible',
    overdueHours: 'Overdue, working h',
    caseTime: 'Every holder’s share of each case’s time',
    holderColumn: 'Holder',
    workingHours: 'Working h',
    share: 'Share, %',
    topic: 'Topic',
    location: 'Location',
    network: 'Network',
    category: 'Category',
  },
} as const satisfies Record<ReportLang, unknown>;

/** The organisation's total row's label in `lang`. */
export const totalLabel = (lang: ReportLang = 'ru') => WORDS[lang].total;

// Every non-zero count has cases behind it (monthlySummary marks each one), so it gets a drill-down key; the lists
// themselves may be left out of what the server sends and fetched by key.
function holderCells(scope: Scope, r: HolderRow, name: string): TableCell[] {
  const n = (value: number, metric: string): TableCell =>
    value > 0 ? { value, drill: cellKey(scope, r.key, metric) } : { value };
  return [
    { value: name },
    n(r.received, 'received'),
    n(r.answered, 'answered'),
    n(r.onTime, 'onTime'),
    n(r.overdue, 'overdue'),
    n(r.returns, 'returns'),
    n(r.revisionRounds, 'revisionRounds'),
    { value: r.medianHours },
    { value: r.p90Hours },
    n(r.intermediate, 'intermediate'),
    n(r.finalOnTime, 'finalOnTime'),
    n(r.finalLate, 'finalLate'),
    n(r.answeredOnTime, 'answeredOnTime'),
    n(r.answeredLate, 'answeredLate'),
    { value: Math.round((r.heldMinutes / 60) * 10) / 10 },
  ];
}

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The tables in the reader's language (Russian by default): one language per screen or file. */
export function summaryTables(s: MonthlySummary, names: NameLookup, lang: ReportLang = 'ru'): SummaryTable[] {
  const w = WORDS[lang];
  const stepTitles = STEP_TITLES[lang];
  const deptName = (id: string) => (id === CURATORS_KEY ? w.curators : names.department(id));
  const departments: SummaryTable = {
    id: 'departments',
    title: w.byDepartment,
    header: [w.department, ...w.holder],
    rows: [
      ...s.departments.map((r) => holderCells('department', r, deptName(r.key))),
      holderCells('organisation', s.totals, w.total),
    ],
    note: w.totalNote,
  };
  const people: SummaryTable = {
    id: 'people',
    title: w.byPerson,
    header: [w.person, ...w.holder],
    rows: s.people.map((r) => holderCells('person', r, names.person(r.key))),
  };
  const stepCell = (scope: Scope, r: HolderRow, metric: 'onTime' | 'overdue', step: string): TableCell => {
    const value = r.steps[step as keyof HolderRow['steps']][metric];
    const key = cellKey(scope, r.key, metric === 'onTime' ? 'onTime' : 'overdue', step);
    return value > 0 ? { value, drill: key } : { value };
  };
  const steps: SummaryTable = {
    id: 'steps',
    title: w.steps,
    header: [
      w.department,
      ...REPORT_STEPS.flatMap((st) => [`${stepTitles[st]}: ${w.onTime}`, `${stepTitles[st]}: ${w.overdue}`]),
    ],
    rows: [
      ...s.departments.map((r) => [
        { value: deptName(r.key) },
        ...REPORT_STEPS.flatMap((st) => [
          stepCell('department', r, 'onTime', st),
          stepCell('department', r, 'overdue', st),
        ]),
      ]),
      [
        { value: w.total },
        ...REPORT_STEPS.flatMap((st) => [
          stepCell('organisation', s.totals, 'onTime', st),
          stepCell('organisation', s.totals, 'overdue', st),
        ]),
      ],
    ],
  };
  const dyn = (
    id: SummaryTable['id'],
    scope: Scope,
    title: string,
    rows: MonthlySummary['dynamics']['topic'],
  ): SummaryTable => ({
    id,
    title,
    header: [title, s.month, s.previousMonth, w.change],
    rows: rows.map((r) => [
      { value: r.value || w.none },
      r.current > 0 ? { value: r.current, drill: cellKey(scope, r.value, 'current') } : { value: 0 },
      r.previous > 0 ? { value: r.previous, drill: cellKey(scope, r.value, 'previous') } : { value: 0 },
      { value: r.delta },
    ]),
  });
  const top: SummaryTable = {
    id: 'top-overdue',
    title: w.mostOverdue,
    header: [w.case, w.step, w.responsible, w.department, w.overdueHours],
    rows: s.topOverdue.map((c) => [
      { value: names.caseLabel?.(c.caseId) ?? c.caseId, drill: `case|${c.caseId}` },
      { value: stepTitles[c.step as keyof typeof stepTitles] ?? c.step },
      { value: c.holder.personId ? names.person(c.holder.personId) : '' },
      { value: c.holder.departmentId ? names.department(c.holder.departmentId) : deptName(CURATORS_KEY) },
      { value: Math.round((c.overdueWorkingMinutes / 60) * 10) / 10 },
    ]),
  };
  const holderName = (key: string) =>
    key === 'operator' ? w.operator : key === 'curator' ? w.curator : names.department(key);
  const caseTime: SummaryTable = {
    id: 'case-time',
    title: w.caseTime,
    header: [w.case, w.holderColumn, w.workingHours, w.share],
    rows: s.caseTime.flatMap((c) => {
      const total = c.shares.reduce((n, x) => n + x.minutes, 0);
      return c.shares.map((x) => [
        { value: names.caseLabel?.(c.caseId) ?? c.caseId, drill: `case|${c.caseId}` },
        { value: holderName(x.key) },
        { value: hoursOf(x.minutes) },
        { value: total > 0 ? Math.round((x.minutes / total) * 1000) / 10 : 0 },
      ]);
    }),
  };
  return [
    departments,
    people,
    steps,
    dyn('dynamics-topic', 'topic', w.topic, s.dynamics.topic),
    dyn('dynamics-location', 'location', w.location, s.dynamics.location),
    dyn('dynamics-network', 'network', w.network, s.dynamics.network),
    dyn('dynamics-category', 'category', w.category, s.dynamics.category),
    top,
    caseTime,
  ];
}

/** A table as CSV rows (header first). */
export const tableRows = (t: SummaryTable) => [t.header, ...t.rows.map((r) => r.map((c) => c.value))];

export { ORGANISATION_KEY };
