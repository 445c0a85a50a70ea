// Surge detection (konyshevsky p.24, krasnoufimsk p.25, NAO p.29: the head learns at once of a surge of activity):
// many messages on one topic or one location within a sliding window. Pure: the server passes the recent messages,
// the surges already open and the instant; the result says which surges open, grow or end.
import { z } from 'zod';
import type { Instant } from '../calendar/types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The administrator's thresholds (organisations.surge_thresholds); every field has the default. */
export const zSurgeThresholds = z.object({
  /** The sliding window. */
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** At least this many messages in the window… */
  minCount: z.number().int().min(2).max(10_000).default(5),
  /** …and at least this many times the usual count of the same window at the same hour over the last weeks. */
  baselineFactor: z.number().min(1).max(100).default(3),
  baselineWeeks: z.number().int().min(1).max(12).default(4),
  dimensions: z
    .array(z.enum(['topic', 'location']))
    .min(1)
    .default(['topic', 'location']),
});
export type SurgeThresholds = z.infer<typeof zSurgeThresholds>;
export const DEFAULT_SURGE_THRESHOLDS: SurgeThresholds = zSurgeThresholds.parse({});

/** Reads stored thresholds; a missing or malformed value falls back to the defaults field by field. */
export function surgeThresholdsOf(stored: unknown): SurgeThresholds {
  const parsed = zSurgeThresholds.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_SURGE_THRESHOLDS;
}

export type SurgeDimension = 'topic' | 'location';

export interface SurgeMessage {
  readonly caseId: string;
  /** Detection instant. */
  readonly at: Instant;
  readonly topic: string | null;
  readonly location: string | null;
}

export interface ActiveSurge {
  readonly id: string;
  readonly dimension: SurgeDimension;
  readonly value: string;
  readonly caseIds: readonly string[];
}

export interface SurgeDecision {
  /** New surges: alert the head and the curator once for each. */
  readonly opened: readonly {
    readonly dimension: SurgeDimension;
    readonly value: string;
    readonly caseIds: readonly string[];
    readonly count: number;
    readonly threshold: number;
    readonly baseline: number;
  }[];
  /** Open surges that took in more messages (no new alert). */
  readonly grown: readonly { readonly id: string; readonly addedCaseIds: readonly string[]; readonly count: number }[];
  /** Open surges whose rate fell below the threshold: resolved automatically. */
  readonly resolved: readonly { readonly id: string; readonly count: number }[];
}

function countIn(sorted: readonly Instant[], from: Instant, to: Instant): number {
  // Messages with from < at ≤ to, by two binary searches.
  const upper = (x: Instant) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return upper(to) - upper(from);
}

/** The usual count of the window ending at the same time of day, averaged over the previous `weeks` × 7 days. */
export function baselineOf(sorted: readonly Instant[], now: Instant, t: SurgeThresholds): number {
  const days = t.baselineWeeks * 7;
  const w = t.windowMinutes * MINUTE;
  let total = 0;
  for (let d = 1; d <= days; d++) total += countIn(sorted, now - d * DAY - w, now - d * DAY);
  return total / days;
}

/** The count a window must reach: the fixed minimum, or the factor over the usual rate when that is higher, so a
 *  topic that always gets many messages does not alert all day long. */
export const thresholdOf = (baseline: number, t: SurgeThresholds) =>
  Math.max(t.minCount, Math.ceil(t.baselineFactor * baseline - 1e-9));

/** Decides at `now` from the messages of the last `baselineWeeks` weeks (and the window) and the surges open. */
export function detectSurges(input: {
  readonly messages: readonly SurgeMessage[];
  readonly active: readonly ActiveSurge[];
  readonly thresholds: SurgeThresholds;
  readonly now: Instant;
}): SurgeDecision {
  const { thresholds: t, now } = input;
  const windowStart = now - t.windowMinutes * MINUTE;
  const opened: SurgeDecision['opened'][number][] = [];
  const grown: SurgeDecision['grown'][number][] = [];
  const resolved: SurgeDecision['resolved'][number][] = [];
  for (const dimension of t.dimensions) {
    const byValue = new Map<string, { times: Instant[]; inWindow: string[] }>();
    for (const m of input.messages) {
      const value = m[dimension];
      if (!value || m.at > now) continue;
      const entry = byValue.get(value) ?? { times: [], inWindow: [] };
      entry.times.push(m.at);
      if (m.at > windowStart) entry.inWindow.push(m.caseId);
      byValue.set(value, entry);
    }
    const activeHere = new Map(input.active.filter((a) => a.dimension === dimension).map((a) => [a.value, a]));
    for (const [value, entry] of byValue) {
      entry.times.sort((a, b) => a - b);
      const count = entry.inWindow.length;
      if (count < t.minCount && !activeHere.has(value)) continue;
      const baseline = baselineOf(entry.times, now, t);
      const threshold = thresholdOf(baseline, t);
      const surge = activeHere.get(value);
      if (!surge) {
        if (count >= threshold) opened.push({ dimension, value, caseIds: entry.inWindow, count, threshold, baseline });
        continue;
      }
      activeHere.delete(value);
      if (count < threshold) {
        resolved.push({ id: surge.id, count });
        continue;
      }
      const known = new Set(surge.caseIds);
      const added = entry.inWindow.filter((id) => !known.has(id));
      if (added.length > 0) grown.push({ id: surge.id, addedCaseIds: added, count });
    }
    // An open surge with no message left in the window has fallen to zero.
    for (const surge of activeHere.values()) resolved.push({ id: surge.id, count: 0 });
  }
  return { opened, grown, resolved };
}
