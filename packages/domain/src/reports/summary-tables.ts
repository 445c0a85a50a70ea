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

export const STEP_TITLES: Record<(typeof REPORT_STEPS)[number], string> = {
  triage: 'Первичная обработка / triage',
  return: 'Возврат / return',
  reroute: 'Перенаправление / reroute',
  contribution: 'Часть ответа / contribution',
  draft: 'Проект / draft',
  approve: 'Согласование / approval',
  revise: 'Доработка / revision',
  publish: 'Публикация / publication',
  answer: 'Ответ / answer',
  final: 'Окончательный ответ / final',
  explain: 'Разъяснение / explanation',
  'department-total': 'Общее время подразделения / department total',
  'fast-track': 'Решаемые / fast-track',
};

const NONE = '— не указано / not set';

/** The organisation's own row: distinct cases, not the sum of the department rows (see TOTAL_NOTE). */
export const TOTAL_LABEL = 'Всего по организации (каждое обращение один раз) / organisation total (each case once)';
const TOTAL_NOTE =
  'Строка «Всего» считает каждое обращение один раз. Обращение нескольких подразделений учтено в строке каждого из них, а ещё не направленное в подразделение или отклонённое при первичной обработке — ни в одной, поэтому сумма строк может не совпадать с итогом. / The total counts each case once. A case of several departments is counted in each of their rows, and one not yet routed (or rejected at triage) in none, so the rows need not add up to the total.';

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

const HOLDER_HEADER = [
  'Получено / received',
  'Отвечено / answered',
  'Этапов в срок / steps on time',
  'Этапов с нарушением / steps overdue',
  'Возвратов / returns',
  'Доработок / revision rounds',
  'Медиана, раб. ч / median, working h',
  '90-й перцентиль, раб. ч / p90, working h',
  'Промежуточных / intermediate',
  'Окончательный в срок / final on time',
  'Окончательный с нарушением / final late',
  'Ответов в срок / answers on time',
  'Ответов с нарушением / answers late',
  'Время у участника, раб. ч / time held, working h',
];

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export function summaryTables(s: MonthlySummary, names: NameLookup): SummaryTable[] {
  const deptName = (id: string) =>
    id === CURATORS_KEY ? 'Оператор и куратор / operator and curator' : names.department(id);
  const departments: SummaryTable = {
    id: 'departments',
    title: 'По подразделениям / by department',
    header: ['Подразделение / department', ...HOLDER_HEADER],
    rows: [
      ...s.departments.map((r) => holderCells('department', r, deptName(r.key))),
      holderCells('organisation', s.totals, TOTAL_LABEL),
    ],
    note: TOTAL_NOTE,
  };
  const people: SummaryTable = {
    id: 'people',
    title: 'По исполнителям / by person',
    header: ['Сотрудник / person', ...HOLDER_HEADER],
    rows: s.people.map((r) => holderCells('person', r, names.person(r.key))),
  };
  const stepCell = (scope: Scope, r: HolderRow, metric: 'onTime' | 'overdue', step: string): TableCell => {
    const value = r.steps[step as keyof HolderRow['steps']][metric];
    const key = cellKey(scope, r.key, metric === 'onTime' ? 'onTime' : 'overdue', step);
    return value > 0 ? { value, drill: key } : { value };
  };
  const steps: SummaryTable = {
    id: 'steps',
    title: 'Сроки по этапам: в срок / с нарушением / steps: on time / overdue',
    header: [
      'Подразделение / department',
      ...REPORT_STEPS.flatMap((st) => [
        `${STEP_TITLES[st]}: в срок / on time`,
        `${STEP_TITLES[st]}: нарушено / overdue`,
      ]),
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
        { value: TOTAL_LABEL },
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
    header: [title, s.month, s.previousMonth, 'Изменение / change'],
    rows: rows.map((r) => [
      { value: r.value || NONE },
      r.current > 0 ? { value: r.current, drill: cellKey(scope, r.value, 'current') } : { value: 0 },
      r.previous > 0 ? { value: r.previous, drill: cellKey(scope, r.value, 'previous') } : { value: 0 },
      { value: r.delta },
    ]),
  });
  const top: SummaryTable = {
    id: 'top-overdue',
    title: 'Самые просроченные / most overdue',
    header: [
      'Обращение / case',
      'Этап / step',
      'Ответственный / responsible',
      'Подразделение / department',
      'Просрочка, раб. ч / overdue, working h',
    ],
    rows: s.topOverdue.map((c) => [
      { value: names.caseLabel?.(c.caseId) ?? c.caseId, drill: `case|${c.caseId}` },
      { value: STEP_TITLES[c.step as keyof typeof STEP_TITLES] ?? c.step },
      { value: c.holder.personId ? names.person(c.holder.personId) : '' },
      { value: c.holder.departmentId ? names.department(c.holder.departmentId) : deptName(CURATORS_KEY) },
      { value: Math.round((c.overdueWorkingMinutes / 60) * 10) / 10 },
    ]),
  };
  const holderName = (key: string) =>
    key === 'operator' ? 'Оператор / operator' : key === 'curator' ? 'Куратор / curator' : names.department(key);
  const caseTime: SummaryTable = {
    id: 'case-time',
    title: 'Время обращения у каждого участника / every holder’s share of each case’s time',
    header: ['Обращение / case', 'Участник / holder', 'Раб. ч / working h', 'Доля, % / share, %'],
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
    dyn('dynamics-topic', 'topic', 'Тема / topic', s.dynamics.topic),
    dyn('dynamics-location', 'location', 'Территория / location', s.dynamics.location),
    dyn('dynamics-network', 'network', 'Соцсеть / network', s.dynamics.network),
    dyn('dynamics-category', 'category', 'Категория / category', s.dynamics.category),
    top,
    caseTime,
  ];
}

/** A table as CSV rows (header first). */
export const tableRows = (t: SummaryTable) => [t.header, ...t.rows.map((r) => r.map((c) => c.value))];

export { ORGANISATION_KEY };
