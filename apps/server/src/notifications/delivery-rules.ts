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
import { and, asc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { absences, caseEvents, cases, departments, organisations, people } from '../db/schema';
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
interface Directory {
  readonly withRole: (role: string) => string[];
  readonly supervision: Supervision;
  readonly departmentName: (id: string | null) => string;
  readonly absences: readonly AbsenceSpan[];
}

async function loadDirectory(db: DbOrTx, organisationId: string): Promise<Directory> {
  const [org] = await db
    .select({ curator: organisations.curatorSupervisorId, operator: organisations.operatorSupervisorId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const [deptRows, peopleRows, absenceRows] = await Promise.all([
    db
      .select({ id: departments.id, name: departments.name, deputy: departments.supervisingDeputyId })
      .from(departments)
      .where(eq(departments.organisationId, organisationId)),
    db
      .select({ id: people.id, roles: people.roles })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.active, true))),
    db.select().from(absences).where(eq(absences.organisationId, organisationId)),
  ]);
  const depts = new Map(deptRows.map((d) => [d.id, d]));
  return {
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
      startsAt: a.startsAt.getTime(),
      endsAt: a.endsAt.getTime(),
    })),
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
): Promise<NewNotification[]> {
  const first = committed[0];
  if (!first) return [];
  const [row] = await db.select({ number: cases.number }).from(cases).where(eq(cases.id, first.caseId));
  if (!row) return [];
  // The state the first of these events was decided on: the fold of every earlier event of the case.
  const earlier = await db
    .select({ payload: caseEvents.payload })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, first.caseId), lt(caseEvents.version, first.version)))
    .orderBy(asc(caseEvents.version));
  let state = earlier.reduce((s, e) => evolve(s, e.payload as CaseEvent), initialState);
  const dir = await loadDirectory(db, first.organisationId);
  const label = `№ ${row.number}`;
  const out: NewNotification[] = [];
  for (const c of committed) {
    const event = c.payload as CaseEvent;
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
