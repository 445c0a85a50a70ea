// Repeat detection help (REGULATIONS.md "Repeat message"): earlier cases by the same author, or with similar text
// on the same topic or location, so the curator links a repeat in one click. An in-memory inverted index of
// character trigrams; only rarer trigrams select candidates, then exact Jaccard similarity ranks them.
import type { Instant } from '../calendar/types';
import { jaccardSorted, normaliseText, trigramsOf } from './text-shingles';

/** Jaccard similarity of two texts' trigram sets (the same number the index computes from its gram ids). */
function jaccardOfTexts(a: string, b: string): number {
  const x = trigramsOf(a);
  const y = trigramsOf(b);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  const union = x.size + y.size - common;
  return union === 0 ? 0 : common / union;
}

export interface RepeatDoc {
  readonly caseId: string;
  /** Detection instant: only earlier cases are suggested. */
  readonly at: Instant;
  readonly author: { readonly name: string; readonly profileUrl?: string | null };
  readonly text: string;
  readonly topic: string | null;
  readonly location: string | null;
}

export interface RepeatCandidate {
  readonly caseId: string;
  /** Jaccard similarity of the texts' trigram sets, 0–1. */
  readonly similarity: number;
  readonly sameAuthor: boolean;
  readonly sameTopic: boolean;
  readonly sameLocation: boolean;
}

export interface RepeatQueryOptions {
  /** Least similarity for a text match (default 0.35). */
  readonly minSimilarity?: number;
  /** At most this many suggestions (default 10). */
  readonly limit?: number;
  /**
   * Documents outside the index to weigh with the same rules (e.g. the author's cases older than a server's bounded
   * index); ones the index holds are ignored.
   */
  readonly extra?: readonly RepeatDoc[];
}

/** The author's identity: the profile link when known (names repeat), else the normalised name. */
export function authorKeyOf(author: RepeatDoc['author']): string {
  const url = author.profileUrl?.trim().toLowerCase().replace(/\/+$/, '');
  return url ? `url:${url}` : `name:${normaliseText(author.name)}`;
}

/** Candidates are gathered through the query's rarest trigrams: common ones ("ост", " на") would touch most docs. */
const SEED_TRIGRAMS = 24;
/** Exact similarity is computed for at most this many docs with the most seed trigrams in common. */
const RANKED = 400;
/** Docs added since the postings were last laid out are scanned by their trigrams at each query; past this many of
 *  their trigrams (or an eighth of the laid-out postings, when more), the postings are laid out again first. */
const PENDING_GRAMS = 65_536;

/** `a` with room for at least `need` elements (grown by half again, at least), its contents kept. */
function withRoom<T extends Uint32Array | Int32Array | Float64Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const grown = make(Math.max(need, Math.ceil(a.length * 1.5), 256));
  grown.set(a);
  return grown;
}

/**
 * The index is held as flat typed arrays, not an object per case: each case's sorted trigram ids in one pool, and
 * for each trigram the cases that hold it laid out one after another (the postings of the cases added since the last
 * layout are found by scanning those cases' trigrams). A case's text, author, topic and place are not kept, only
 * what the rules compare: its trigram ids, author key, topic and place (each distinct value once) and instant.
 */
export class RepeatIndex {
  private readonly ids: string[] = [];
  private readonly byId = new Map<string, number>();
  private at = new Float64Array(0);
  /** Per case: its author's number (`authorIds`), and the same author's previous case (-1 for none). */
  private authorOf = new Int32Array(0);
  private previousByAuthor = new Int32Array(0);
  private readonly authorIds = new Map<string, number>();
  /** Per author number: the author's latest case. */
  private readonly lastByAuthor: number[] = [];
  /** Per case: its topic's and place's numbers in `values` (-1 for none). */
  private topicOf = new Int32Array(0);
  private locationOf = new Int32Array(0);
  private readonly valueIds = new Map<string, number>();
  /** Per case: where its trigram ids end in `grams` (they start where the previous case's end). */
  private gramsEnd = new Uint32Array(0);
  private grams = new Uint32Array(0);
  private readonly gramIds = new Map<string, number>();
  /** Per trigram id: how many cases hold it. */
  private holders = new Uint32Array(0);
  /** The postings of cases [0, laidOut): trigram g's cases are postings[postingsStart[g] … postingsStart[g + 1]). */
  private laidOut = 0;
  private postingsStart = new Uint32Array(1);
  private postings = new Uint32Array(0);
  private counts = new Int32Array(0);

  get size(): number {
    return this.ids.length;
  }

  has(caseId: string): boolean {
    return this.byId.has(caseId);
  }

