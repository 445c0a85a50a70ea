// Events of a case: the facts the event log stores (as jsonb); a case's state is the fold of them.
// Every event carries `at` (epoch ms, UTC) and `by` (person id, or 'system' for the scheduler and intake).

import type { Instant } from '../calendar/types';
import type { Category, StepId } from '../profiles/schema';
import type { ChannelEvent } from './channel';
import type { Assignment, Attachment, DraftKind, Evidence, Network, PublicationPlace, RouteMode } from './commands';

interface Envelope<T extends string> {
  readonly type: T;
  readonly at: Instant;
  readonly by: string;
}

export interface CaseRegistered extends Envelope<'case-registered'> {
  readonly caseId: string;
  readonly profileId: string;
  readonly network: Network;
  readonly link: string;
  readonly author: { readonly name: string; readonly profileUrl?: string };
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly visibility: 'public' | 'private';
  /** Detection time is the event's `at`; posting time when the author's post carries one. */
  readonly postedAt?: Instant;
  readonly externalId?: string;
  /** Pinned from the profile at registration: the step whose deadline bounds the case, and when triage ends. */
  readonly overallStep: StepId;
  readonly triageEndsAt: 'triaged' | 'routed';
}
export interface CaseTriaged extends Envelope<'case-triaged'> {
  readonly topic: string;
  readonly location: string;
  readonly category: Category;
}
export interface CaseRejected extends Envelope<'case-rejected'> {
  readonly ground: string;
  readonly note?: string;
}
export interface CaseRouted extends Envelope<'case-routed'> {
  readonly mode: RouteMode;
  readonly assignments: readonly Assignment[];
  /** true when it follows a return (the `reroute` step), false for the first routing. */
  readonly reroute: boolean;
}
export interface CaseReturned extends Envelope<'case-returned'> {
  readonly departmentId: string;
  readonly reason: string;
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
}

export type CaseEvent =
  | CaseRegistered
  | CaseTriaged
  | CaseRejected
  | CaseRouted
  | CaseReturned
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
