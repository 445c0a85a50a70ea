// The domain's case events as zod schemas, for what sends them to a client (a command's answer carries the events
// it committed). The domain declares the events as TypeScript types (packages/domain/src/workflow/events.ts, folded
// by `evolve`); this schema describes the same union, and the compile-time check at the end fails the typecheck when
// the two drift (an event, a field, or a nested field added, removed or retyped on one side only). Shapes only: the
// commands' own schemas validate what a person typed; an event here is what the decider already produced.
import {
  type CaseEvent,
  HOLDER_KINDS,
  STOP_EVENTS,
  zAssignment,
  zAttachment,
  zCategory,
  zDraftKind,
  zEvidence,
  zNetwork,
  zPublicationPlace,
  zRecordPublicationFailureCommand,
  zRouteMode,
  zStartEvent,
  zStepId,
} from '@otklik/domain';
import { z } from 'zod';
import { zResponsible } from './case-clocks';
import { zCaseChange } from './realtime-events';
import type { Assert, SameUnion } from './same-shape';

const zInstant = z.number();
const zAttachments = z.array(zAttachment).readonly();

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

const route = { mode: zRouteMode, assignments: z.array(zAssignment).readonly() };

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
    evidence: zEvidence.optional(),
    composed: z.boolean(),
    explanationReason: z.string().optional(),
  }),
  z.object({ ...envelope('draft-approved'), publisher: z.enum(['executor', 'curator']) }),
  z.object({ ...envelope('revision-requested'), reason: z.string() }),
  z.object({
    ...envelope('answer-published'),
    kind: z.enum(['answer', 'clarification']),
    where: zPublicationPlace,
  }),
  z.object({ ...envelope('intermediate-published'), where: zPublicationPlace }),
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
    error: zRecordPublicationFailureCommand.shape.error,
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

/** An event a command committed, as its answer carries it: the change's columns (without the realtime chain and
 *  row) with the organisation and the whole domain event. */
export const zCommittedEvent = zCaseChange
  .pick({ seq: true, caseId: true, version: true, type: true, occurredAt: true, actorId: true })
  .extend({ organisationId: z.string(), payload: zCaseEvent });
export type CommittedEventMessage = z.infer<typeof zCommittedEvent>;

/** Fails the typecheck when `zCaseEvent` and the domain's `CaseEvent` differ. */
export type CaseEventSchemaMatchesDomain = Assert<SameUnion<z.infer<typeof zCaseEvent>, CaseEvent>>;