  /** Adds a case (or replaces its topic and place when added again, e.g. after triage set the topic). */
  add(doc: RepeatDoc): void {
    const existing = this.byId.get(doc.caseId);
    if (existing !== undefined) {
      this.topicOf[existing] = this.valueId(doc.topic);
      this.locationOf[existing] = this.valueId(doc.location);
      return;
    }
    const idx = this.ids.length;
    const n = idx + 1;
    this.at = withRoom(this.at, n, (k) => new Float64Array(k));
    this.authorOf = withRoom(this.authorOf, n, (k) => new Int32Array(k));
    this.previousByAuthor = withRoom(this.previousByAuthor, n, (k) => new Int32Array(k));
    this.topicOf = withRoom(this.topicOf, n, (k) => new Int32Array(k));
    this.locationOf = withRoom(this.locationOf, n, (k) => new Int32Array(k));
    this.gramsEnd = withRoom(this.gramsEnd, n, (k) => new Uint32Array(k));
    this.ids.push(doc.caseId);
    this.byId.set(doc.caseId, idx);
    this.at[idx] = doc.at;
    const authorKey = authorKeyOf(doc.author);
    let author = this.authorIds.get(authorKey);
    if (author === undefined) {
      author = this.lastByAuthor.length;
      this.authorIds.set(authorKey, author);
      this.lastByAuthor.push(-1);
    }
    this.authorOf[idx] = author;
    this.previousByAuthor[idx] = this.lastByAuthor[author]!;
    this.lastByAuthor[author] = idx;
    this.topicOf[idx] = this.valueId(doc.topic);
    this.locationOf[idx] = this.valueId(doc.location);
    const ids = this.gramsOf(doc.text, true);
    const start = this.gramsStart(idx);
    this.grams = withRoom(this.grams, start + ids.length, (k) => new Uint32Array(k));
    this.grams.set(ids, start);
    this.gramsEnd[idx] = start + ids.length;
    for (const g of ids) this.holders[g]! += 1;
  }

