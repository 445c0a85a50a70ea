// The regulation profile as data: a zod schema that validates a preset or an administrator's custom profile.
// Every rule cites the paragraph of its source regulation so the UI and the CLI can explain a deadline. The clock
// model (REGULATIONS.md "Clocks exactly": what starts each clock, what stops it, who holds it) is data too.
import { z } from 'zod';
import type { ProfileIssue } from './messages';

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
  'department-total',
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

/** The event a limit counts from. `received` = receipt by the clock's department (routing, or the curator's forward
 *  in a curator-forwarded chain); `posted` = the author's posting time (falls back to detection when unknown). */
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

/** krasnoufimsk p.8.3: two independent choices, ordinary or fast-track, and a high-importance flag on top of either. */
export const CATEGORIES = ['ordinary', 'fast-track'] as const;
export const zCategory = z.enum(CATEGORIES);
export type Category = z.infer<typeof zCategory>;
/** What the CLI's --category and old data say: 'high' is read as an ordinary message with the high flag. */
export const zCategoryChoice = z.enum(['ordinary', 'fast-track', 'high']);
export type CategoryChoice = z.infer<typeof zCategoryChoice>;

// The schema's own messages are keys of the profile catalogue (messages.ts), worded by the reader.
const zSource = z.string().min(1, 'profile-issue.source-required');

/** A limit counted from an event: `amount` of `unit` (for 'idrinsky-24h' the amount is ignored and must be 1). */
export const zDurationRule = z.object({
  kind: z.literal('duration'),
  amount: z.number().int().positive('profile-issue.positive'),
  unit: zDurationUnit,
  from: zStartEvent,
  source: zSource,
});
/** A limit derived from another step: `amount` working minutes before it (NAO p.17: "за 4 часа до истечения срока").
 *  On a short track (the result falls before the clock starts) the deadline is halfway between its start and that
 *  step's deadline. */
export const zBeforeRule = z.object({
  kind: z.literal('before'),
  step: zStepId,
  workingMinutes: z.number().int().positive('profile-issue.positive'),
  source: zSource,
});
/** The same deadline as another step. */
export const zSameAsRule = z.object({
  kind: z.literal('same-as'),
  step: zStepId,
  source: zSource,
});
export const zStepRule = z.discriminatedUnion('kind', [zDurationRule, zBeforeRule, zSameAsRule]);
export type StepRule = z.infer<typeof zStepRule>;
export type DurationRule = z.infer<typeof zDurationRule>;

/** A rule that replaces a step's rule for a category, for high importance, or for the organisation's listed topics
 *  (krasnoufimsk p.12, idrinsky 3.9, NAO p.16). Old data said `category: 'high'`: read as `high: true`. */
export const zStepOverride = z.preprocess(
  (raw) => {
    if (raw && typeof raw === 'object' && (raw as { category?: unknown }).category === 'high') {
      const { category: _high, ...rest } = raw as Record<string, unknown>;
      return { ...rest, high: true };
    }
    return raw;
  },
  z.object({
    step: zStepId,
    category: zCategory.optional(),
    high: z.boolean().optional(),
    /** NAO p.16: the topics the administrator marks as listed in the organisation's topic directory. */
    listedTopics: z.literal(true).optional(),
    /** Older profiles named the topics here; matched against the directory topic's name (case and ё ignored). */
    topics: z.array(z.string().min(1)).optional(),
    rule: zStepRule,
  }),
);
export type StepOverride = z.infer<typeof zStepOverride>;

export const zEnding = z.enum(['answered', 'rejected', 'explained', 'linked', 'converted']);
export type Ending = z.infer<typeof zEnding>;

/** A rejection ground's label in both languages; a profile stored before the two were kept apart has one string
 *  (Russian, a slash, English), an administrator's own label may be in one language only (messages.ts profileTextIn). */
export const zProfileText = z.union([
  z.string().min(1),
  z.object({ ru: z.string().min(1), en: z.string().min(1) }).strict(),
]);

export const zRejectionGround = z.object({
  code: z.string().min(1),
  label: zProfileText,
  source: zSource,
});
export type RejectionGround = z.infer<typeof zRejectionGround>;

// ---- The clock model -------------------------------------------------------------------------------------------

