// Who is notified of a committed case event, and with what words: assignments, returns, draft decisions, clocks at
// risk and breached, deficiency notices to the supervising deputy, immediate alerts to the head.
import type { CaseEvent, CaseState, ClockRecord } from '@otklik/domain';
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { caseEvents, cases, departments, people } from '../db/schema';
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
};

async function peopleWithRole(db: DbOrTx, organisationId: string, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(eq(people.organisationId, organisationId), eq(people.active, true), arrayContains(people.roles, [role])),
    );
  return rows.map((r) => r.id);
}

/** Who must act on a clock: its person, or every curator when the step belongs to "any curator" (personId null). */
async function clockOwners(db: DbOrTx, organisationId: string, record: ClockRecord): Promise<string[]> {
  if (record.responsible.personId) return [record.responsible.personId];
  return peopleWithRole(db, organisationId, record.responsible.role === 'operator' ? 'operator' : 'curator');
}

async function lastRouter(db: DbOrTx, caseId: string): Promise<string | null> {
  const [row] = await db
    .select({ actorId: caseEvents.actorId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'case-routed')))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return row?.actorId ?? null;
}

const when = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);

/** Notifications for one command's committed events (all of one case). */
export async function notificationsFor(
  db: DbOrTx,
  committed: readonly CommittedEvent[],
  timeZone: string,
): Promise<NewNotification[]> {
  const first = committed[0];
  if (!first) return [];
  const [row] = await db
    .select({ number: cases.number, state: cases.state })
    .from(cases)
    .where(eq(cases.id, first.caseId));
  if (!row) return [];
  const state = row.state as CaseState;
  const label = `№ ${row.number}`;
  const out: NewNotification[] = [];
  const push = (personIds: readonly (string | null)[], n: Omit<NewNotification, 'personId' | 'organisationId'>) => {
    for (const personId of new Set(personIds)) {
      if (personId && personId !== 'system') out.push({ ...n, personId, organisationId: first.organisationId });
    }
  };
  for (const c of committed) {
    const event = c.payload as CaseEvent;
    const caseId = c.caseId;
    switch (event.type) {
      case 'case-routed':
      case 'contribution-submitted': {
        // Whoever received the message with this event: all of a parallel set, the next of a sequential chain.
        const received = state.assignments.filter((a) => a.receivedAt === event.at && a.contributedAt === null);
        push(
          received.map((a) => a.executorId),
          {
            caseId,
            kind: 'assigned',
            title: `Вам поручено обращение ${label} / case ${label} assigned to you`,
            body: '',
          },
        );
        break;
      }
      case 'executor-reassigned':
        push([event.toPersonId], {
          caseId,
          kind: 'assigned',
          title: `Вам передано обращение ${label} / case ${label} passed to you`,
          body: event.reason,
        });
        break;
      case 'case-returned':
        push([await lastRouter(db, caseId)], {
          caseId,
          kind: 'returned-to-you',
          title: `Обращение ${label} возвращено вам / case ${label} returned to you`,
          body: event.reason,
        });
        break;
      case 'draft-approved':
        push([state.draft?.by ?? null], {
          caseId,
          kind: 'draft-approved',
          title: `Проект ответа по ${label} согласован / draft for ${label} approved`,
          body: '',
        });
        break;
      case 'revision-requested':
        push([state.draft?.by ?? null], {
          caseId,
          kind: 'draft-returned',
          title: `Проект ответа по ${label} возвращён на доработку / draft for ${label} returned`,
          body: event.reason,
        });
        break;
      case 'clock-at-risk':
      case 'clock-breached': {
        const record = state.clocks.find((r) => r.id === event.clockId);
        if (!record) break;
        const step = STEP_NAMES[record.step] ?? record.step;
        const due = when(event.dueAt, timeZone);
        const owners = await clockOwners(db, first.organisationId, record);
        if (event.type === 'clock-at-risk') {
          push(owners, {
            caseId,
            kind: 'clock-at-risk',
            title: `Срок по ${label} истекает ${due} / ${label} due soon`,
            body: `Этап: ${step}`,
          });
          break;
        }
        push(owners, {
          caseId,
          kind: 'clock-breached',
          title: `Срок по ${label} нарушен (${due}) / ${label} overdue`,
          body: `Этап: ${step}`,
        });
        // konyshevsky p.22, krasnoufimsk p.24, nao p.27: a breach is reported to the supervising deputy.
        if (record.responsible.departmentId) {
          const [dept] = await db
            .select({ name: departments.name, deputy: departments.supervisingDeputyId })
            .from(departments)
            .where(eq(departments.id, record.responsible.departmentId));
          push([dept?.deputy ?? null], {
            caseId,
            kind: 'deficiency-notice',
            title: `Нарушение срока: ${dept?.name ?? ''}, ${label} / deadline breached`,
            body: `Этап: ${step}; срок: ${due}`,
          });
        }
        break;
      }
      case 'flagged-socially-significant':
        // konyshevsky p.24, krasnoufimsk p.25, nao p.29: socially significant messages go to the head immediately.
        push(await peopleWithRole(db, first.organisationId, 'head'), {
          caseId,
          kind: 'alert-to-head',
          title: `Социально значимое обращение ${label} / socially significant case ${label}`,
          body: state.message?.text.slice(0, 500) ?? '',
        });
        break;
      default:
        break;
    }
  }
  return out;
}
