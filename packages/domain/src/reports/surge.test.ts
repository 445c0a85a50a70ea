// Surge detection on synthetic streams: a burst fires once and resolves when it passes; steady rates never fire.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActiveSurge,
  DEFAULT_SURGE_THRESHOLDS,
  detectSurges,
  type SurgeMessage,
  surgeThresholdsOf,
} from './surge';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-10-28T12:00:00Z');

/** Feeds the stream one message at a time, running the detector at each arrival from `from` on (as the server does
 *  on every registration/triage, once four weeks of history exist) and once at `endAt`; keeps the open surges as
 *  the server's table would. */
function run(stream: SurgeMessage[], endAt: number, from = endAt - 3 * HOUR, thresholds = DEFAULT_SURGE_THRESHOLDS) {
  const sorted = [...stream].sort((a, b) => a.at - b.at);
  let active: (ActiveSurge & { resolvedAt?: number })[] = [];
  const alerts: { id: string; value: string; at: number; caseIds: readonly string[] }[] = [];
  const resolutions: { id: string; at: number }[] = [];
  let n = 0;
  const step = (now: number) => {
    const seen = sorted.filter((m) => m.at <= now);
    const d = detectSurges({ messages: seen, active, thresholds, now });
    for (const o of d.opened) {
      const id = `s${++n}`;
      alerts.push({ id, value: o.value, at: now, caseIds: o.caseIds });
      active.push({ id, dimension: o.dimension, value: o.value, caseIds: o.caseIds });
    }
    for (const g of d.grown) {
      active = active.map((a) => (a.id === g.id ? { ...a, caseIds: [...a.caseIds, ...g.addedCaseIds] } : a));
    }
    for (const r of d.resolved) resolutions.push({ id: r.id, at: now });
    active = active.filter((a) => !d.resolved.some((r) => r.id === a.id));
  };
  for (const m of sorted) if (m.at >= from) step(m.at);
  step(endAt);
  return { alerts, resolutions, active };
}

/** One message every `everyMinutes` on a topic, for `days` days up to `until`. */
function steady(topic: string, everyMinutes: number, days: number, until: number, prefix = topic): SurgeMessage[] {
  const out: SurgeMessage[] = [];
  for (let at = until - days * 24 * HOUR, i = 0; at <= until; at += everyMinutes * 60_000, i++) {
    out.push({ caseId: `${prefix}-${i}`, at, topic, location: null });
  }
  return out;
}

