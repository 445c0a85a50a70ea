// The head's list of socially significant cases: the open ones from the live cases store (a change moves them at
// once, without a request), with the ones closed today from the head overview the page reads every minute.
import type { BoardCase } from '../../api/types';

export interface SignificantCase {
  readonly id: string;
  readonly number: number;
  readonly topic: string | null;
  readonly location: string | null;
  readonly excerpt: string;
  readonly isOpen: boolean;
  readonly dueAt: number | null;
  readonly detectedAt: number;
}

/** The server's list (`reports.headOverview`) shows at most this many, newest first. */
const LIMIT = 50;

/**
 * Open significant cases come from `rows` (the store: every open case the head may see). A case of the overview that
 * is not among them any more was closed since (or left the head's view): it stays listed, as closed, when it was
 * detected today, as the overview would list it. Without rows yet, the overview alone.
 */
export function significantCases(
  overview: readonly SignificantCase[],
  rows: ReadonlyMap<string, BoardCase> | null,
  dayStart: number,
): SignificantCase[] {
  if (!rows) return [...overview];
  const open: SignificantCase[] = [];
  for (const r of rows.values()) {
    if (!r.isOpen || !r.sociallySignificant) continue;
    open.push({
      id: r.id,
      number: r.number,
      topic: r.topic,
      location: r.location,
      excerpt: r.excerpt,
      isOpen: true,
      dueAt: r.dueAt ?? null,
      detectedAt: r.detectedAt,
    });
  }
  const closed = overview
    .filter((c) => !rows.has(c.id) && c.detectedAt >= dayStart)
    .map((c) => ({ ...c, isOpen: false }));
  return [...open, ...closed].sort((a, b) => b.detectedAt - a.detectedAt).slice(0, LIMIT);
}
