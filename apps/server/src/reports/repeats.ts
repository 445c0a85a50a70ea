// Repeat candidates for the case workspace: an in-memory RepeatIndex per organisation, built from the cases table on
// first use and kept current from committed events (registration adds a case, triage sets its topic and location).

import type { Actor } from '@otklik/domain';
import { type CaseEvent, type RepeatCandidate, type RepeatDoc, RepeatIndex } from '@otklik/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { actorCondition, requireVisibleCase } from '../cases/access';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import { notFound } from '../errors/app-error';
import type { CommittedEvent } from '../events-bus';

const indexes = new Map<string, Promise<RepeatIndex>>();

/** The columns a RepeatDoc is made of (see docOf). */
const docColumns = {
  id: cases.id,
  at: cases.detectedAt,
  author: cases.author,
  text: cases.text,
  topic: cases.topic,
  location: cases.location,
};

async function build(db: DbOrTx, organisationId: string): Promise<RepeatIndex> {
  const rows = await db
    .select(docColumns)
    .from(cases)
    .where(eq(cases.organisationId, organisationId))
    .orderBy(cases.detectedAt);
  const index = new RepeatIndex();
  for (const r of rows) index.add(docOf(r));
  return index;
}

function docOf(r: {
  id: string;
  at: Date;
  author: string | null;
  text: string;
  topic: string | null;
  location: string | null;
}): RepeatDoc {
  return {
    caseId: r.id,
    at: r.at.getTime(),
    author: { name: r.author ?? '' },
    text: r.text,
    topic: r.topic,
    location: r.location,
  };
}

function indexOf(db: DbOrTx, organisationId: string): Promise<RepeatIndex> {
  let p = indexes.get(organisationId);
  if (!p) {
    p = build(db, organisationId);
    indexes.set(organisationId, p);
    // A failed build is retried on the next call instead of caching the failure.
    p.catch(() => indexes.delete(organisationId));
  }
  return p;
}

/** Keeps built indexes current; organisations whose index is not built yet get it from the table later. */
export async function applyToRepeatIndex(db: DbOrTx, committed: readonly CommittedEvent[]): Promise<void> {
  for (const c of committed) {
    const p = indexes.get(c.organisationId);
    if (!p) continue;
    const event = c.payload as CaseEvent;
    if (event.type !== 'case-registered' && event.type !== 'case-triaged') continue;
    const [row] = await db.select(docColumns).from(cases).where(eq(cases.id, c.caseId));
    if (row) (await p).add(docOf(row));
  }
}

export interface RepeatSuggestion extends RepeatCandidate {
  readonly number: number;
  readonly detectedAt: number;
  readonly excerpt: string;
  readonly author: string | null;
  readonly topic: string | null;
  readonly location: string | null;
  readonly isOpen: boolean;
}

export async function repeatCandidates(
  db: DbOrTx,
  organisationId: string,
  caseId: string,
  limit = 10,
  /** Only cases this person may see are suggested (and asked about). */
  actor?: Actor,
): Promise<RepeatSuggestion[]> {
  if (actor) await requireVisibleCase(db, organisationId, caseId, actor);
  const [row] = await db
    .select(docColumns)
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
  if (!row) throw notFound('Обращение');
  const index = await indexOf(db, organisationId);
  const doc = docOf(row);
  if (!index.has(caseId)) index.add(doc);
  const found = index.candidates(doc, { limit });
  if (found.length === 0) return [];
  const details = await db
    .select({
      id: cases.id,
      number: cases.number,
      detectedAt: cases.detectedAt,
      text: cases.text,
      author: cases.author,
      topic: cases.topic,
      location: cases.location,
      isOpen: cases.isOpen,
    })
    .from(cases)
    .where(
      and(
        inArray(
          cases.id,
          found.map((f) => f.caseId),
        ),
        actor ? actorCondition(actor) : undefined,
      ),
    );
  const byId = new Map(details.map((d) => [d.id, d]));
  return found.flatMap((f) => {
    const d = byId.get(f.caseId);
    if (!d) return [];
    return [
      {
        ...f,
        number: d.number,
        detectedAt: d.detectedAt.getTime(),
        excerpt: d.text.slice(0, 280),
        author: d.author,
        topic: d.topic,
        location: d.location,
        isOpen: d.isOpen,
      },
    ];
  });
}

/** Tests: forget cached indexes. */
export function resetRepeatIndexes(): void {
  indexes.clear();
}