describe('surge detection', () => {
  it('a burst of 6 messages within an hour fires exactly once, with every case behind it, and then resolves', () => {
    const burst = Array.from({ length: 6 }, (_, i) => ({
      caseId: `b${i}`,
      at: T0 + i * 10 * 60_000,
      topic: 'вода',
      location: `улица ${i}`,
    }));
    const r = run(burst, T0 + 5 * HOUR, T0);
    // The 5th message (T0 + 40 min) reaches 5 in 2 hours: one alert; the 6th joins the same surge.
    expect(r.alerts).toEqual([
      { id: 's1', value: 'вода', at: T0 + 40 * 60_000, caseIds: ['b0', 'b1', 'b2', 'b3', 'b4'] },
    ]);
    // At T0 + 5 h the window (3 h – 5 h] is empty: resolved automatically.
    expect(r.resolutions).toEqual([{ id: 's1', at: T0 + 5 * HOUR }]);
    expect(r.active).toEqual([]);
  });

  it('the open surge takes in later messages without a new alert', () => {
    const active: ActiveSurge[] = [
      { id: 's1', dimension: 'topic', value: 'вода', caseIds: ['b0', 'b1', 'b2', 'b3', 'b4'] },
    ];
    const messages = Array.from({ length: 6 }, (_, i) => ({
      caseId: `b${i}`,
      at: T0 + i * 60_000,
      topic: 'вода',
      location: null,
    }));
    const d = detectSurges({ messages, active, thresholds: DEFAULT_SURGE_THRESHOLDS, now: T0 + 6 * 60_000 });
    expect(d.opened).toEqual([]);
    expect(d.grown).toEqual([{ id: 's1', addedCaseIds: ['b5'], count: 6 }]);
  });

  it('a steady rate below the minimum never fires (1 message an hour for 4 weeks: 2 in any 2 hours)', () => {
    const r = run(steady('дороги', 60, 28, T0), T0 + HOUR);
    expect(r.alerts).toEqual([]);
  });

  it('a busy topic at its usual rate does not fire (4 an hour: 8 per window, usual 8 → needs 24)', () => {
    const r = run(steady('ЖКХ', 15, 28, T0), T0 + HOUR);
    expect(r.alerts).toEqual([]);
  });

  it('a busy topic fires at three times its usual rate for that hour', () => {
    const usual = steady('ЖКХ', 15, 28, T0 - HOUR);
    // The usual 4 an hour (8 per 2 h window, so the threshold is 3 × 8 = 24) run until T0 - 1 h; then extra
    // message k arrives at T0 - 60 + 2.5k min. At k = 19 (T0 - 12.5 min) the window (T0 - 2 h 12.5, T0 - 12.5]
    // holds 19 extra + 5 usual (T0 - 2 h … T0 - 1 h) = 24 → one alert; at k = 18 it held 18 + 5 = 23.
    const extra = Array.from({ length: 24 }, (_, i) => ({
      caseId: `x${i}`,
      at: T0 - HOUR + (i + 1) * 2.5 * 60_000,
      topic: 'ЖКХ',
      location: null,
    }));
    const r = run([...usual, ...extra], T0 + HOUR);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]!.at).toBe(T0 - 12.5 * 60_000);
    expect(r.alerts[0]!.caseIds).toHaveLength(24);
  });

  it('counts a location too, and keeps the two dimensions apart', () => {
    const messages = Array.from({ length: 5 }, (_, i) => ({
      caseId: `l${i}`,
      at: T0 + i * 60_000,
      topic: `тема ${i}`,
      location: 'Захарково',
    }));
    const d = detectSurges({ messages, active: [], thresholds: DEFAULT_SURGE_THRESHOLDS, now: T0 + 5 * 60_000 });
    expect(d.opened.map((o) => [o.dimension, o.value, o.count])).toEqual([['location', 'Захарково', 5]]);
  });

  it('the administrator’s thresholds apply, and bad stored values fall back to the defaults', () => {
    const t = surgeThresholdsOf({ minCount: 3, windowMinutes: 30 });
    expect(t).toMatchObject({ minCount: 3, windowMinutes: 30, baselineFactor: 3, baselineWeeks: 4 });
    expect(surgeThresholdsOf({ minCount: 'many' })).toEqual(DEFAULT_SURGE_THRESHOLDS);
    const messages = [0, 10, 20].map((m, i) => ({
      caseId: `c${i}`,
      at: T0 + m * 60_000,
      topic: 'свет',
      location: null,
    }));
    expect(detectSurges({ messages, active: [], thresholds: t, now: T0 + 20 * 60_000 }).opened).toHaveLength(1);
    expect(
      detectSurges({ messages, active: [], thresholds: DEFAULT_SURGE_THRESHOLDS, now: T0 + 20 * 60_000 }).opened,
    ).toHaveLength(0);
  });

  it('on random streams: every alert holds ≥ minCount cases of its topic inside the window; a topic alerts again only after its surge resolved', () => {
    const topics = ['вода', 'дороги', 'свет'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ minute: fc.integer({ min: 0, max: 600 }), topic: fc.constantFrom(...topics) }), {
          maxLength: 60,
        }),
        (raw) => {
          const stream = raw.map((m, i) => ({
            caseId: `m${i}`,
            at: T0 + m.minute * 60_000,
            topic: m.topic,
            location: null,
          }));
          const byId = new Map(stream.map((m) => [m.caseId, m]));
          const r = run(stream, T0 + 900 * 60_000, T0);
          for (const a of r.alerts) {
            expect(a.caseIds.length).toBeGreaterThanOrEqual(DEFAULT_SURGE_THRESHOLDS.minCount);
            for (const id of a.caseIds) {
              const m = byId.get(id)!;
              expect(m.topic).toBe(a.value);
              expect(m.at).toBeGreaterThan(a.at - DEFAULT_SURGE_THRESHOLDS.windowMinutes * 60_000);
              expect(m.at).toBeLessThanOrEqual(a.at);
            }
          }
          for (const topic of topics) {
            const mine = r.alerts.filter((a) => a.value === topic);
            for (const [i, a] of mine.entries()) {
              const next = mine[i + 1];
              if (!next) continue;
              const resolved = r.resolutions.find((x) => x.id === a.id);
              expect(resolved).toBeDefined();
              expect(resolved!.at).toBeLessThanOrEqual(next.at);
            }
          }
          // After the stream ends (5 h of silence) nothing stays open.
          expect(r.active).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
