// Repeat candidates for the case workspace: an in-memory RepeatIndex per organisation over a bounded recent window
// of its cases (read through cases_org_detected_idx, never the whole table), kept current from committed events
// (registration adds a case, triage sets its topic and location), plus the author's earlier cases beyond the window
// (cases_org_author_idx), so a repeat by the same author is found however old the first message is.
// pg_trgm was measured for this and left aside: at 100,000 similar short messages a similarity query took seconds,
// and in a database whose LC_CTYPE is C it finds no trigrams in Cyrillic text at all.
import type { Actor, CaseEvent } from '@otklik/domain';
import { type RepeatCandidate, type RepeatDoc, RepeatIndex } from '@otklik/domain';
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { actorCondition, requireVisibleCase, uuidArray } from '../cases/access';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import { notFound } from '../errors/app-error';
import type { CommittedEvent } from '../events-bus';

/** The cases a repeat index holds: those detected in the last `days`, at most `maxCases` (the most recent). */
export interface RepeatWindow {
  readonly days: number;
  readonly maxCases: number;
  /** Cases whose texts a build reads at once (default `BUILD_PAGE`). */
  readonly page?: number;
}

/** A year, and at most 30,000 cases per organisation (about 22 MB of index for the load corpus's short messages,
 *  ~60 trigrams each; a build reads that many rows). */
export const DEFAULT_REPEAT_WINDOW: RepeatWindow = { days: 365, maxCases: 30_000 };

/** A build reads the window's texts this many cases at a time: each page is garbage once indexed, where one read of
 *  30,000 rows kept every row alive (into V8's old generation) until the last had arrived. */
const BUILD_PAGE = 2_000;

interface WindowIndex {
  readonly index: RepeatIndex;
  readonly window: RepeatWindow;
  /** The detection instant of the oldest case in the index: older cases are only found by author. */
  readonly oldest: number;
}

const indexes = new Map<string, Promise<WindowIndex>>();

/** The columns a RepeatDoc is made of (see docOf). */
const docColumns = {
  id: cases.id,
  at: cases.detectedAt,
  author: cases.author,
  text: cases.text,
  topic: cases.topic,
  location: cases.location,
};

async function build(db: DbOrTx, organisationId: string, window: RepeatWindow, now: number): Promise<WindowIndex> {
  // Which cases: the window's most recent, by id only; then their texts, a page at a time.
  const held = await db
    .select({ id: cases.id, at: cases.detectedAt })
    .from(cases)
    .where(
      and(eq(cases.organisationId, organisationId), gte(cases.detectedAt, new Date(now - window.days * 86_400_000))),
    )
    .orderBy(desc(cases.detectedAt))
    .limit(window.maxCases);
  const index = new RepeatIndex();
  const page = window.page ?? BUILD_PAGE;
  // Oldest first, as registrations arrive.
  for (let end = held.length; end > 0; end -= page) {
    const ids = held
      .slice(Math.max(0, end - page), end)
      .map((r) => r.id)
      .reverse();
    const rows = await db
      .select(docColumns)
      .from(cases)
      .where(and(eq(cases.organisationId, organisationId), sql`${cases.id} = any(${uuidArray(ids)})`));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) index.add(docOf(row));
    }
  }
  return { index, window, oldest: held.at(-1)?.at.getTime() ?? now };
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

function indexOf(db: DbOrTx, organisationId: string, window: RepeatWindow, now: number): Promise<WindowIndex> {
  const p = indexes.get(organisationId);
  if (p) return p;
  const built = build(db, organisationId, window, now);
  indexes.set(organisationId, built);
  // A failed build is retried on the next call instead of caching the failure.
  built.catch(() => indexes.delete(organisationId));
  return built;
}

/** What a committed registration or triage changes in an index, from its event: a registration is the whole case
 *  (as its row is projected: detected at the event's instant, its message's author and text, the classification
 *  known at registration); a triage its topic and place, for a case the index holds. Null: read the case's row (a
 *  triage of a case the index does not hold, which enters with its row). */
function docOfEvent(caseId: string, event: CaseEvent, held: boolean): RepeatDoc | null {
  if (event.type === 'case-registered') {
    return {
      caseId,
      at: event.at,
      author: { name: event.author.name },
      text: event.text,
      topic: event.classification?.topic ?? null,
      location: event.classification?.location ?? null,
    };
  }
  if (event.type === 'case-triaged' && held) {
    // Only the topic and the place of a held case change (RepeatIndex.add).
    return { caseId, at: event.at, author: { name: '' }, text: '', topic: event.topic, location: event.location };
  }
  return null;
}

