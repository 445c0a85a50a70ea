// The domain's case events as zod schemas, for what sends them to a client: a command's answer, a live change and
// a timeline entry carry them (realtime-events.ts). The domain declares the events as TypeScript types
// (packages/domain/src/workflow/events.ts, folded by `evolve`); this schema describes the same union, and the
// compile-time check at the end fails the typecheck when the two drift (an event, a field, or a nested field added,
// removed or retyped on one side only). Shapes only, no checks of content: the commands' own schemas validate what a
// person typed, while an event here is what the decider already produced and the log stored, perhaps before a check
// existed (a publication address was free text before 2026-12-03): a stored event must always read.
import {
  type CaseEvent,
  HOLDER_KINDS,
  STOP_EVENTS,
  zAttachment,
  zCategory,
  zDraftKind,
  zEvidence,
  zNetwork,
  zRouteMode,
  zStartEvent,
  zStepId,
} from '@otklik/domain';
import { z } from 'zod';
import { zResponsible } from './case-clocks';
import type { Assert, SameUnion } from './same-shape';

const zInstant = z.number();
const zAttachmentShape = z.object({ kind: zAttachment.shape.kind, url: z.string(), name: z.string().optional() });
const zAttachments = z.array(zAttachmentShape).readonly();
const zEvidenceShape = z.object({ outcome: zEvidence.shape.outcome, attachments: z.array(zAttachmentShape) });
const zAssignmentShape = z.object({ departmentId: z.string(), executorId: z.string() });
/** Where an answer went (the domain's zPublicationPlace without its checks of the address). */
const zPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same-thread'), url: z.string().optional(), postId: z.string().optional() }),
  z.object({ kind: z.literal('own-account'), url: z.string(), authorLink: z.string() }),
]);
const zFailure = z.object({
  code: z.string(),
  message: z.string(),
  said: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).optional(),
});

/** The fields every event has: its type, when (epoch ms) and by whom (a person id, or 'system'). */
const envelope = <T extends string>(type: T) => ({ type: z.literal(type), at: zInstant, by: z.string() });

/** The clock model pinned at registration: per step, what starts and stops its clock and who holds it. */
const zPinnedModel = z
  .partialRecord(zStepId, z.object({ start: zStartEvent, stop: z.enum(STOP_EVENTS), holder: z.enum(HOLDER_KINDS) }))
  .readonly();

/** A classification as events carry it; older events said `category: 'high'` (read as ordinary + high). */
const classification = {
  topic: z.string(),
  topicId: z.string().optional(),
  topicListed: z.boolean().optional(),
  location: z.string(),
  category: z.union([zCategory, z.literal('high')]),
  high: z.boolean().optional(),
};

const citizenMessage = {
  network: zNetwork,
  link: z.string(),
  author: z.object({ name: z.string(), profileUrl: z.string().optional() }),
  text: z.string(),
  attachments: zAttachments,
  visibility: z.enum(['public', 'private']),
  externalId: z.string().optional(),
};

const route = { mode: zRouteMode, assignments: z.array(zAssignmentShape).readonly() };

export const zCaseEvent = z.discriminatedUnion('type', [
  z.object({
    ...envelope('case-registered'),
    ...citizenMessage,
    caseId: z.string(),
    profileId: z.string(),
    postedAt: zInstant.optional(),
    clocks: zPinnedModel.optional(),
    overallStep: zStepId.optional(),
    triageEndsAt: z.enum(['triaged', 'routed']).optional(),
    classification: z.object(classification).partial().optional(),
  }),
  z.object({ ...envelope('case-triaged'), ...classification }),
  z.object({ ...envelope('case-rejected'), ground: z.string(), note: z.string().optional() }),
  z.object({ ...envelope('case-routed'), ...route, reroute: z.boolean(), forwarded: z.boolean().optional() }),
  z.object({
    ...envelope('case-returned'),
    departmentId: z.string(),
    reason: z.string(),
    late: z.object({ dueAt: zInstant, receivedAt: zInstant }).optional(),
  }),
  z.object({ ...envelope('case-forwarded'), departmentId: z.string() }),
  z.object({ ...envelope('case-moved'), ...route, reason: z.string(), forwarded: z.boolean() }),
  z.object({
    ...envelope('case-recategorised'),
    ...classification,
    reason: z.string(),
    changed: z.array(z.enum(['category', 'high', 'topic', 'location'])).readonly(),
  }),
  z.object({
    ...envelope('contribution-submitted'),
    departmentId: z.string(),
    text: z.string(),
    attachments: zAttachments,
  }),
  z.object({
    ...envelope('draft-submitted'),
    kind: zDraftKind,
    text: z.string(),
    attachments: zAttachments,
    evidence: zEvidenceShape.optional(),
    composed: z.boolean(),
    explanationReason: z.string().optional(),
  }),
  z.object({ ...envelope('draft-approved'), publisher: z.enum(['executor', 'curator']) }),
  z.object({ ...envelope('revision-requested'), reason: z.string() }),
  z.object({
    ...envelope('answer-published'),
    kind: z.enum(['answer', 'clarification']),
    where: zPlace,
  }),
  z.object({ ...envelope('intermediate-published'), where: zPlace }),
  z.object({ ...envelope('explanation-sent'), reason: z.string(), text: z.string() }),
  z.object({ ...envelope('linked-to-published'), url: z.string() }),
  z.object({
    ...envelope('converted-to-appeal'),
    fullName: z.string(),
    address: z.string(),
    phone: z.string(),
    registrationNumber: z.string(),
  }),
  z.object({ ...envelope('repeat-linked'), earlierCaseIds: z.array(z.string()).readonly() }),
  z.object({ ...envelope('flagged-socially-significant'), note: z.string().optional() }),
  z.object({ ...envelope('deadline-shortened'), clockId: z.string(), step: zStepId, dueAt: zInstant }),
  z.object({
    ...envelope('executor-reassigned'),
    departmentId: z.string(),
    fromPersonId: z.string(),
    toPersonId: z.string(),
    reason: z.string(),
  }),
  z.object({ ...envelope('clock-at-risk'), clockId: z.string(), dueAt: zInstant }),
  z.object({
    ...envelope('clock-breached'),
    clockId: z.string(),
    dueAt: zInstant,
    breachAt: zInstant.optional(),
    holders: z.array(zResponsible).readonly().optional(),
  }),
  // The channel connectors' events (packages/domain/src/workflow/channel.ts).
  z.object({ ...envelope('publication-requested'), requestId: z.string(), kind: z.enum(['answer', 'intermediate']) }),
  z.object({
    ...envelope('publication-failed'),
    requestId: z.string(),
    error: zFailure,
    retrying: z.boolean(),
  }),
  z.object({
    ...envelope('message-edited'),
    text: z.string(),
    previousText: z.string(),
    editedAt: zInstant.optional(),
  }),
  z.object({ ...envelope('message-deleted'), deletedAt: zInstant.optional() }),
]);

/** Fails the typecheck when `zCaseEvent` and the domain's `CaseEvent` differ. */
export type CaseEventSchemaMatchesDomain = Assert<SameUnion<z.infer<typeof zCaseEvent>, CaseEvent>>;