/** Who holds a clock (REGULATIONS.md "Clocks exactly"). `executor`: the executor of the clock's own department;
 *  `composer`: the executor composing the answer (the curator of a parallel set) once they have the case, and
 *  whoever holds the case before that; `publisher`: the one the profile names; `case`: whoever holds the case at
 *  each instant; `department`: the department, counted only while the case is with it. */
export const HOLDER_KINDS = ['operator', 'curator', 'executor', 'composer', 'publisher', 'case', 'department'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** The events a clock may stop on. */
export const STOP_EVENTS = [
  'triaged',
  'routed',
  'returned',
  'part-sent',
  'draft-sent',
  'approved',
  'published',
  'final-draft-sent',
  'final-published',
  'explanation-sent',
  'answered',
] as const;
export type StopEvent = (typeof STOP_EVENTS)[number];

/** One clock: the step whose rule bounds it (null: no limit of its own; it still runs, so time and holders are
 *  known), what starts it, what stops it, who holds it, and the paragraph that says so. */
function clockSpec<
  const S extends readonly [StartEvent, ...StartEvent[]],
  const T extends readonly [StopEvent, ...StopEvent[]],
  const H extends readonly [HolderKind, ...HolderKind[]],
>(start: S, stop: T, holder: H) {
  return z
    .object({
      limit: zStepId.nullable(),
      start: z.enum(start),
      stop: z.enum(stop),
      holder: z.enum(holder),
      source: zSource,
    })
    .strict();
}

/** The clocks the engine runs, each with the variants of start, stop and holder the regulations need. */
export const zClockModel = z
  .object({
    triage: clockSpec(['detected', 'posted'], ['triaged', 'routed'], ['operator', 'curator']),
    /** A window, not a duty: it never breaches by running out; a return after it is a late return. */
    return: clockSpec(['received'], ['returned'], ['executor']).optional(),
    reroute: clockSpec(['returned'], ['routed'], ['curator']).optional(),
    contribution: clockSpec(['received'], ['part-sent'], ['executor']).optional(),
    draft: clockSpec(['received', 'detected', 'posted'], ['draft-sent'], ['composer']).optional(),
    approve: clockSpec(['draft-submitted'], ['approved'], ['curator']).optional(),
    revise: clockSpec(['revision-requested'], ['draft-sent'], ['composer']).optional(),
    publish: clockSpec(['approved'], ['published'], ['publisher']).optional(),
    answer: clockSpec(['detected', 'posted'], ['published'], ['case']),
    final: clockSpec(
      ['intermediate-published'],
      ['final-draft-sent', 'final-published'],
      ['composer', 'curator'],
    ).optional(),
    explain: clockSpec(['posted', 'detected'], ['explanation-sent'], ['case']).optional(),
    'department-total': clockSpec(['received'], ['approved'], ['department']).optional(),
    'fast-track': clockSpec(['detected'], ['answered'], ['case']).optional(),
  })
  .strict();
export type ClockModel = z.infer<typeof zClockModel>;
export type ClockSpec = NonNullable<ClockModel[keyof ClockModel]>;

export const zProfile = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'profile-issue.id-format'),
  name: z.string().min(1),
  source: z.string().min(1),
  /** IANA time zone the profile's organisation works in by default. */
  timeZone: z.string().min(1),
  /** The limits, per step, as the regulation words them (what `otklik deadline --step` computes). */
  steps: z.partialRecord(zStepId, zStepRule),
  /** What each clock measures: its limit, start, stop and holder. */
  clocks: zClockModel,
  /** The categories a case may have (krasnoufimsk p.8: fast-track exists only there); high importance is a flag. */
  categories: z.array(zCategory).min(1),
  overrides: z.array(zStepOverride).default([]),
  chain: z.object({
    /** Empty: one department per case (the document sets no chain). */
    modes: z.array(z.enum(['sequential', 'parallel'])),
    /** konyshevsky p.16, NAO p.22.2: each executor sends its part to the curator, who forwards the message and the
     *  earlier parts to the next executor. false: the next executor receives the case when the part is sent. */
    forwarded: z.boolean(),
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

export type ParseProfileResult = { ok: true; profile: Profile } | { ok: false; errors: ProfileIssue[] };