/** Keeps built indexes current, from the events themselves (no statement per registration); organisations whose
 *  index is not built yet get it from the table later. */
export async function applyToRepeatIndex(db: DbOrTx, committed: readonly CommittedEvent[]): Promise<void> {
  for (const c of committed) {
    const p = indexes.get(c.organisationId);
    if (!p) continue;
    const event = c.payload;
    if (event.type !== 'case-registered' && event.type !== 'case-triaged') continue;
    const built = await p;
    const held = built.index.has(c.caseId);
    // Held already: the index was built from its row after the registration committed.
    if (event.type === 'case-registered' && held) continue;
    let doc = docOfEvent(c.caseId, event, held);
    if (!doc) {
      const [row] = await db.select(docColumns).from(cases).where(eq(cases.id, c.caseId));
      if (!row) continue;
      doc = docOf(row);
    }
    built.index.add(doc);
    // Grown well past its window: rebuilt (bounded) on the next question, so memory stays bounded on a long run.
    if (built.index.size > built.window.maxCases * 1.25 && indexes.get(c.organisationId) === p) {
      indexes.delete(c.organisationId);
    }
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

/** At most this many of an author's cases older than the window are looked at (the most recent first). */
const OLDER_BY_AUTHOR = 500;

export async function repeatCandidates(
  db: DbOrTx,
  organisationId: string,
  caseId: string,
  limit = 10,
  /** `actor`: only cases this person may see are suggested (and asked about). */
  options: { window?: RepeatWindow; now?: number; actor?: Actor } = {},
): Promise<RepeatSuggestion[]> {
  const { actor } = options;
  if (actor) await requireVisibleCase(db, organisationId, caseId, actor);
  const [row] = await db
    .select(docColumns)
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
  if (!row) throw notFound('case');
  const { index, oldest } = await indexOf(
    db,
    organisationId,
    options.window ?? DEFAULT_REPEAT_WINDOW,
    options.now ?? Date.now(),
  );
  const doc = docOf(row);
  if (!index.has(caseId)) index.add(doc);
  // The same author before the window: the index cannot know those cases, the author index finds them.
  let extra: RepeatDoc[] = [];
  if (row.author) {
    const older = await db
      .select(docColumns)
      .from(cases)
      .where(
        and(
          eq(cases.organisationId, organisationId),
          eq(cases.author, row.author),
          lte(cases.detectedAt, new Date(oldest)),
        ),
      )
      .orderBy(desc(cases.detectedAt))
      .limit(OLDER_BY_AUTHOR);
    extra = older.map(docOf);
  }
  const found = index.candidates(doc, { limit, extra });
  if (found.length === 0) return [];
  return withCaseDetails(db, found, actor ? actorCondition(actor) : undefined);
}

/** Repeat candidates for a message being registered (the operator's form, while typing): the same rules as for a
 *  registered case, with the author and text typed so far and no topic or location yet. */
export async function repeatCandidatesForDraft(
  db: DbOrTx,
  organisationId: string,
  draft: { author: string; profileUrl?: string | undefined; text: string },
  options: { limit?: number; now?: number; actor?: Actor } = {},
): Promise<RepeatSuggestion[]> {
  const now = options.now ?? Date.now();
  const { index } = await indexOf(db, organisationId, DEFAULT_REPEAT_WINDOW, now);
  const author = draft.author.trim();
  const doc: RepeatDoc = {
    caseId: '',
    at: now,
    author: { name: author, ...(draft.profileUrl ? { profileUrl: draft.profileUrl } : {}) },
    text: draft.text,
    topic: null,
    location: null,
  };
  // An empty author matches every other case without a name: only the text speaks then.
  const found = index
    .candidates(doc, { limit: (options.limit ?? 5) * 2 })
    .filter((c) => author !== '' || !c.sameAuthor)
    .slice(0, options.limit ?? 5);
  if (found.length === 0) return [];
  return withCaseDetails(
    db,
    found,
    and(eq(cases.organisationId, organisationId), options.actor ? actorCondition(options.actor) : undefined),
  );
}

/** The candidates with what a person reads of each case (number, time, excerpt…), in the candidates' order; a case
 *  outside `scope` (another organisation, not visible to the actor) is left out. */
async function withCaseDetails(
  db: DbOrTx,
  found: readonly RepeatCandidate[],
  scope: SQL | undefined,
): Promise<RepeatSuggestion[]> {
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
        scope,
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
