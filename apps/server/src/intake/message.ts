// One incoming message from a monitoring system or an import file, as the intake accepts it (zod), and how it
// becomes a case: registered by the system actor, idempotent by (organisation, network, external id).
import { zNetwork } from '@otklik/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import { isUniqueViolation } from '../db/errors';
import { cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import { isAppError } from '../errors/app-error';

export const MAX_INTAKE_TEXT = 20_000;

const zHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\//i.test(s), 'ссылка должна начинаться с http(s):// / must be an http(s) URL');

/** A posting time as epoch milliseconds or an ISO-8601 string with an offset. */
const zPostedAt = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'время публикации: ISO-8601 / posted at: ISO-8601')
    .transform((s) => Date.parse(s)),
]);

export const zIntakeMessage = z.object({
  network: zNetwork,
  externalId: z.string().trim().min(1, 'нужен внешний id / externalId is required').max(200),
  url: zHttpUrl,
  author: z.union([
    z
      .string()
      .trim()
      .min(1)
      .max(300)
      .transform((name) => ({ name })),
    z.object({ name: z.string().trim().min(1).max(300), profileUrl: zHttpUrl.optional() }),
  ]),
  text: z.string().max(MAX_INTAKE_TEXT, `текст длиннее ${MAX_INTAKE_TEXT} символов / text too long`),
  postedAt: zPostedAt.optional(),
  visibility: z.enum(['public', 'private']).default('public'),
  /** Attachments stay where they are: referenced by URL, not downloaded. */
  attachments: z
    .array(
      z.object({
        url: zHttpUrl,
        kind: z.enum(['photo', 'video', 'document', 'other']).default('other'),
        name: z.string().max(300).optional(),
      }),
    )
    .max(20, 'не более 20 вложений / at most 20 attachments')
    .default([]),
});
export type IntakeMessage = z.infer<typeof zIntakeMessage>;

async function findExisting(deps: ServerDeps, organisationId: string, m: IntakeMessage) {
  const [row] = await deps.db
    .select({ id: cases.id, version: cases.version })
    .from(cases)
    .where(
      and(eq(cases.organisationId, organisationId), eq(cases.network, m.network), eq(cases.externalId, m.externalId)),
    );
  return row ?? null;
}

export interface IntakeResult {
  caseId: string;
  created: boolean;
}

export async function intakeMessage(deps: ServerDeps, organisationId: string, m: IntakeMessage): Promise<IntakeResult> {
  const existing = await findExisting(deps, organisationId, m);
  if (existing) return { caseId: existing.id, created: false };
  try {
    const result = await executeCaseCommand(deps, {
      organisationId,
      actor: SYSTEM_ACTOR,
      command: {
        type: 'register',
        network: m.network,
        link: m.url,
        author: m.author,
        text: m.text,
        attachments: m.attachments.map((a) => ({ kind: a.kind, url: a.url, ...(a.name ? { name: a.name } : {}) })),
        visibility: m.visibility,
        externalId: m.externalId,
        ...(m.postedAt !== undefined ? { postedAt: m.postedAt } : {}),
      },
    });
    return { caseId: result.caseId, created: true };
  } catch (error) {
    // Two deliveries of one message at the same moment: the unique index lets one in; the other returns it.
    if (isUniqueViolation(error) || (isAppError(error) && error.code === 'CONFLICT')) {
      const again = await findExisting(deps, organisationId, m);
      if (again) return { caseId: again.id, created: false };
    }
    throw error;
  }
}
