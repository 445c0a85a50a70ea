// Who is notified of a committed case event, and with what words. Whom an event concerns is the domain's decision
// (noticesFor), taken from the state *before* the event, which is folded here from the event log; this file only
// resolves the parties to people (every curator, a department's deputy, the organisation's named supervisors), sends
// an absent person's notices to their substitute (the domain's recipientOf) and writes the words.
import type { NotificationKey, NotificationKind, NotificationMessage, NotificationParams } from '@otklik/contract';
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
import { sql } from 'drizzle-orm';
import { fromJson } from '../db/driver-values';
import type { CommittedEvent } from '../events-bus';
import type { NewNotification } from './delivery-feed';

// Digits only ("05.12.2026, 14:30"), read the same in both languages. One formatter per zone: building one costs
// far more than formatting with it.
const formatters = new Map<string, Intl.DateTimeFormat>();
const when = (at: number, timeZone: string) => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    formatters.set(timeZone, format);
  }
  return format.format(at);
};

/** The organisation's people, departments, supervisors and absences: loaded once per batch. */
export interface Directory {
  readonly withRole: (role: string) => string[];
  readonly supervision: Supervision;
  readonly departmentName: (id: string | null) => string;
  readonly absences: readonly AbsenceSpan[];
}

/** The columns that read an organisation's time zone, people, departments, supervisors and absences, for a select
 *  of any one row (the outbox reads them with its cursor and events, in one statement); `toDirectory` reads them. */
export function directoryColumns(organisationId: string) {
  return {
    timeZone: sql<string | null>`(select o.time_zone from organisations o where o.id = ${organisationId})`,
    curator: sql<string | null>`(select o.curator_supervisor_id from organisations o where o.id = ${organisationId})`,
    operator: sql<string | null>`(select o.operator_supervisor_id from organisations o where o.id = ${organisationId})`,
    departments: sql<unknown>`(select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name, 'deputy', d.supervising_deputy_id)), '[]') from departments d where d.organisation_id = ${organisationId})`,
    // In the order of their names: everyone a role reaches (every curator) is notified in one stable order.
    people: sql<unknown>`(select coalesce(json_agg(json_build_object('id', p.id, 'roles', p.roles) order by p.full_name, p.id), '[]') from people p where p.organisation_id = ${organisationId} and p.active)`,
    absences: sql<unknown>`(select coalesce(json_agg(json_build_object('personId', a.person_id, 'substituteId', a.substitute_id, 'startsAt', (extract(epoch from a.starts_at) * 1000)::bigint, 'endsAt', (extract(epoch from a.ends_at) * 1000)::bigint)), '[]') from absences a where a.organisation_id = ${organisationId})`,
  };
}

/** The directory of a row read with `directoryColumns`. */
export function toDirectory(org: {
  timeZone: string | null;
  curator: string | null;
  operator: string | null;
  departments: unknown;
  people: unknown;
  absences: unknown;
}): { timeZone: string; directory: Directory } {
  const deptRows = fromJson<{ id: string; name: string; deputy: string | null }[]>(org.departments ?? []);
  const peopleRows = fromJson<{ id: string; roles: string[] }[]>(org.people ?? []);
  const absenceRows = fromJson<AbsenceSpan[]>(org.absences ?? []);
  const depts = new Map(deptRows.map((d) => [d.id, d]));
  return {
    timeZone: org.timeZone ?? 'Europe/Moscow',
    directory: {
      withRole: (role) => peopleRows.filter((p) => p.roles.includes(role)).map((p) => p.id),
      supervision: {
        departmentDeputy: (id) => depts.get(id)?.deputy ?? null,
        curatorSupervisor: org.curator ?? null,
        operatorSupervisor: org.operator ?? null,
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

/** Whom a deficiency notice is about: an executor's department by name, else the role. */
function holderOf(h: Responsible | undefined, dir: Directory): { role?: string; department?: string } {
  if (!h) return {};
  return h.role === 'executor' ? { department: dir.departmentName(h.departmentId) } : { role: h.role };
}

/** The message of one notice, as the notification catalogue's key and parameters. */
function wordsOf(
  n: Notice,
  number: number,
  event: CaseEvent,
  state: CaseState,
  dir: Directory,
  timeZone: string,
): Pick<NewNotification, 'kind' | 'message'> {
  const due = n.dueAt !== undefined ? when(n.dueAt, timeZone) : '';
  const step = n.step ? { step: n.step } : {};
  const reason = n.reason ? { reason: n.reason } : {};
  const text = (max: number) => state.message?.text.slice(0, max) ?? '';
  switch (n.kind) {
    case 'registered':
      return said('registered', 'notification.registered', { number, text: text(300) });
    case 'draft-submitted':
      return said('draft-submitted', 'notification.draft-submitted', { number });
    case 'assigned':
      return event.type === 'executor-reassigned'
        ? said('assigned', 'notification.passed', { number, ...reason })
        : said('assigned', 'notification.assigned', { number });
    case 'part-received':
      return said('part-received', 'notification.part-received', { number });
    case 'returned-to-you':
      return said('returned-to-you', 'notification.returned-to-you', { number, ...reason });
    case 'draft-approved':
      return said('draft-approved', 'notification.draft-approved', { number });
    case 'draft-returned':
      return said('draft-returned', 'notification.draft-returned', { number, ...reason });
    case 'clock-at-risk':
      return said('clock-at-risk', 'notification.clock-at-risk', { number, due, ...step });
    case 'clock-breached':
      return said('clock-breached', 'notification.clock-breached', { number, due, ...step });
    case 'deficiency-notice':
      return said('deficiency-notice', 'notification.deficiency', { number, due, ...step, ...holderOf(n.holder, dir) });
    case 'alert-to-head':
      return said('alert-to-head', 'notification.significant', { number, text: text(500) });
  }
}

/** A notification of `kind` saying the catalogue's `key` with its parameters (checked against the key). */
function said<K extends NotificationKey>(
  kind: NotificationKind,
  key: K,
  params: NotificationParams<K>,
): Pick<NewNotification, 'kind' | 'message'> {
  const message: NotificationMessage<K> = { key, params };
  return { kind, message };
}

/** A case as notifications need it: its number and the state before the events at hand. */
export interface CaseBefore {
  readonly number: number;
  readonly state: CaseState;
}

/** The state of a case from its earlier events (in version order). */
export const foldEarlier = (earlier: readonly CaseEvent[]): CaseState => earlier.reduce(evolve, initialState);

/** Notifications for one command's committed events (all of one case, in version order), from the case's state
 *  before the first of them; returns them and the state after the last. */
export function notificationsFor(
  committed: readonly CommittedEvent[],
  before: CaseBefore,
  timeZone: string,
  dir: Directory,
): { notifications: NewNotification[]; after: CaseState } {
  let state = before.state;
  const out: NewNotification[] = [];
  for (const c of committed) {
    const event = c.payload;
    const previous = state;
    state = evolve(previous, event);
    for (const notice of noticesFor(previous, event, state)) {
      const words = wordsOf(notice, before.number, event, state, dir, timeZone);
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
  return { notifications: out, after: state };
}
