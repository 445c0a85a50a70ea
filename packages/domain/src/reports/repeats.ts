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

interface Stored {
  readonly doc: RepeatDoc;
  readonly grams: Uint32Array;
  readonly authorKey: string;
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

export class RepeatIndex {
  private readonly docs: Stored[] = [];
  private readonly byId = new Map<string, number>();
  private readonly gramIds = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly byAuthor = new Map<string, number[]>();
  private counts = new Int32Array(0);

  get size(): number {
    return this.docs.length;
  }

  has(caseId: string): boolean {
    return this.byId.has(caseId);
  }

  /** Adds a case (or replaces its text fields when added again, e.g. after triage set the topic). */
  add(doc: RepeatDoc): void {
    const existing = this.byId.get(doc.caseId);
    if (existing !== undefined) {
      const old = this.docs[existing]!;
      this.docs[existing] = { ...old, doc: { ...old.doc, topic: doc.topic, location: doc.location } };
      return;
    }
    const idx = this.docs.length;
    const grams = this.gramsOf(doc.text, true);
    const authorKey = authorKeyOf(doc.author);
    this.docs.push({ doc, grams, authorKey });
    this.byId.set(doc.caseId, idx);
    for (const g of grams) this.postings[g]!.push(idx);
    const list = this.byAuthor.get(authorKey) ?? [];
    list.push(idx);
    this.byAuthor.set(authorKey, list);
  }

  private gramsOf(text: string, create: boolean): Uint32Array {
    const ids: number[] = [];
    for (const g of trigramsOf(text)) {
      let id = this.gramIds.get(g);
      if (id === undefined) {
        if (!create) continue;
        id = this.postings.length;
        this.gramIds.set(g, id);
        this.postings.push([]);
      }
      ids.push(id);
    }
    return Uint32Array.from(ids).sort();
  }

  /** Earlier cases that may be the same issue: same author (any text), or similar text on the same topic or
   *  location (any topic when the query has neither yet, as at registration). */
  candidates(query: RepeatDoc, options: RepeatQueryOptions = {}): RepeatCandidate[] {
    const minSimilarity = options.minSimilarity ?? 0.35;
    const limit = options.limit ?? 10;
    const self = this.byId.get(query.caseId);
    const grams = self === undefined ? this.gramsOf(query.text, false) : this.docs[self]!.grams;
    if (this.counts.length < this.docs.length) this.counts = new Int32Array(Math.max(1024, this.docs.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    const seeds = [...grams]
      .sort((a, b) => this.postings[a]!.length - this.postings[b]!.length)
      .slice(0, SEED_TRIGRAMS);
    for (const g of seeds) {
      for (const idx of this.postings[g]!) {
        if (counts[idx] === 0) touched.push(idx);
        counts[idx]! += 1;
      }
    }
    // A similar text shares a good part of even the rarest trigrams; docs touched by one or two are noise.
    const least = Math.max(1, Math.ceil(seeds.length * 0.25));
    const ranked = touched
      .filter((idx) => counts[idx]! >= least && idx !== self && this.docs[idx]!.doc.at < query.at)
      .sort((a, b) => counts[b]! - counts[a]!)
      .slice(0, RANKED);
    for (const idx of touched) counts[idx] = 0;

    const out = new Map<string, RepeatCandidate>();
    const authorKey = authorKeyOf(query.author);
    const describe = (s: Stored, similarity: number): RepeatCandidate => ({
      caseId: s.doc.caseId,
      similarity: Math.round(similarity * 1000) / 1000,
      sameAuthor: s.authorKey === authorKey,
      sameTopic: query.topic !== null && s.doc.topic === query.topic,
      sameLocation: query.location !== null && s.doc.location === query.location,
    });
    const constrained = query.topic !== null || query.location !== null;
    for (const idx of ranked) {
      const s = this.docs[idx]!;
      const similarity = jaccardSorted(grams, s.grams);
      if (similarity < minSimilarity) continue;
      const c = describe(s, similarity);
      if (c.sameAuthor || !constrained || c.sameTopic || c.sameLocation) out.set(c.caseId, c);
    }
    for (const idx of this.byAuthor.get(authorKey) ?? []) {
      const s = this.docs[idx]!;
      if (idx === self || s.doc.at >= query.at || out.has(s.doc.caseId)) continue;
      out.set(s.doc.caseId, describe(s, jaccardSorted(grams, s.grams)));
    }
    const extraAt = new Map<string, number>();
    for (const doc of options.extra ?? []) {
      if (this.byId.has(doc.caseId) || doc.caseId === query.caseId || doc.at >= query.at || out.has(doc.caseId))
        continue;
      const similarity = jaccardOfTexts(query.text, doc.text);
      const c = describe({ doc, grams: new Uint32Array(0), authorKey: authorKeyOf(doc.author) }, similarity);
      if (c.sameAuthor || (similarity >= minSimilarity && (!constrained || c.sameTopic || c.sameLocation))) {
        out.set(c.caseId, c);
        extraAt.set(c.caseId, doc.at);
      }
    }
    // The same author on a similar text first, then text similarity; a tie goes to the more recent case.
    const score = (c: RepeatCandidate) =>
      c.similarity + (c.sameAuthor ? 0.5 : 0) + (c.sameTopic || c.sameLocation ? 0.05 : 0);
    const atOf = (id: string) => extraAt.get(id) ?? this.docs[this.byId.get(id)!]!.doc.at;
    return [...out.values()].sort((a, b) => score(b) - score(a) || atOf(b.caseId) - atOf(a.caseId)).slice(0, limit);
  }
}
