// The regulation sandbox's scenario format (`otklik replay`): a first line naming the departments, then one command
// per line. These names are used by external checks: keep them exactly.
import { z } from 'zod';
import { zCategory } from '../profiles/schema';
import { zDraftKind, zRouteMode } from '../workflow/commands';

const zDepartmentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'validation.scenario-department-id')
  .refine((d) => d !== 'operator' && d !== 'curator', 'validation.scenario-people-not-departments');

export const zScenarioHeader = z
  .object({
    departments: z.array(zDepartmentId).min(1, 'validation.scenario-departments-required'),
    /** The organisation's topic directory; `listed` marks the topics of a listed-topic limit (NAO p.16). */
    topics: z.array(z.object({ name: z.string().min(1), listed: z.boolean().default(false) }).strict()).optional(),
  })
  .strict();
export type ScenarioHeader = z.infer<typeof zScenarioHeader>;

const base = { at: z.string({ error: 'validation.scenario-at-required' }), by: z.string() };
const reason = z.string().trim().min(1, 'validation.reason-required');
const departments = z.array(zDepartmentId).min(1, 'validation.scenario-departments-required');
/** What a register line may already say of the message and a triage line says: its classification. */
const classification = {
  category: zCategory.optional(),
  high: z.boolean().optional(),
  topic: z.string().min(1).optional(),
  place: z.string().min(1).optional(),
};

export const zScenarioLine = z.discriminatedUnion(
  'do',
  [
    z
      .object({
        ...base,
        do: z.literal('register'),
        ...classification,
        postedAt: z.string().optional(),
        visibility: z.enum(['public', 'private']).optional(),
      })
      .strict(),
    z.object({ ...base, do: z.literal('triage'), ...classification }).strict(),
    z.object({ ...base, do: z.literal('route'), departments, mode: zRouteMode.optional() }).strict(),
    z.object({ ...base, do: z.literal('return'), reason }).strict(),
    z
      .object({
        ...base,
        do: z.literal('reroute'),
        departments,
        mode: zRouteMode.optional(),
        reason: reason.optional(),
      })
      .strict(),
    z.object({ ...base, do: z.literal('move'), departments, mode: zRouteMode.optional(), reason }).strict(),
    z.object({ ...base, do: z.literal('part'), text: z.string().min(1).optional() }).strict(),
    z.object({ ...base, do: z.literal('forward') }).strict(),
    z
      .object({
        ...base,
        do: z.literal('draft'),
        kind: zDraftKind.default('answer'),
        text: z.string().min(1).optional(),
        /** Fast-track answers carry evidence (krasnoufimsk p.20). */
        evidence: z.enum(['solved', 'not-confirmed']).optional(),
        /** idrinsky 3.7: why an explanation instead of an answer. */
        reason: z.enum(['outside-competence', 'bypass-law', 'court-ruling', 'answered-repeatedly']).optional(),
      })
      .strict(),
    z.object({ ...base, do: z.literal('revise-request'), reason }).strict(),
    z.object({ ...base, do: z.literal('approve') }).strict(),
    z.object({ ...base, do: z.literal('publish') }).strict(),
    z
      .object({
        ...base,
        do: z.literal('recategorise'),
        category: zCategory.optional(),
        high: z.boolean().optional(),
        topic: z.string().min(1).optional(),
        place: z.string().min(1).optional(),
        reason,
      })
      .strict(),
    z
      .object({
        ...base,
        do: z.literal('reject'),
        ground: z
          .string({ error: 'validation.rejection-ground-required' })
          .min(1, 'validation.rejection-ground-required'),
      })
      .strict(),
    z.object({ ...base, do: z.literal('close') }).strict(),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'validation.scenario-command' : undefined) },
);
export type ScenarioLine = z.infer<typeof zScenarioLine>;
