// The regulation profile as data: a zod schema that validates a preset or an administrator's custom profile.
// Every rule cites the paragraph of its source regulation so the UI and the CLI can explain a deadline.
import { z } from 'zod';

/** Steps of the life of a message that a profile may set a limit for (REGULATIONS.md "Deadlines per preset"). */
export const STEP_IDS = [
  'triage',
  'return',
  'reroute',
  'contribution',
  'answer',
  'draft',
  'approve',
  'revise',
  'publish',
  'final',
  'explain',
  'fast-track',
] as const;
export const zStepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof zStepId>;

/** How a duration is counted on the organisation's calendar. */
export const zDurationUnit = z.enum([
  'working-minutes',
  'working-days',
  'calendar-days',
  'calendar-hours',
  'idrinsky-24h',
]);
export type DurationUnit = z.infer<typeof zDurationUnit>;

/** The event a clock starts at. `received` = receipt by the executor's department (routing or the previous executor's
 *  contribution); `posted` = the author's posting time (falls back to detection when unknown). */
export const zStartEvent = z.enum([
  'detected',
  'posted',
  'received',
  'returned',
  'draft-submitted',
  'approved',
  'revision-requested',
  'intermediate-published',
]);
export type StartEvent = z.infer<typeof zStartEvent>;

export const zCategory = z.enum(['ordinary', 'fast-track', 'high']);
export type Category = z.infer<typeof zCategory>;

const zSource = z.string().min(1, 'укажите пункт документа / cite the paragraph of the source');

/** A limit counted from an event: `amount` of `unit` (for 'idrinsky-24h' the amount is ignored and must be 1). */
export const zDurationRule = z.object({
  kind: z.literal('duration'),
  amount: z.number().int().positive('должно быть больше нуля / must be positive'),
  unit: zDurationUnit,
  from: zStartEvent,
  source: zSource,
});
/** A limit derived from another step: `amount` working minutes before it (NAO p.17: "за 4 часа до истечения срока").
 *  On a short track (the result falls before routing) the deadline is halfway between routing and that step. */
export const zBeforeRule = z.object({
  kind: z.literal('before'),
  step: zStepId,
  workingMinutes: z.number().int().positive('должно быть больше нуля / must be positive'),
  source: zSource,
});
/** The same deadline as another step (krasnoufimsk p.13: the draft is due when the answer is). */
export const zSameAsRule = z.object({
  kind: z.literal('same-as'),
  step: zStepId,
  source: zSource,
});
export const zStepRule = z.discriminatedUnion('kind', [zDurationRule, zBeforeRule, zSameAsRule]);
export type StepRule = z.infer<typeof zStepRule>;
export type DurationRule = z.infer<typeof zDurationRule>;

/** A rule that replaces a step's rule for a category or for a listed topic (krasnoufimsk p.12, NAO p.16). */
export const zStepOverride = z.object({
  step: zStepId,
  category: zCategory.optional(),
  topics: z.array(z.string().min(1)).optional(),
  rule: zStepRule,
});
export type StepOverride = z.infer<typeof zStepOverride>;

export const zEnding = z.enum(['answered', 'rejected', 'explained', 'linked', 'converted']);
export type Ending = z.infer<typeof zEnding>;

export const zRejectionGround = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  source: zSource,
});
export type RejectionGround = z.infer<typeof zRejectionGround>;

export const zProfile = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'только строчные латинские буквы, цифры и дефис / lowercase letters, digits, hyphens',
    ),
  name: z.string().min(1),
  source: z.string().min(1),
  /** IANA time zone the profile's organisation works in by default. */
  timeZone: z.string().min(1),
  steps: z.partialRecord(zStepId, zStepRule),
  /** The step whose deadline is the case's overall deadline until the answer is published (normally 'answer'). */
  overallStep: zStepId,
  overrides: z.array(zStepOverride).default([]),
  /** When the `triage` clock stops: when the operator passes the message to the curator (konyshevsky p.7) or when the
   *  message reaches a department (NAO p.14, krasnoufimsk p.10, idrinsky 3.1). */
  triageEndsAt: z.enum(['triaged', 'routed']).default('routed'),
  chain: z.object({
    /** Empty: one department per case (the document sets no chain). */
    modes: z.array(z.enum(['sequential', 'parallel'])),
    source: z.string().optional(),
  }),
  /** Who publishes an approved answer (konyshevsky p.14: executor; NAO p.20, krasnoufimsk p.16: curator). */
  publisher: z.enum(['executor', 'curator']),
  rejectionGrounds: z.array(zRejectionGround).min(1),
  endings: z.array(zEnding).min(1),
  /** A clock is at risk when at most this share of its working time remains (default 0.25). */
  atRiskShare: z.number().gt(0).lt(1).default(0.25),
});
export type Profile = z.infer<typeof zProfile>;
export type ProfileInput = z.input<typeof zProfile>;

export interface ProfileIssue {
  readonly path: string;
  readonly message: string;
}
export type ParseProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileIssue[] };
