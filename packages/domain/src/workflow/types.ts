// The workflow's vocabulary: roles, actors, the case state, typed errors and the signatures of the decider.
// Instants are epoch milliseconds (UTC) throughout; ids (case, person, department) are strings given by the caller.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Category, Ending, Profile, StepId } from '../profiles/schema';
import type { ChannelState } from './channel';
import type {
  Assignment,
  Attachment,
  CommandType,
  DraftKind,
  Evidence,
  Network,
  PublicationPlace,
  RouteMode,
} from './commands';
import type { CaseEvent } from './events';

export type { CaseCommand, CommandType } from './commands';
export type { CaseEvent, CaseEventType } from './events';

/** Roles of REGULATIONS.md; 'system' is the server's scheduler and intake API. */
export const ROLES = [
  'operator',
  'curator',
  'executor',
  'department-head',
  'head',
  'administrator',
  'observer',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly personId: string;
  readonly roles: readonly Role[];
  /** Departments the person belongs to (as executor) or heads (as department head). */
  readonly departmentIds: readonly string[];
  /** Persons this actor currently stands in for (illness, leave, business trip, study). */
  readonly substituteFor?: readonly string[];
}

/** Everything `decide`, `allowedCommands` and `computeClocks` need besides the state: the rules and the calendar. */
export interface DomainContext {
  readonly profile: Profile;
  readonly calendar: WorkingCalendar;
}

export type DomainErrorCode =
  | 'forbidden'
  | 'wrong-state'
  | 'invalid-input'
  | 'deadline-too-long'
  | 'not-in-profile'
  | 'window-closed'
  | 'unknown-step'
  | 'nothing-to-record';

export interface DomainError {
  readonly code: DomainErrorCode;
  /** Russian first, English second. */
  readonly message: string;
  /** Field path for 'invalid-input'; step list for 'unknown-step'. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

/** Where the case is in the life of a message. 'none' = no event yet. */
export type CaseStatus =
  | 'none'
  | 'detected'
  | 'triaged'
  | 'assigned'
  | 'returned'
  | 'draft-review'
  | 'revision'
  | 'approved'
  | 'closed';

export interface AssignmentState extends Assignment {
  /** When this department received the message (sequential: after the previous contribution); null = not yet. */
  readonly receivedAt: Instant | null;
  readonly contributedAt: Instant | null;
}

export interface Contribution {
  readonly departmentId: string;
  readonly by: string;
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly at: Instant;
}

export interface DraftState {
  readonly kind: DraftKind;
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly evidence?: Evidence;
  readonly by: string;
  readonly submittedAt: Instant;
  readonly composed: boolean;
}

export interface Publication {
  readonly kind: 'answer' | 'intermediate' | 'clarification';
  readonly where: PublicationPlace;
  readonly by: string;
  readonly at: Instant;
}

/** Who must act on a clock: a person, or any curator/operator (personId null). */
export interface Responsible {
  readonly role: 'operator' | 'curator' | 'executor';
  readonly personId: string | null;
  readonly departmentId: string | null;
}

/** One clock's life in the state, kept after it closes so reports see every breach. Due times are computed by
 *  `computeClocks` from the profile; breach/at-risk records carry the due time they were measured against. */
export interface ClockRecord {
  /** Unique in the case: `${step}@${version of the event that started it}` (+ `:${departmentId}` for contributions). */
  readonly id: string;
  readonly step: StepId;
  /** 'overall' = the case's answer deadline (then the `final` one after an intermediate answer). */
  readonly kind: 'step' | 'overall';
  readonly startedAt: Instant;
  readonly responsible: Responsible;
  readonly closedAt: Instant | null;
  readonly atRiskAt: Instant | null;
  readonly breachedAt: Instant | null;
  readonly dueAt: Instant | null;
}

export interface CaseState extends ChannelState {
  /** Number of events folded in (the per-case version). */
  readonly version: number;
  readonly caseId: string | null;
  readonly profileId: string | null;
  readonly overallStep: StepId;
  readonly triageEndsAt: 'triaged' | 'routed';
  readonly status: CaseStatus;
  /** 'answer' until an intermediate answer is published, then 'final'. */
  readonly stage: 'answer' | 'final';
  readonly ending: Ending | null;
  readonly message: {
    readonly network: Network;
    readonly link: string;
    readonly author: { readonly name: string; readonly profileUrl?: string };
    readonly text: string;
    readonly attachments: readonly Attachment[];
    readonly visibility: 'public' | 'private';
    readonly externalId?: string;
  } | null;
  readonly detectedAt: Instant | null;
  readonly postedAt: Instant | null;
  readonly triagedAt: Instant | null;
  readonly topic: string | null;
  readonly location: string | null;
  readonly category: Category | null;
  readonly rejectionGround: string | null;
  readonly mode: RouteMode | null;
  /** In the curator's order. */
  readonly assignments: readonly AssignmentState[];
  readonly routedAt: Instant | null;
  readonly returnedAt: Instant | null;
  readonly contributions: readonly Contribution[];
  readonly draft: DraftState | null;
  readonly approvedAt: Instant | null;
  readonly publisher: 'executor' | 'curator' | null;
  readonly revisionRequestedAt: Instant | null;
  readonly intermediatePublishedAt: Instant | null;
  readonly publications: readonly Publication[];
  readonly returns: readonly {
    readonly departmentId: string;
    readonly by: string;
    readonly reason: string;
    readonly at: Instant;
  }[];
  readonly revisions: readonly { readonly reason: string; readonly by: string; readonly at: Instant }[];
  readonly repeatOf: readonly string[];
  readonly sociallySignificant: boolean;
  /** Curator-shortened deadlines per step (NAO p.14), epoch ms; they hold while that clock is open. */
  readonly shortenedDeadlines: Readonly<Partial<Record<StepId, { readonly clockId: string; readonly dueAt: Instant }>>>;
  readonly appeal: {
    readonly fullName: string;
    readonly address: string;
    readonly phone: string;
    readonly registrationNumber: string;
  } | null;
  readonly closedAt: Instant | null;
  /** Every clock opened so far, open ones with closedAt null. */
  readonly clocks: readonly ClockRecord[];
}

export type DecideResult =
  | { readonly ok: true; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: DomainError };

export type Decide = (
  state: CaseState,
  /** Validated with zCaseCommand inside: raw API input is fine. */
  command: unknown,
  actor: Actor,
  now: Instant,
  ctx: DomainContext,
) => DecideResult;
export type Evolve = (state: CaseState, event: CaseEvent) => CaseState;
export type Replay = (events: readonly CaseEvent[]) => CaseState;
export type AllowedCommands = (
  state: CaseState,
  actor: Actor,
  ctx: DomainContext,
  now?: Instant,
) => readonly CommandType[];
