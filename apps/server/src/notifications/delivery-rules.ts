// Who is notified of a committed case event, and with what words. Whom an event concerns is the domain's decision
// (noticesFor), taken from the state *before* the event, which is folded here from the event log; this file only
// resolves the parties to people (every curator, a department's deputy, the organisation's named supervisors), sends
// an absent person's notices to their substitute (the domain's recipientOf) and writes the words.
import {
  type AbsenceSpan,
  type Addressee,
  type CaseEvent,
  type CaseState,
  evolve,
  initialState,
  type Notice,
  noticesFor,
  type Responsible,
  recipientOf,
  type Supervision,
  supervisorOf,
} from '@otklik/domain';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { cases, organisations } from '../db/schema';
import type { CommittedEvent } from '../events-bus';
import type { NewNotification } from './delivery-feed';

const STEP_NAMES: Record<string, string> = {
  triage: 'первичная обработка / triage',
  return: 'возврат / return',
  reroute: 'перенаправление / re-routing',
  contribution: 'вклад исполнителя / contribution',
  answer: 'ответ / answer',
  draft: 'проект ответа / draft',
  approve: 'согласование / approval',
  revise: 'доработка / revision',
  publish: 'публикация / publication',
  final: 'окончательный ответ / final answer',
  explain: 'разъяснение / explanation',
  'department-total': 'общее время подразделения / department total',
  'fast-track': 'решаемое обращение / fast-track',
};

const ROLE_NAMES: Record<Responsible['role'], string> = {
  operator: 'оператор / operator',
  curator: 'куратор / curator',
  executor: 'исполнитель / executor',
};

const when = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);

/** The organisation's people, departments, supervisors and absences: loaded once per batch. */
export interface Directory {
  readonly withRole: (role: string) => string[];
  readonly supervision: Supervision;
  readonly departmentName: (id: string | null) => string;
  readonly absences: readonly AbsenceSpan[];
}

/** Parsed by one driver, text from the other: a json value built in SQL. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The organisation's time zone, people, departments, supervisors and absences, in one statement: loaded once per
 *  pass of the outbox and shared by its batches. */
