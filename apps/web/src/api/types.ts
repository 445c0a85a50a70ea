// View models of the web app: what screens render. api/adapters.ts turns the server's tRPC outputs into these, so a
// change in the API touches one file, not every screen.
import type { Category, ChainProgress, Clock, ClockStatus, Role, StepId } from '@otklik/domain';

export interface SessionUser {
  readonly id: string;
  readonly fullName: string;
  readonly login: string;
  readonly roles: readonly Role[];
  /** Manages every organisation of the installation (admin → Organisations). */
  readonly regionAdministrator: boolean;
  readonly departmentIds: readonly string[];
  readonly organisationId: string;
  /** People this user currently stands in for (absence with a substitute). */
  readonly substituteFor: readonly string[];
}

/** One clock as the browser needs it to draw a live countdown. */
export interface ClockView {
  readonly id: string;
  readonly step: StepId;
  readonly kind: 'step' | 'overall';
  readonly startedAt: number;
  readonly dueAt: number;
  readonly atRiskAt: number | null;
  readonly confirmed: boolean;
  readonly status: ClockStatus;
  readonly responsibleName: string | null;
  /** The person the clock names (may be absent: the board then shows their substitute). */
  readonly responsiblePersonId: string | null;
  readonly departmentName: string | null;
  readonly responsibleRole: 'operator' | 'curator' | 'executor';
  /** Everyone holding the clock now (REGULATIONS "Clocks exactly"): a person and department, or the curator/operator. */
  readonly holders: readonly ClockHolderView[];
  /** Who the profile makes hold it: 'case' = whoever has the case, 'composer', 'curator'… */
  readonly holderKind: string | null;
  /** How the deadline was reached (words: components/rule-text.ts); a clock stored before the parts: its text. */
  readonly rule: Clock['rule'];
}

export interface ClockHolderView {
  readonly role: 'operator' | 'curator' | 'executor';
  readonly personId: string | null;
  readonly departmentId: string | null;
  readonly personName: string | null;
  readonly departmentName: string | null;
}

/** A row of the board (every open case). */
export interface BoardCase {
  readonly id: string;
  readonly number: number;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: string;
  readonly currentStep: StepId | null;
  /** The clock of the current step (the one most urgent when several run). */
  readonly stepClock: ClockView | null;
  /** The overall deadline (answer or final). */
  readonly overallDueAt: number | null;
  readonly overallAtRiskAt: number | null;
  readonly responsibleName: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly category: Category;
  /** krasnoufimsk p.8.3: high importance, a flag on top of the category. */
  readonly high: boolean;
  readonly network: string;
  readonly topic: string | null;
  readonly location: string | null;
  readonly detectedAt: number;
  readonly excerpt: string;
  readonly authorName: string | null;
  readonly sociallySignificant: boolean;
  readonly repeat: boolean;
  /** An answer on its way to the network through a channel account, or stuck there (channels). */
  readonly publication: 'publishing' | 'failed' | null;
  readonly messageDeleted: boolean;
  readonly isOpen: boolean;
  /** Sequence number of the last change applied to this row. */
  readonly seq: number;
  /** Who must act, by id (the inbox marks cases taken over for an absent colleague). */
  readonly responsiblePersonId: string | null;
  /** While the responsible person is absent the server names their substitute as responsible, and this one here. */
  readonly absentPersonId?: string | null;
  readonly absentPersonName?: string | null;
  /** Routed to several departments: the chain's current link or the parts in (domain chainProgress). */
  readonly chain?: ChainProgress | null;
  /** The case's version: a quick action from the board sends it as the expected version. */
  readonly version?: number;
  /** The departments holding the case now (the inbox counts and lists its departments' cases from them). */
  readonly departmentIds?: readonly string[];
  /** The executors holding the case now (the inbox lists the cases given to me). */
  readonly executorIds?: readonly string[];
  /** The case's earliest running deadline (the curator's queue orders by it). */
  readonly dueAt?: number | null;
  /** Every running clock of the case (the inbox finds whose turn it is from them). */
  readonly clocks?: readonly ClockView[];
  /** What the case waits on a curator for now (domain curatorTurn, recorded in the row's flags), or null. */
  readonly curatorTurn?: import('@otklik/domain').CuratorTurn | null;
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** One line of a case's timeline: an event with who did it and when. */
export interface TimelineEntry {
  readonly seq: number;
  readonly type: string;
  readonly at: number;
  readonly actorName: string | null;
  /** The domain event (a reader's without the appeal's personal data). */
  readonly payload: import('@otklik/domain').CaseEvent;
}

export interface EarlierCase {
  readonly id: string;
  readonly number: number;
  readonly excerpt: string;
  readonly status: string;
}

/** Everything the case workspace shows. `state` is the domain's fold of the case's events. */
export interface CaseDetail {
  readonly id: string;
  readonly number: number;
  readonly organisationId: string;
  readonly profileId: string;
  readonly version: number;
  readonly state: import('@otklik/domain').CaseState;
  readonly clocks: readonly ClockView[];
  readonly allowed: readonly import('@otklik/domain').CommandType[];
  /** Whether the case can be published through its network account (the domain's caseActions asks it). */
  readonly publicationChannel: import('@otklik/domain').PublicationChannel;
  readonly timeline: readonly TimelineEntry[];
  readonly earlierCases: readonly EarlierCase[];
}
