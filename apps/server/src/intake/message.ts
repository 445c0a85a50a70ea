// One incoming message from a monitoring system or an import file, as the intake accepts it (zod), and how it
// becomes a case: registered by the system actor, idempotent by (organisation, network, external id).
import { zNetwork } from '@otklik/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import { isUniqueViolation } from '../db/errors';
import { attachments, cases, organisations } from '../db/schema';
import type { ServerDeps } from '../deps';
import { organisationArchived } from '../directory/organisations';
import { isAppError } from '../errors/app-error';
import { ISO_WITH_OFFSET } from './posted-at';

export const MAX_INTAKE_TEXT = 20_000;

const zHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\//i.test(s), 'validation.http-url');

/** A posting time as epoch milliseconds or an ISO-8601 string with an offset. */
const zPostedAt = z.union([
  z.number().int().nonnegative(),
  // Strict: "дом 5" or "01.12.2026" are refused here (Date.parse would guess); files in local time are read by
  // the import in the organisation's time zone (posted-at.ts).
  z
    .string()
    .refine((s) => ISO_WITH_OFFSET.test(s) && !Number.isNaN(Date.parse(s)), 'validation.posted-at')
    .transform((s) => Date.parse(s)),
]);

export const zIntakeMessage = z.object({
  network: zNetwork.meta({ description: 'The network of the message' }),
  externalId: z
    .string()
    .trim()
    .min(1, 'validation.external-id-required')
    .max(200)
    .meta({ description: 'Id of the message in its network; a repeat delivery with the same id changes nothing' }),
  url: zHttpUrl.meta({ description: 'Link to the message (http or https)' }),
  author: z.union([
    z
      .string()
      .trim()
      .min(1)
      .max(300)
      .transform((name) => ({ name })),
    z.object({ name: z.string().trim().min(1).max(300), profileUrl: zHttpUrl.optional() }),
  ]),
  text: z.string().max(MAX_INTAKE_TEXT, 'validation.text-too-long'),
  postedAt: zPostedAt.optional().meta({
    description:
      'When the author posted it: epoch milliseconds or ISO-8601 with an offset (some deadlines count from it)',
  }),
  visibility: z
    .enum(['public', 'private'])
    .default('public')
    .meta({ description: 'public comment or private message: the answer goes back the same way' }),
  /** Attachments stay where they are: referenced by URL, not downloaded. */
  attachments: z
    .array(
      z.object({
        url: zHttpUrl,
        kind: z.enum(['photo', 'video', 'document', 'other']).default('other'),
        name: z.string().max(300).optional(),
      }),
    )
    .max(20, 'validation.too-many-attachments')
    .default([]),
});
export type IntakeMessage = z.infer<typeof zIntakeMessage>;

/** POST /api/intake/batch: several messages at once, each handled (and answered) on its own. */
export const MAX_INTAKE_BATCH = 500;
export const zIntakeBatch = z.object({
  messages: z
    .array(z.unknown())
    .min(1, 'validation.batch-empty')
    .max(MAX_INTAKE_BATCH, 'validation.batch-too-large')
    .meta({ description: `Up to ${MAX_INTAKE_BATCH} messages, each as in POST /api/intake` }),
});

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

const CONTENT_TYPE_OF_KIND: Record<IntakeMessage['attachments'][number]['kind'], string> = {
  photo: 'image/*',
  video: 'video/*',
  document: 'application/octet-stream',
  other: 'application/octet-stream',
};

function fileNameOfUrl(url: string): string {
  const last = url.split('?')[0]?.split('/').pop() || url;
  try {
    return decodeURIComponent(last).slice(0, 300);
  } catch {
    return last.slice(0, 300);
  }
}

/** Attachments by URL become rows of `attachments` (referenced, not downloaded); missing ones only, so a repeat
 *  delivery after a crash completes what the first one started. */
async function ensureUrlAttachments(deps: ServerDeps, organisationId: string, caseId: string, m: IntakeMessage) {
  if (m.attachments.length === 0) return;
  const urls = m.attachments.map((a) => a.url);
  const present = await deps.db
    .select({ url: attachments.sourceUrl })
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), inArray(attachments.sourceUrl, urls)));
  const have = new Set(present.map((p) => p.url));
  const missing = m.attachments.filter((a) => !have.has(a.url));
  if (missing.length === 0) return;
  await deps.db.insert(attachments).values(
    missing.map((a) => ({
      organisationId,
      caseId,
      fileName: a.name ?? fileNameOfUrl(a.url),
      contentType: CONTENT_TYPE_OF_KIND[a.kind],
      sizeBytes: 0,
      storageKey: null,
      sourceUrl: a.url,
    })),
  );
}

/** Whether the organisation is archived and the case this message already became, if any, in one statement. */
async function organisationAndExisting(deps: ServerDeps, organisationId: string, m: IntakeMessage) {
  const [row] = await deps.db
    .select({ archivedAt: organisations.archivedAt, id: cases.id })
    .from(organisations)
    .leftJoin(
      cases,
      and(eq(cases.organisationId, organisations.id), eq(cases.network, m.network), eq(cases.externalId, m.externalId)),
    )
    .where(eq(organisations.id, organisationId));
  return { archived: Boolean(row?.archivedAt), existingId: row?.id ?? null };
}

export interface IntakeOptions {
  /** The caller found the organisation active already (the HTTP route, in its API key's statement): whether the
   *  message is already a case is then asked by the registration's own context statement, not by one of its own. */
  readonly organisationActive?: boolean;
}

export async function intakeMessage(
  deps: ServerDeps,
  organisationId: string,
  m: IntakeMessage,
  options: IntakeOptions = {},
): Promise<IntakeResult> {
  let result: IntakeResult;
  if (options.organisationActive) {
    result = await registerOnce(deps, organisationId, m);
  } else {
    const { archived, existingId } = await organisationAndExisting(deps, organisationId, m);
    if (archived) throw organisationArchived();
    result = existingId ? { caseId: existingId, created: false } : await registerOnce(deps, organisationId, m);
  }
  await ensureUrlAttachments(deps, organisationId, result.caseId, m);
  return result;
}

async function registerOnce(deps: ServerDeps, organisationId: string, m: IntakeMessage): Promise<IntakeResult> {
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
    // The message is already a case (the registration's context found it), or two deliveries of it came at the same
    // moment and the unique index let one in: the other returns it.
    if (isUniqueViolation(error) || (isAppError(error) && error.code === 'CONFLICT')) {
      const again = await findExisting(deps, organisationId, m);
      if (again) return { caseId: again.id, created: false };
    }
    throw error;
  }
}