export async function loadDirectory(
  db: DbOrTx,
  organisationId: string,
): Promise<{ timeZone: string; directory: Directory }> {
  const [org] = await db
    .select({
      timeZone: organisations.timeZone,
      curator: organisations.curatorSupervisorId,
      operator: organisations.operatorSupervisorId,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, and these are correlated.
      departments: sql<unknown>`(select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'deputy', d.supervising_deputy_id)), '[]') from departments d where d.organisation_id = "organisations"."id")`,
      // In the order of their names: everyone a role reaches (every curator) is notified in one stable order.
      people: sql<unknown>`(select coalesce(json_agg(json_build_object('id', p.id, 'roles', p.roles) order by p.full_name, p.id), '[]') from people p where p.organisation_id = "organisations"."id" and p.active)`,
      absences: sql<unknown>`(select coalesce(json_agg(json_build_object('personId', a.person_id, 'substituteId', a.substitute_id, 'startsAt', (extract(epoch from a.starts_at) * 1000)::bigint, 'endsAt', (extract(epoch from a.ends_at) * 1000)::bigint)), '[]') from absences a where a.organisation_id = "organisations"."id")`,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const deptRows = fromJson<{ id: string; name: string; deputy: string | null }[]>(org?.departments ?? []);
  const peopleRows = fromJson<{ id: string; roles: string[] }[]>(org?.people ?? []);
  const absenceRows = fromJson<AbsenceSpan[]>(org?.absences ?? []);
  const depts = new Map(deptRows.map((d) => [d.id, d]));
  return {
    timeZone: org?.timeZone ?? 'Europe/Moscow',
    directory: {
      withRole: (role) => peopleRows.filter((p) => p.roles.includes(role)).map((p) => p.id),
      supervision: {
        departmentDeputy: (id) => depts.get(id)?.deputy ?? null,
        curatorSupervisor: org?.curator ?? null,
        operatorSupervisor: org?.operator ?? null,
      },
      departmentName: (id) => (id ? (depts.get(id)?.name ?? '') : ''),
      absences: absenceRows.map((a) => ({
        personId: a.personId,
        substituteId: a.substituteId,
        startsAt: Number(a.startsAt),
        endsAt: Number(a.endsAt),
      })),
    },
  };
}

/** The people an addressee means (before substitution). */
function peopleOf(to: Addressee, dir: Directory): (string | null)[] {
  if ('person' in to) return [to.person];
  if ('role' in to) return dir.withRole(to.role);
  return [supervisorOf(to.supervisorOf, dir.supervision)];
}

function holderName(h: Responsible | undefined, dir: Directory): string {
  if (!h) return '';
  return h.role === 'executor' ? dir.departmentName(h.departmentId) : ROLE_NAMES[h.role];
}

/** The words of one notice. */
function wordsOf(
  n: Notice,
  label: string,
  event: CaseEvent,
  state: CaseState,
  dir: Directory,
  timeZone: string,
): Pick<NewNotification, 'kind' | 'title' | 'body'> {
  const step = n.step ? (STEP_NAMES[n.step] ?? n.step) : '';
  const due = n.dueAt !== undefined ? when(n.dueAt, timeZone) : '';
  switch (n.kind) {
    case 'registered':
      return {
        kind: 'registered',
        title: `Новое сообщение ${label} ждёт первичной обработки / new message ${label} awaits triage`,
        body: state.message?.text.slice(0, 300) ?? '',
      };
    case 'draft-submitted':
      return {
        kind: 'draft-submitted',
        title: `Проект ответа по ${label} ждёт согласования / draft for ${label} awaits approval`,
        body: '',
      };
    case 'assigned':
      return event.type === 'executor-reassigned'
        ? {
            kind: 'assigned',
            title: `Вам передано обращение ${label} / case ${label} passed to you`,
            body: n.reason ?? '',
          }
        : { kind: 'assigned', title: `Вам поручено обращение ${label} / case ${label} assigned to you`, body: '' };
    case 'part-received':
      return {
        kind: 'part-received',
        title: `Часть ответа по ${label} получена — перешлите следующему исполнителю / part received for ${label}: forward it`,
        body: '',
      };
    case 'returned-to-you':
      return {
        kind: 'returned-to-you',
        title: `Обращение ${label} возвращено вам / case ${label} returned to you`,
        body: n.reason ?? '',
      };
    case 'draft-approved':
      return {
        kind: 'draft-approved',
        title: `Проект ответа по ${label} согласован / draft for ${label} approved`,
        body: '',
      };
    case 'draft-returned':
      return {
        kind: 'draft-returned',
        title: `Проект ответа по ${label} возвращён на доработку / draft for ${label} returned`,
        body: n.reason ?? '',
      };
    case 'clock-at-risk':
      return {
        kind: 'clock-at-risk',
        title: `Срок по ${label} истекает ${due} / ${label} due soon`,
        body: `Этап: ${step}`,
      };
    case 'clock-breached':
      return {
        kind: 'clock-breached',
        title: `Срок по ${label} нарушен (${due}) / ${label} overdue`,
        body: `Этап: ${step}`,
      };
    case 'deficiency-notice':
      return {
        kind: 'deficiency-notice',
        title: `Нарушение срока: ${holderName(n.holder, dir)}, ${label} / deadline breached`,
        body: `Этап: ${step}; срок: ${due}`,
      };
    case 'alert-to-head':
      return {
        kind: 'alert-to-head',
        title: `Социально значимое обращение ${label} / socially significant case ${label}`,
        body: state.message?.text.slice(0, 500) ?? '',
      };
  }
}

/** Notifications for one command's committed events (all of one case, in version order). */
export async function notificationsFor(
  db: DbOrTx,
  committed: readonly CommittedEvent[],
  timeZone: string,
  dir: Directory,
): Promise<NewNotification[]> {
  const first = committed[0];
  if (!first) return [];
  // The case's number and the state the first of these events was decided on (the fold of every earlier event of
  // the case), in one statement.
  const [row] = await db
    .select({
      number: cases.number,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, and this one is correlated.
      earlier: sql<unknown>`(select coalesce(json_agg(e.payload order by e.version), '[]') from case_events e where e.case_id = "cases"."id" and e.version < ${first.version})`,
    })
    .from(cases)
    .where(eq(cases.id, first.caseId));
  if (!row) return [];
  let state = fromJson<CaseEvent[]>(row.earlier).reduce(evolve, initialState);
  const label = `№ ${row.number}`;
  const out: NewNotification[] = [];
  for (const c of committed) {
    const event = c.payload;
    const before = state;
    state = evolve(before, event);
    for (const notice of noticesFor(before, event, state)) {
      const words = wordsOf(notice, label, event, state, dir, timeZone);
      const seen = new Set<string>();
      for (const person of peopleOf(notice.to, dir)) {
        if (!person || person === 'system') continue;
        // An absent person's notices go to their substitute while the absence lasts.
        const to = recipientOf(person, dir.absences, event.at);
        if (seen.has(to) || to === notice.except) continue;
        seen.add(to);
        out.push({ ...words, personId: to, organisationId: c.organisationId, caseId: c.caseId });
      }
    }
  }
  return out;
}
