// Whom a case event concerns, decided from the state the event was decided on (the state *before* it): assignments,
// returns, draft decisions, clocks at risk and breached, and the deficiency notice of a breach, which goes to the
// supervisor of whoever held the clock at the breach instant (konyshevsky p.22, krasnoufimsk p.24, NAO p.27). An
// absent person's notices go to their substitute. The server only looks names up and writes the words.
import type { Instant } from '../calendar/types';
import type { StepId } from '../profiles/schema';
import type { CaseEvent } from './events';
import { clockHolders } from './holders';
import { composerOf } from './state';
import type { CaseState, Responsible } from './types';

/** Who supervises whom: the supervising deputy of each department; for a curator or an operator, the person the
 *  organisation names (konyshevsky p.22 "управляющий делами", NAO p.27 the deputy governor). */
export interface Supervision {
  readonly departmentDeputy: (departmentId: string) => string | null;
  readonly curatorSupervisor: string | null;
  readonly operatorSupervisor: string | null;
}

/** The supervisor a breach by `holder` is reported to; null when the organisation names nobody. */
export function supervisorOf(holder: Responsible, supervision: Supervision): string | null {
  switch (holder.role) {
    case 'executor':
      return holder.departmentId ? supervision.departmentDeputy(holder.departmentId) : null;
    case 'curator':
      return supervision.curatorSupervisor;
    case 'operator':
      return supervision.operatorSupervisor;
  }
}

export interface AbsenceSpan {
  readonly personId: string;
  readonly substituteId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
}

/** Who receives a notice meant for `personId` at `at`: the substitute while the person is absent (and the
 *  substitute's own substitute if they are away too), never looping. */
export function recipientOf(personId: string, absences: readonly AbsenceSpan[], at: Instant): string {
  let current = personId;
  const seen = new Set<string>([current]);
  for (;;) {
    const away = absences.find((a) => a.personId === current && a.startsAt <= at && at < a.endsAt);
    if (!away || seen.has(away.substituteId)) return current;
    current = away.substituteId;
    seen.add(current);
  }
}

/** A party to notify: a person, or every curator/operator of the organisation (a clock of "any curator"). */
export type Addressee =
  | { readonly person: string }
  | { readonly role: 'curator' | 'operator' | 'head' }
  | { readonly supervisorOf: Responsible };

export type NoticeKind =
  | 'registered'
  | 'assigned'
  | 'returned-to-you'
  | 'part-received'
  | 'draft-submitted'
  | 'draft-approved'
  | 'draft-returned'
  | 'clock-at-risk'
  | 'clock-breached'
  | 'deficiency-notice'
  | 'alert-to-head';

export interface Notice {
  readonly kind: NoticeKind;
  readonly to: Addressee;
  /** The clock's step, for clock notices. */
  readonly step?: StepId;
  readonly dueAt?: Instant;
  /** The holder a breach is charged to (for the deficiency notice's words). */
  readonly holder?: Responsible;
  readonly reason?: string;
  /** The person whose own action this is: never told of it (a curator who registers or composes a draft). */
  readonly except?: string;
}

const toHolder = (r: Responsible): Addressee =>
  r.personId ? { person: r.personId } : { role: r.role === 'operator' ? 'operator' : 'curator' };

/** The notices one event causes, from the state before it (and the state after, for who received the case). */
export function noticesFor(before: CaseState, event: CaseEvent, after: CaseState): Notice[] {
  switch (event.type) {
    case 'case-registered':
      // A new message waits for triage: every curator is told (issue 12, the curator's queue).
      return [{ kind: 'registered', to: { role: 'curator' }, except: event.by }];
    case 'draft-submitted':
      // The draft waits for approval: the curator who routed the case, every curator when that is not known.
      return [
        {
          kind: 'draft-submitted',
          to: before.routedBy ? { person: before.routedBy } : { role: 'curator' },
          except: event.by,
        },
      ];
    case 'case-routed':
    case 'case-moved':
    case 'case-forwarded':
    case 'contribution-submitted': {
      const received = after.assignments.filter(
        (a) =>
          a.receivedAt === event.at &&
          !before.assignments.some((b) => b.departmentId === a.departmentId && b.receivedAt !== null),
      );
      const out: Notice[] = received.map((a) => ({ kind: 'assigned', to: { person: a.executorId } }));
      // konyshevsky p.16, NAO p.22.2: the part goes to the curator, who forwards it.
      if (event.type === 'contribution-submitted' && after.forwarded) {
        out.push({ kind: 'part-received', to: { role: 'curator' } });
      }
      return out;
    }
    case 'executor-reassigned':
      return [{ kind: 'assigned', to: { person: event.toPersonId }, reason: event.reason }];
    case 'case-returned': {
      // Back to the curator who routed it (every curator when that is not known).
      const to: Addressee = before.routedBy ? { person: before.routedBy } : { role: 'curator' };
      const out: Notice[] = [{ kind: 'returned-to-you', to, reason: event.reason }];
      if (event.late) {
        // A return after its window is a breach of `return` by the returning executor (REGULATIONS "Clocks exactly").
        const a = before.assignments.find((x) => x.departmentId === event.departmentId);
        const holder: Responsible = {
          role: 'executor',
          personId: a?.executorId ?? event.by,
          departmentId: event.departmentId,
        };
        out.push({
          kind: 'deficiency-notice',
          to: { supervisorOf: holder },
          step: 'return',
          dueAt: event.late.dueAt,
          holder,
        });
      }
      return out;
    }
    case 'draft-approved':
      return before.draft ? [{ kind: 'draft-approved', to: { person: before.draft.by } }] : [];
    case 'revision-requested': {
      const composer = composerOf(before);
      const to = before.draft?.by ?? composer?.executorId;
      return to ? [{ kind: 'draft-returned', to: { person: to }, reason: event.reason }] : [];
    }
    case 'clock-at-risk': {
      const record = before.clocks.find((r) => r.id === event.clockId);
      if (!record) return [];
      return clockHolders(before, record).map((h) => ({
        kind: 'clock-at-risk',
        to: toHolder(h),
        step: record.step,
        dueAt: event.dueAt,
        holder: h,
      }));
    }
    case 'clock-breached': {
      const record = before.clocks.find((r) => r.id === event.clockId);
      if (!record) return [];
      // Charged to the holders at the breach instant, as the event recorded them (older events: the state before).
      const holders = event.holders ?? clockHolders(before, record);
      return holders.flatMap((h): Notice[] => [
        { kind: 'clock-breached', to: toHolder(h), step: record.step, dueAt: event.dueAt, holder: h },
        { kind: 'deficiency-notice', to: { supervisorOf: h }, step: record.step, dueAt: event.dueAt, holder: h },
      ]);
    }
    case 'flagged-socially-significant':
      // konyshevsky p.24, krasnoufimsk p.25, NAO p.29: socially significant messages go to the head immediately.
      return [{ kind: 'alert-to-head', to: { role: 'head' } }];
    default:
      return [];
  }
}
