// A case's clocks as the server sends them (the case detail's computed clocks, a board row's stored ones), as zod
// schemas of the domain's `Clock` (packages/domain/src/sla/types.ts); the compile-time check at the end fails the
// typecheck when the two drift.
import { type CaseClocks, type Clock, HOLDER_KINDS, type Responsible, zStepId } from '@otklik/domain';
import { z } from 'zod';
import { zDeadlineRule } from './profile-messages';
import type { Assert, Same } from './same-shape';

/** A party a clock or a breach names. */
export const zResponsible = z.object({
  role: z.enum(['operator', 'curator', 'executor']),
  personId: z.string().nullable(),
  departmentId: z.string().nullable(),
});

export const zClock = z.object({
  id: z.string(),
  step: zStepId,
  kind: z.enum(['step', 'overall']),
  startedAt: z.number(),
  dueAt: z.number(),
  confirmed: z.boolean(),
  status: z.enum(['on-track', 'at-risk', 'breached']),
  remainingWorkingMinutes: z.number(),
  totalWorkingMinutes: z.number(),
  atRiskAt: z.number(),
  responsible: zResponsible,
  holders: z.array(zResponsible).readonly(),
  holder: z.enum(HOLDER_KINDS),
  breachAt: z.number(),
  // A clock stored before the rule's parts were kept carries one two-language text.
  rule: z.union([zDeadlineRule, z.string()]),
});

export const zCaseClocks = z.object({ active: z.array(zClock).readonly(), overall: zClock.nullable() });

/** Fail the typecheck when a schema here and the domain's type differ. */
export type ClockSchemasMatchDomain = [
  Assert<Same<z.infer<typeof zResponsible>, Responsible>>,
  Assert<Same<z.infer<typeof zClock>, Clock>>,
  Assert<Same<z.infer<typeof zCaseClocks>, CaseClocks>>,
];
