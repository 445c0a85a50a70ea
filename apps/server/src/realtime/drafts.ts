// Autosaved drafts of a case with a version each: a save names the version it was edited from, and a save over a
// newer version is refused with both texts, so a concurrent edit from elsewhere is never silently overwritten.

import type { Draft, DraftSaveReply, DraftSlot } from '@otklik/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { people } from '../db/schema';
import { caseDrafts } from './schema';

export async function loadDrafts(db: DbOrTx, caseId: string): Promise<Draft[]> {
  const rows = await db
    .select({
      slot: caseDrafts.slot,
      text: caseDrafts.text,
      version: caseDrafts.version,
      updatedBy: caseDrafts.updatedBy,
      fullName: people.fullName,
      updatedAt: caseDrafts.updatedAt,
    })
    .from(caseDrafts)
    .leftJoin(people, eq(people.id, caseDrafts.updatedBy))
    .where(eq(caseDrafts.caseId, caseId))
    .orderBy(caseDrafts.slot);
  return rows.map((r) => ({
    caseId,
    slot: r.slot,
    text: r.text,
    version: r.version,
    updatedBy: r.updatedBy ? { personId: r.updatedBy, fullName: r.fullName ?? '' } : null,
    updatedAt: r.updatedAt.getTime(),
  }));
}

async function loadDraft(db: DbOrTx, caseId: string, slot: DraftSlot): Promise<Draft> {
  const found = (await loadDrafts(db, caseId)).find((d) => d.slot === slot);
  return found ?? { caseId, slot, text: '', version: 0, updatedBy: null, updatedAt: null };
}

export async function saveDraft(
  db: DbOrTx,
  input: {
    caseId: string;
    organisationId: string;
    slot: DraftSlot;
    baseVersion: number;
    text: string;
    personId: string;
    fullName: string;
    now: number;
  },
): Promise<DraftSaveReply> {
  const at = new Date(input.now);
  const saved =
    input.baseVersion === 0
      ? await db
          .insert(caseDrafts)
          .values({
            caseId: input.caseId,
            organisationId: input.organisationId,
            slot: input.slot,
            text: input.text,
            version: 1,
            updatedBy: input.personId,
            updatedAt: at,
          })
          .onConflictDoNothing()
          .returning({ version: caseDrafts.version })
      : await db
          .update(caseDrafts)
          .set({ text: input.text, version: sql`${caseDrafts.version} + 1`, updatedBy: input.personId, updatedAt: at })
          .where(
            and(
              eq(caseDrafts.caseId, input.caseId),
              eq(caseDrafts.slot, input.slot),
              eq(caseDrafts.version, input.baseVersion),
            ),
          )
          .returning({ version: caseDrafts.version });
  const [row] = saved;
  if (!row) return { status: 'conflict', current: await loadDraft(db, input.caseId, input.slot), yours: input.text };
  return {
    status: 'saved',
    draft: {
      caseId: input.caseId,
      slot: input.slot,
      text: input.text,
      version: row.version,
      updatedBy: { personId: input.personId, fullName: input.fullName },
      updatedAt: input.now,
    },
  };
}
