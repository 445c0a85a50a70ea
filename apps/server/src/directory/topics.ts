// The organisation's topic directory: a case's topic is chosen from it, and the administrator marks the topics of
// a profile's listed-topic limit (NAO p.16) here instead of copying the profile.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { findOwnRow, givenFields, isNameTaken, listOwnRows } from '../db/organisation-rows';
import { topics } from '../db/schema';
import { appError, notFound } from '../errors/app-error';

export type TopicRow = typeof topics.$inferSelect;

export function listTopics(db: DbOrTx, organisationId: string): Promise<TopicRow[]> {
  return listOwnRows(db, topics, organisationId, topics.name);
}

async function ensureNameFree(db: DbOrTx, organisationId: string, name: string, exceptId?: string) {
  if (await isNameTaken(db, topics, organisationId, name, exceptId)) {
    throw appError('CONFLICT', 'topic.exists', { name });
  }
}

export async function createTopic(
  db: DbOrTx,
  input: { organisationId: string; name: string; listed?: boolean },
): Promise<TopicRow> {
  await ensureNameFree(db, input.organisationId, input.name);
  const [row] = await db
    .insert(topics)
    .values({ organisationId: input.organisationId, name: input.name, listed: input.listed ?? false })
    .returning();
  return row!;
}

export async function updateTopic(
  db: DbOrTx,
  input: { organisationId: string; id: string; name?: string; listed?: boolean; active?: boolean },
): Promise<TopicRow> {
  const found = await findOwnRow(db, topics, input.organisationId, input.id);
  if (!found) throw notFound('topic');
  if (input.name !== undefined) await ensureNameFree(db, input.organisationId, input.name, input.id);
  const [row] = await db
    .update(topics)
    .set(givenFields({ name: input.name, listed: input.listed, active: input.active }))
    .where(eq(topics.id, input.id))
    .returning();
  return row!;
}
