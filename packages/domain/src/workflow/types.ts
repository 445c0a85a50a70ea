// The workflow's vocabulary: roles, actors, the case state, typed errors and the signatures of the decider.
// Instants are epoch milliseconds (UTC) throughout; ids (case, person, department) are strings given by the caller.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Category, Ending, HolderKind, Profile, StartEvent, StepId, StopEvent } from '../profiles/schema';
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
import type { RefusalKey, RefusalParams } from './refusals';

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
/** The roles a person of the directory may hold: every role but the server's own 'system'. */
export const PERSON_ROLES: readonly Exclude<Role, 'system'>[] = ROLES.filter((r) => r !== 'system');

export interface Actor {
  readonly personId: string;
  readonly roles: readonly Role[];
  /** Departments the person belongs to (as executor) or heads (as department head). */
  readonly departmentIds: readonly string[];
  /** Persons this actor currently stands in for (illness, leave, business trip, study). */
  readonly substituteFor?: readonly string[];
}

/** One entry of the organisation's topic directory (NAO p.16 marks some as listed). */
export interface DirectoryTopic {
  readonly id: string;
  readonly name: string;
  /** Marked by the administrator for the profile's listed-topic limits (NAO p.16). */
  readonly listed: boolean;
}

/** One person of the organisation as the decider needs them (a substitute must be an executor of the department). */
export interface DirectoryPerson {
  readonly id: string;
  readonly departmentId: string | null;
  readonly roles: readonly Role[];
  readonly active: boolean;
}

/** What the decider may know of the organisation's directory; a check that needs a missing part is skipped. */
export interface DomainDirectory {
  readonly topics?: readonly DirectoryTopic[];
  readonly people?: readonly DirectoryPerson[];
}

/** Everything `decide`, `allowedCommands` and `computeClocks` need besides the state: the rules and the calendar. */
export interface DomainContext {
  readonly profile: Profile;
  readonly calendar: WorkingCalendar;
  readonly directory?: DomainDirectory;
}

export type DomainErrorCode =
  | 'forbidden'
  | 'wrong-state'
  | 'invalid-input'
  | 'deadline-too-long'
  | 'not-in-profile'
  | 'window-closed'
  | 'unknown-step'
  | 'nothing-to-record'
  | 'unknown-topic';

export interface DomainError {
  readonly code: DomainErrorCode;
  /** What to say: a key of the refusal catalogue (./refusals.ts) and its parameters, worded by each reader. */
  readonly key: RefusalKey;
  readonly params: RefusalParams;
  /** The same in Russian and English (Russian first), rendered from the catalogue: for logs and the CLI. */
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
  /** idrinsky 3.7: why an explanation is given instead of an answer. */
  readonly explanationReason?: string;
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

/** How a clock of the pinned model starts, stops and who holds it (the limit stays in the live profile). */
export interface PinnedClock {
  readonly start: StartEvent;
  readonly stop: StopEvent;
  readonly holder: HolderKind;
}
/** The clock model a case was registered under (from its profile), so folding its events never needs the profile. */
export type PinnedModel = Readonly<Partial<Record<StepId, PinnedClock>>>;

/** One clock's life in the state, kept after it closes so reports see every breach. Due times are computed by
 *  `computeClocks` from the profile; breach/at-risk records carry the due time they were measured against. */
export interface ClockRecord {
  /** Unique in the case: `${step}@${version of the event that started it}` (+ `:${departmentId}` for a department's). */
  readonly id: string;
  readonly step: StepId;
  /** 'overall' = a case-wide clock (answer, explanation, then `final` after an intermediate answer). */
  readonly kind: 'step' | 'overall';
  readonly startedAt: Instant;
  /** The party the clock names: the executor of its department, the curator… For `case`- and `composer`-held
   *  clocks the holders change with the case (see `clockHolders`). */
  readonly responsible: Responsible;
  readonly holder: HolderKind;
  readonly closedAt: Instant | null;
  /** 'stopped': its stop event happened; 'cancelled': closed by something else (a return, a move, a rejection). */
  readonly closedAs: 'stopped' | 'cancelled' | null;
  readonly atRiskAt: Instant | null;
  /** When the breach was recorded (the event's instant). */
  readonly breachedAt: Instant | null;
  /** The instant the clock was breached: its due instant, or the moment a re-categorisation moved it into the past. */
  readonly breachAt: Instant | null;
  /** Who held it at the breach instant: the parties the breach is charged to. */
  readonly breachHolders: readonly Responsible[] | null;
  readonly dueAt: Instant | null;
  /** A re-categorisation at this instant recomputed the deadline: it cannot be breached earlier (never
   *  retroactively). */
  readonly notBefore: Instant | null;
  /** For a clock that runs only while the case is with its holder (idrinsky 3.2's department total): its runs. */
  readonly runs: readonly { readonly from: Instant; readonly to: Instant | null }[] | null;
}

/** Who held the case from `from` on (until the next entry, or its closing). */
export interface CustodyEntry {
  readonly from: Instant;
  readonly holders: readonly Responsible[];
}

/** The citizen's message a case answers, as registered (the case-registered event carries it too). */
export interface CitizenMessage {
  readonly network: Network;
  readonly link: string;
  readonly author: { readonly name: string; readonly profileUrl?: string };
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly visibility: 'public' | 'private';
  readonly externalId?: string;
}

export interface CaseState extends ChannelState {
  /** The shape and meaning of this state (STATE_MODEL): a stored projection of another model is folded again. */
  readonly stateModel: number;
  /** Number of events folded in (the per-case version). */
  readonly version: number;
  readonly caseId: string | null;
  readonly profileId: string | null;
  /** The clock model pinned at registration. */
  readonly model: PinnedModel;
  readonly status: CaseStatus;
  /** 'answer' until an intermediate answer is published, then 'final'. */
  readonly stage: 'answer' | 'final';
  readonly ending: Ending | null;
  readonly message: CitizenMessage | null;
  readonly detectedAt: Instant | null;
  readonly postedAt: Instant | null;
  readonly triagedAt: Instant | null;
  readonly topic: string | null;
  /** The entry of the organisation's topic directory, when the topic was chosen from it. */
  readonly topicId: string | null;
  /** The topic was marked as listed when it was chosen (NAO p.16). */
  readonly topicListed: boolean;
  readonly location: string | null;
  readonly category: Category | null;
  /** krasnoufimsk p.8.3: high importance, on top of the category. */
  readonly high: boolean;
  readonly rejectionGround: string | null;
  readonly mode: RouteMode | null;
  /** The chain is forwarded by the curator (konyshevsky p.16, NAO p.22.2), pinned at routing. */
  readonly forwarded: boolean;
  /** In the curator's order. */
  readonly assignments: readonly AssignmentState[];
  readonly routedAt: Instant | null;
  /** Who routed (or moved) it last: a return goes back to them. */
  readonly routedBy: string | null;
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
  /** Moves to other departments and re-categorisations, with their reasons. */
  readonly corrections: readonly {
    readonly kind: 'move' | 'recategorise';
    readonly reason: string;
    readonly by: string;
    readonly at: Instant;
  }[];
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
  /** Who held the case, in time order (from its posting or detection). */
  readonly custody: readonly CustodyEntry[];
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
