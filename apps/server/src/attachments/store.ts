// Attachments stored in the data directory: streamed to disk with a size limit and an allow-list of types,
// one row per file in `attachments`, always scoped to the case's organisation.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, type ReadStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq } from 'drizzle-orm';
import { attachments, cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import { appError, notFound } from '../errors/app-error';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Photos, videos and documents a resident or an executor may reasonably attach as evidence. */
export const ALLOWED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'application/pdf',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

function storageDir(deps: ServerDeps): string {
  if (!deps.attachmentsDir) {
    throw appError('INTERNAL', 'attachment.storage-missing', {});
  }
  return deps.attachmentsDir;
}

export async function saveAttachment(
  deps: ServerDeps,
  input: {
    organisationId: string;
    caseId: string;
    personId: string;
    fileName: string;
    contentType: string;
    declaredSize?: number;
    body: Readable;
  },
) {
  const contentType = input.contentType.split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.has(contentType)) {
    throw appError(
      'UNSUPPORTED_TYPE',
      'attachment.type',
      { type: contentType },
      {
        allowed: [...ALLOWED_TYPES],
      },
    );
  }
  if (input.declaredSize !== undefined && input.declaredSize > MAX_ATTACHMENT_BYTES) {
    throw tooLarge();
  }
  const [owner] = await deps.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, input.caseId), eq(cases.organisationId, input.organisationId)));
  if (!owner) throw notFound('case');
  const id = randomUUID();
  const storageKey = join(input.organisationId, id);
  const dir = join(storageDir(deps), input.organisationId);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, id);
  let size = 0;
  try {
    await pipeline(
      input.body,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          // Stop reading as soon as the limit is passed: a huge upload never reaches the disk whole.
          if (size > MAX_ATTACHMENT_BYTES) throw tooLarge();
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  if (size === 0) {
    rmSync(path, { force: true });
    throw appError('BAD_INPUT', 'attachment.empty', {});
  }
  const [row] = await deps.db
    .insert(attachments)
    .values({
      id,
      organisationId: input.organisationId,
      caseId: input.caseId,
      fileName: input.fileName.slice(0, 255),
      contentType,
      sizeBytes: size,
      storageKey,
      uploadedBy: input.personId,
    })
    .returning();
  return row!;
}

function tooLarge() {
  return appError('TOO_LARGE', 'attachment.too-large', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
}

export async function openAttachment(
  deps: ServerDeps,
  organisationId: string,
  id: string,
  /** Refuses (throws) when the reader may not see the attachment's case. */
  checkCase: (caseId: string | null) => Promise<void>,
): Promise<{ row: typeof attachments.$inferSelect; stream: ReadStream; size: number }> {
  const [row] = await deps.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.organisationId, organisationId)));
  if (!row?.storageKey) throw notFound('attachment');
  await checkCase(row.caseId);
  const path = join(storageDir(deps), row.storageKey);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw notFound('attachment-file');
  }
  return { row, stream: createReadStream(path), size };
}