  private valueId(value: string | null): number {
    if (value === null) return -1;
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.valueIds.size;
      this.valueIds.set(value, id);
    }
    return id;
  }

  private gramsStart(idx: number): number {
    return idx === 0 ? 0 : this.gramsEnd[idx - 1]!;
  }

  private gramsOfCase(idx: number): Uint32Array {
    return this.grams.subarray(this.gramsStart(idx), this.gramsEnd[idx]!);
  }

  private gramsOf(text: string, create: boolean): Uint32Array {
    const ids: number[] = [];
    for (const g of trigramsOf(text)) {
      let id = this.gramIds.get(g);
      if (id === undefined) {
        if (!create) continue;
        id = this.gramIds.size;
        this.gramIds.set(g, id);
        this.holders = withRoom(this.holders, id + 1, (k) => new Uint32Array(k));
      }
      ids.push(id);
    }
    return Uint32Array.from(ids).sort();
  }

  /** Lays out the postings of every case (a counting sort by trigram: each trigram's cases in the order added). */
  private layOut(): void {
    const trigrams = this.gramIds.size;
    const start = new Uint32Array(trigrams + 1);
    for (let g = 0; g < trigrams; g++) start[g + 1] = start[g]! + this.holders[g]!;
    const postings = new Uint32Array(start[trigrams]!);
    const next = start.slice(0, trigrams);
    const grams = this.grams;
    let from = 0;
    for (let idx = 0; idx < this.ids.length; idx++) {
      const end = this.gramsEnd[idx]!;
      for (let k = from; k < end; k++) postings[next[grams[k]!]!++] = idx;
      from = end;
    }
    this.postingsStart = start;
    this.postings = postings;
    this.laidOut = this.ids.length;
  }

  /** Earlier cases that may be the same issue: same author (any text), or similar text on the same topic or
   *  location (any topic when the query has neither yet, as at registration). */
  candidates(query: RepeatDoc, options: RepeatQueryOptions = {}): RepeatCandidate[] {
    const minSimilarity = options.minSimilarity ?? 0.35;
    const limit = options.limit ?? 10;
    const n = this.ids.length;
    const pendingGrams = this.gramsStart(n) - this.gramsStart(this.laidOut);
    if (pendingGrams > Math.max(PENDING_GRAMS, this.postings.length / 8)) this.layOut();
    const self = this.byId.get(query.caseId);
    const grams = self === undefined ? this.gramsOf(query.text, false) : this.gramsOfCase(self);
    if (this.counts.length < n) this.counts = new Int32Array(Math.max(1024, n * 2));
    const counts = this.counts;
    const touched: number[] = [];
    const seeds = [...grams].sort((a, b) => this.holders[a]! - this.holders[b]!).slice(0, SEED_TRIGRAMS);
    // The cases added since the layout that hold each seed, in the order added (after the laid-out ones).
    const later: number[][] = seeds.map(() => []);
    if (this.laidOut < n) {
      const rank = new Map(seeds.map((g, r) => [g, r]));
      for (let idx = this.laidOut; idx < n; idx++) {
        for (const g of this.gramsOfCase(idx)) {
          const r = rank.get(g);
          if (r !== undefined) later[r]!.push(idx);
        }
      }
    }
    const touch = (idx: number) => {
      if (counts[idx] === 0) touched.push(idx);
      counts[idx]! += 1;
    };
    seeds.forEach((g, r) => {
      if (g + 1 < this.postingsStart.length) {
        for (let k = this.postingsStart[g]!; k < this.postingsStart[g + 1]!; k++) touch(this.postings[k]!);
      }
      for (const idx of later[r]!) touch(idx);
    });
    // A similar text shares a good part of even the rarest trigrams; docs touched by one or two are noise.
    const least = Math.max(1, Math.ceil(seeds.length * 0.25));
    const ranked = touched
      .filter((idx) => counts[idx]! >= least && idx !== self && this.at[idx]! < query.at)
      .sort((a, b) => counts[b]! - counts[a]!)
      .slice(0, RANKED);
    for (const idx of touched) counts[idx] = 0;

    const out = new Map<string, RepeatCandidate>();
    const authorKey = authorKeyOf(query.author);
    const author = this.authorIds.get(authorKey) ?? -2;
    const topic = query.topic === null ? -2 : (this.valueIds.get(query.topic) ?? -3);
    const location = query.location === null ? -2 : (this.valueIds.get(query.location) ?? -3);
    const candidate = (
      caseId: string,
      similarity: number,
      sameAuthor: boolean,
      sameTopic: boolean,
      sameLocation: boolean,
    ): RepeatCandidate => ({
      caseId,
      similarity: Math.round(similarity * 1000) / 1000,
      sameAuthor,
      sameTopic,
      sameLocation,
    });
    const held = (idx: number, similarity: number) =>
      candidate(
        this.ids[idx]!,
        similarity,
        this.authorOf[idx] === author,
        this.topicOf[idx] === topic,
        this.locationOf[idx] === location,
      );
    const constrained = query.topic !== null || query.location !== null;
    for (const idx of ranked) {
      const similarity = jaccardSorted(grams, this.gramsOfCase(idx));
      if (similarity < minSimilarity) continue;
      const c = held(idx, similarity);
      if (c.sameAuthor || !constrained || c.sameTopic || c.sameLocation) out.set(c.caseId, c);
    }
    const byAuthor: number[] = [];
    for (let idx = author < 0 ? -1 : this.lastByAuthor[author]!; idx >= 0; idx = this.previousByAuthor[idx]!) {
      byAuthor.push(idx);
    }
    for (let i = byAuthor.length - 1; i >= 0; i--) {
      const idx = byAuthor[i]!;
      if (idx === self || this.at[idx]! >= query.at || out.has(this.ids[idx]!)) continue;
      out.set(this.ids[idx]!, held(idx, jaccardSorted(grams, this.gramsOfCase(idx))));
    }
    const extraAt = new Map<string, number>();
    for (const doc of options.extra ?? []) {
      if (this.byId.has(doc.caseId) || doc.caseId === query.caseId || doc.at >= query.at || out.has(doc.caseId))
        continue;
      const similarity = jaccardOfTexts(query.text, doc.text);
      const c = candidate(
        doc.caseId,
        similarity,
        authorKeyOf(doc.author) === authorKey,
        query.topic !== null && doc.topic === query.topic,
        query.location !== null && doc.location === query.location,
      );
      if (c.sameAuthor || (similarity >= minSimilarity && (!constrained || c.sameTopic || c.sameLocation))) {
        out.set(c.caseId, c);
        extraAt.set(c.caseId, doc.at);
      }
    }
    // The same author on a similar text first, then text similarity; a tie goes to the more recent case.
    const score = (c: RepeatCandidate) =>
      c.similarity + (c.sameAuthor ? 0.5 : 0) + (c.sameTopic || c.sameLocation ? 0.05 : 0);
    const atOf = (id: string) => extraAt.get(id) ?? this.at[this.byId.get(id)!]!;
    return [...out.values()].sort((a, b) => score(b) - score(a) || atOf(b.caseId) - atOf(a.caseId)).slice(0, limit);
  }
}
