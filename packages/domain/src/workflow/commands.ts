// Commands a person (or the server's scheduler/intake) may issue on a case, as zod schemas the API validates input with.
// Instants are epoch milliseconds (UTC) everywhere in the domain, in commands and events alike.
import { z } from 'zod';
import { zCategory, zCategoryChoice, zStepId } from '../profiles/schema';
import {
  zRecordMessageDeletionCommand,
  zRecordMessageEditCommand,
  zRecordPublicationFailureCommand,
  zRequestPublicationCommand,
} from './channel';
import { parseHttpUrl } from './publication-url';

const zId = z.string().min(1, 'validation.required');
/** A required text; `key` is the contract's validation message naming the field ('validation.reason-required'). */
const zText = (key: string) => z.string().trim().min(1, key);
const zInstant = z.number().int().nonnegative();

export const zNetwork = z.enum([
  'vk',
  'ok',
  'telegram',
  'max',
  'instagram',
  'facebook',
  'twitter',
  'messenger',
  'site',
  'other',
]);
export type Network = z.infer<typeof zNetwork>;

export const zAttachment = z.object({
  kind: z.enum(['photo', 'video', 'document', 'other']),
  url: z.string().min(1),
  name: z.string().optional(),
});
export type Attachment = z.infer<typeof zAttachment>;

/** Fast-track evidence (krasnoufimsk p.20): the problem was solved, or it was not confirmed — proven either way. */
export const zEvidence = z.object({
  outcome: z.enum(['solved', 'not-confirmed']),
  attachments: z.array(zAttachment).min(1, 'validation.evidence-required'),
});
export type Evidence = z.infer<typeof zEvidence>;

export const zAssignment = z.object({ departmentId: zId, executorId: zId });
export type Assignment = z.infer<typeof zAssignment>;

export const zRouteMode = z.enum(['single', 'sequential', 'parallel']);
export type RouteMode = z.infer<typeof zRouteMode>;

/** 'explanation': idrinsky 3.7, prepared by the responsible structure instead of an answer, sent by the operator. */
export const zDraftKind = z.enum(['answer', 'intermediate', 'clarification', 'explanation']);
export type DraftKind = z.infer<typeof zDraftKind>;

/** Where an answer was published (konyshevsky p.14: same thread, or the body's own account with a link to the author). */
const NOT_A_LINK = 'validation.publication-url';
/** A link to where something was published: an absolute http(s) address, never free text. */
const zPublicationUrl = (key: string, message = NOT_A_LINK) =>
  zText(key).refine((v) => parseHttpUrl(v) !== null, message);
export const zPublicationPlace = z.discriminatedUnion('kind', [
  // postId: the network's id of the reply when a channel account posted it.
  z.object({
    kind: z.literal('same-thread'),
    // Optional (a reply whose address the network does not give), but when given, a link.
    url: z
      .string()
      .trim()
      .refine((v) => v === '' || parseHttpUrl(v) !== null, NOT_A_LINK)
      .optional(),
    postId: z.string().optional(),
  }),
  z.object({
    kind: z.literal('own-account'),
    url: zPublicationUrl('validation.publication-address-required'),
    authorLink: zPublicationUrl('validation.author-link-required', 'validation.author-link'),
  }),
]);
export type PublicationPlace = z.infer<typeof zPublicationPlace>;

/** Topic (from the organisation's topic directory: `topicId`, or its exact name), place, category and the
 *  high-importance flag. `category: 'high'` (older clients) means an ordinary message of high importance. */
const classificationFields = {
  topic: z.string().trim().min(1, 'validation.topic-required').max(200).optional(),
  topicId: z.string().min(1).max(100).optional(),
  location: z.string().trim().min(1, 'validation.location-required').max(200).optional(),
  category: zCategoryChoice.optional(),
  high: z.boolean().optional(),
};

const routeFields = {
  mode: zRouteMode,
  /** Ordered as the curator chose; in sequential mode the last executor composes the combined answer. */
  assignments: z.array(zAssignment).min(1, 'validation.executor-required'),
};

export const zRegisterCommand = z.object({
  type: z.literal('register'),
  caseId: zId,
  network: zNetwork,
  link: z.string().min(1, 'validation.link-required'),
  author: z.object({ name: z.string().min(1), profileUrl: z.string().optional() }),
  text: z.string(),
  attachments: z.array(zAttachment).default([]),
  visibility: z.enum(['public', 'private']),
  /** When the author posted it, if known (idrinsky 3.1, 3.7 count from posting). */
  postedAt: zInstant.optional(),
  externalId: z.string().optional(),
  /** A classification known at registration (the monitoring system's, or the operator's own); triage confirms it. */
  ...classificationFields,
});
export const zTriageCommand = z
  .object({
    type: z.literal('triage'),
    /** Missing classification fields are taken from the registration; all three are needed in the end. */
    ...classificationFields,
    processable: z.boolean(),
    /** Required when not processable: a rejection ground code of the profile. */
    ground: z.string().optional(),
    note: z.string().optional(),
  })
  .refine((c) => c.processable || c.ground, {
    message: 'validation.rejection-ground-required',
    path: ['ground'],
  });
export const zRouteCommand = z.object({ type: z.literal('route'), ...routeFields });
export const zReturnCommand = z.object({
  type: z.literal('return'),
  departmentId: zId,
  reason: zText('validation.return-reason-required'),
});
export const zRerouteCommand = z.object({ type: z.literal('reroute'), ...routeFields });
/** The curator forwards the message and the earlier parts to the next executor of a curator-forwarded chain
 *  (konyshevsky p.16, NAO p.22.2). `departmentId`, when given, must be the next one (a guard against a stale screen). */
