// Events of a case: the facts the event log stores (as jsonb); a case's state is the fold of them.
// Every event carries `at` (epoch ms, UTC) and `by` (person id, or 'system' for the scheduler and intake).

import type { Instant } from '../calendar/types';
import type { Category, StepId } from '../profiles/schema';
import type { ChannelEvent } from './channel';
import type { Assignment, Attachment, DraftKind, Evidence, PublicationPlace, RouteMode } from './commands';
import type { CitizenMessage, PinnedModel, Responsible } from './types';

/** A classification as events carry it. Older events said `category: 'high'` (read as ordinary + high). */
export interface Classification {
  readonly topic: string;
  readonly topicId?: string;
  /** The directory marked the topic as listed when it was chosen (NAO p.16). */
  readonly topicListed?: boolean;
  readonly location: string;
  readonly category: Category | 'high';
  readonly high?: boolean;
}

interface Envelope<T extends string> {
  readonly type: T;
  readonly at: Instant;
  readonly by: string;
}

export interface CaseRegistered extends Envelope<'case-registered'>, CitizenMessage {
  readonly caseId: string;
  readonly profileId: string;
  /** Detection time is the event's `at`; posting time when the author's post carries one. */
  readonly postedAt?: Instant;
  /** Pinned from the profile at registration: what starts and stops each clock and who holds it. Older events
   *  lack it and carried the two fields below; they fold with their preset's model (see evolve). */
  readonly clocks?: PinnedModel;
  readonly overallStep?: StepId;
  readonly triageEndsAt?: 'triaged' | 'routed';
  /** A classification known at registration (intake or operator), confirmed at triage. */
  readonly classification?: Partial<Classification>;
}
export interface CaseTriaged extends Envelope<'case-triaged'>, Classification {}
export interface CaseRejected extends Envelope<'case-rejected'> {
  readonly ground: string;
  readonly note?: string;
}
export interface CaseRouted extends Envelope<'case-routed'> {
  readonly mode: RouteMode;
  readonly assignments: readonly Assignment[];
  /** true when it follows a return (the `reroute` step), false for the first routing. */
  readonly reroute: boolean;
  /** Pinned from the profile: parts go to the curator, who forwards (konyshevsky p.16, NAO p.22.2). Absent in older
   *  events: the next executor received the case with the part. */
  readonly forwarded?: boolean;
}
export interface CaseReturned extends Envelope<'case-returned'> {
  readonly departmentId: string;
  readonly reason: string;
  /** Set when the return came after the profile's window: a breach of `return` by the returning executor. */
  readonly late?: { readonly dueAt: Instant; readonly receivedAt: Instant };
}
export interface CaseForwarded extends Envelope<'case-forwarded'> {
  /** The department that receives the message and the earlier parts now. */
  readonly departmentId: string;
}
export interface CaseMoved extends Envelope<'case-moved'> {
  readonly mode: RouteMode;
  readonly assignments: readonly Assignment[];
  readonly reason: string;
  readonly forwarded: boolean;
}
export interface CaseRecategorised extends Envelope<'case-recategorised'>, Classification {
  readonly reason: string;
  /** The fields that changed. */
  readonly changed: readonly ('category' | 'high' | 'topic' | 'location')[];
}
export interface ContributionSubmitted extends Envelope<'contribution-submitted'> {
  readonly departmentId: string;
  readonly text: string;
  readonly attachments: readonly Attachment[];
}
export interface DraftSubmitted extends Envelope<'draft-submitted'> {
  readonly kind: DraftKind;
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly evidence?: Evidence;
  /** true when it is the combined answer composed from the contributions of a chain. */
  readonly composed: boolean;
  readonly explanationReason?: string;
}
export interface DraftApproved extends Envelope<'draft-approved'> {
  /** Who must publish it, from the profile (konyshevsky p.14: the executor; NAO p.20: the curator). */
  readonly publisher: 'executor' | 'curator';
}
export interface RevisionRequested extends Envelope<'revision-requested'> {
  readonly reason: string;
}
export interface AnswerPublished extends Envelope<'answer-published'> {
  /** 'answer' closes the case; 'clarification' (a request to the author) sends it back to the executor. */
  readonly kind: 'answer' | 'clarification';
  readonly where: PublicationPlace;
}
export interface IntermediatePublished extends Envelope<'intermediate-published'> {
  readonly where: PublicationPlace;
}
export interface ExplanationSent extends Envelope<'explanation-sent'> {
  readonly reason: string;
  readonly text: string;
}
export interface LinkedToPublished extends Envelope<'linked-to-published'> {
  readonly url: string;
}
export interface ConvertedToAppeal extends Envelope<'converted-to-appeal'> {
  readonly fullName: string;
  readonly address: string;
  readonly phone: string;
  readonly registrationNumber: string;
}
export interface RepeatLinked extends Envelope<'repeat-linked'> {
  readonly earlierCaseIds: readonly string[];
}
export interface FlaggedSociallySignificant extends Envelope<'flagged-socially-significant'> {
  readonly note?: string;
}
export interface DeadlineShortened extends Envelope<'deadline-shortened'> {
  /** The clock shortened (a later clock of the same step is not affected). */
  readonly clockId: string;
  readonly step: StepId;
  readonly dueAt: Instant;
}
export interface ExecutorReassigned extends Envelope<'executor-reassigned'> {
  readonly departmentId: string;
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly reason: string;
}
export interface ClockAtRisk extends Envelope<'clock-at-risk'> {
  readonly clockId: string;
  readonly dueAt: Instant;
}
export interface ClockBreached extends Envelope<'clock-breached'> {
  readonly clockId: string;
  readonly dueAt: Instant;
  /** The instant of the breach (the due instant, or a later re-categorisation); older events lack it. */
  readonly breachAt?: Instant;
  /** Who held the clock at the breach instant, decided from the state before this event; older events lack it
   *  (then the state before the event says). */
  readonly holders?: readonly Responsible[];
}

export type CaseEvent =
  | CaseRegistered
  | CaseTriaged
  | CaseRejected
  | CaseRouted
  | CaseReturned
  | CaseForwarded
  | CaseMoved
  | CaseRecategorised
  | ContributionSubmitted
  | DraftSubmitted
  | DraftApproved
  | RevisionRequested
  | AnswerPublished
  | IntermediatePublished
  | ExplanationSent
  | LinkedToPublished
  | ConvertedToAppeal
  | RepeatLinked
  | FlaggedSociallySignificant
  | DeadlineShortened
  | ExecutorReassigned
  | ClockAtRisk
  | ClockBreached
  | ChannelEvent;
export type CaseEventType = CaseEvent['type'];