export const zForwardCommand = z.object({ type: z.literal('forward'), departmentId: zId.optional() });
/** The curator moves the case to other departments at any time (a misrouted case is never trapped); the parts
 *  already sent by departments that stay are kept. `mode` defaults to the current one. */
export const zMoveCommand = z.object({
  type: z.literal('move'),
  mode: zRouteMode.optional(),
  assignments: routeFields.assignments,
  reason: zText('validation.reason-required'),
});
/** The curator corrects the classification after triage; deadlines are recomputed from their original start events. */
export const zRecategoriseCommand = z
  .object({
    type: z.literal('recategorise'),
    category: zCategory.optional(),
    high: z.boolean().optional(),
    topic: classificationFields.topic,
    topicId: classificationFields.topicId,
    location: classificationFields.location,
    reason: zText('validation.reason-required'),
  })
  .refine(
    (c) =>
      c.category !== undefined ||
      c.high !== undefined ||
      c.topic !== undefined ||
      c.topicId !== undefined ||
      c.location !== undefined,
    { message: 'validation.say-what-changes', path: ['category'] },
  );
export const zSubmitContributionCommand = z.object({
  type: z.literal('submit-contribution'),
  departmentId: zId,
  text: zText('validation.text-required'),
  attachments: z.array(zAttachment).default([]),
});
export const zExplanationReason = z.enum(['outside-competence', 'bypass-law', 'court-ruling', 'answered-repeatedly']);
export type ExplanationReason = z.infer<typeof zExplanationReason>;

const draftFields = {
  kind: zDraftKind,
  text: zText('validation.text-required'),
  attachments: z.array(zAttachment).default([]),
  evidence: zEvidence.optional(),
  /** idrinsky 3.7: why an explanation is given instead of an answer (kind 'explanation'). */
  explanationReason: zExplanationReason.optional(),
};
export const zComposeAnswerCommand = z.object({ type: z.literal('compose-answer'), ...draftFields });
export const zSubmitDraftCommand = z.object({ type: z.literal('submit-draft'), ...draftFields });
export const zApproveCommand = z.object({ type: z.literal('approve') });
export const zRequestRevisionCommand = z.object({
  type: z.literal('request-revision'),
  reason: zText('validation.revision-reason-required'),
});
export const zPublishCommand = z.object({ type: z.literal('publish'), where: zPublicationPlace });
export const zPublishIntermediateCommand = z.object({
  type: z.literal('publish-intermediate'),
  where: zPublicationPlace,
});
export const zRejectCommand = z.object({ type: z.literal('reject'), ground: zId, note: z.string().optional() });
export const zSendExplanationCommand = z.object({
  type: z.literal('send-explanation'),
  reason: zExplanationReason,
  text: zText('validation.explanation-text-required'),
});
export const zLinkPublishedCommand = z.object({
  type: z.literal('link-published'),
  url: zText('validation.link-required'),
});
export const zConvertToAppealCommand = z.object({
  type: z.literal('convert-to-appeal'),
  consent: z.literal(true, { message: 'validation.author-consent' }),
  fullName: zText('validation.full-name-required'),
  address: zText('validation.address-required'),
  phone: zText('validation.phone-required'),
  registrationNumber: zText('validation.registration-number-required'),
});
export const zLinkRepeatCommand = z.object({
  type: z.literal('link-repeat'),
  earlierCaseIds: z.array(zId).min(1, 'validation.earlier-case-required'),
});
export const zFlagSociallySignificantCommand = z.object({
  type: z.literal('flag-socially-significant'),
  note: z.string().optional(),
});
export const zShortenDeadlineCommand = z.object({
  type: z.literal('shorten-deadline'),
  step: zStepId,
  dueAt: zInstant,
});
/** Why a person is away (an absence in the directory, a substitute named on a case). */
export const ABSENCE_REASONS = ['illness', 'leave', 'business-trip', 'study', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const zReassignSubstituteCommand = z.object({
  type: z.literal('reassign-substitute'),
  departmentId: zId,
  substituteId: zId,
  reason: z.enum(ABSENCE_REASONS),
});
export const zRecordClockAtRiskCommand = z.object({ type: z.literal('record-clock-at-risk'), clockId: zId });
export const zRecordClockBreachedCommand = z.object({ type: z.literal('record-clock-breached'), clockId: zId });

export const zCaseCommand = z.discriminatedUnion('type', [
  zRegisterCommand,
  zTriageCommand,
  zRouteCommand,
  zReturnCommand,
  zRerouteCommand,
  zForwardCommand,
  zMoveCommand,
  zRecategoriseCommand,
  zSubmitContributionCommand,
  zComposeAnswerCommand,
  zSubmitDraftCommand,
  zApproveCommand,
  zRequestRevisionCommand,
  zPublishCommand,
  zPublishIntermediateCommand,
  zRejectCommand,
  zSendExplanationCommand,
  zLinkPublishedCommand,
  zConvertToAppealCommand,
  zLinkRepeatCommand,
  zFlagSociallySignificantCommand,
  zShortenDeadlineCommand,
  zReassignSubstituteCommand,
  zRecordClockAtRiskCommand,
  zRecordClockBreachedCommand,
  zRequestPublicationCommand,
  zRecordPublicationFailureCommand,
  zRecordMessageEditCommand,
  zRecordMessageDeletionCommand,
]);
export type CaseCommand = z.infer<typeof zCaseCommand>;
export type CaseCommandInput = z.input<typeof zCaseCommand>;
export type CommandType = CaseCommand['type'];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;
export const COMMAND_TYPES = zCaseCommand.options.map((o) => o.shape.type.value) as readonly CommandType[];
