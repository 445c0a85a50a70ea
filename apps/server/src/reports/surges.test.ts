// Surge detection reads only what can surge (the window, then the history of the values with enough messages in it
// or with an open surge) and decides exactly as it did on every message of the last weeks: the same surges open,
// grow and resolve, at many instants over five weeks of random messages with bursts.
import {
  type ActiveSurge,
  DEFAULT_SURGE_THRESHOLDS,
  detectSurges,
  initialState,
  type SurgeDecision,
  type SurgeThresholds,
} from '@otklik/domain';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cases, organisations } from '../db/schema';
import { surges } from '../db/schema-reports';
import { createOrganisation } from '../directory/organisations';
import { describeEachDatabase } from '../test/databases';
import { seededRandom } from '../test/seeded-random';
import { countStatements } from '../test/statement-counter';
import { messagesToCheck, readSurgeRun } from './surges';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 9, 0);
const TOPICS = ['Дороги', 'Вода', 'Свет', 'Мусор', 'Транспорт'];
const PLACES = ['центр', 'ул. Мира', 'пос. Южный', 'село Сосновка'];

/** The decision on every message since the baseline began, as detection read them before it used indexes. */
function fullDecision(
  all: { caseId: string; at: number; topic: string | null; location: string | null }[],
  active: ActiveSurge[],
  thresholds: SurgeThresholds,
  now: number,
): SurgeDecision {
  const since = now - thresholds.baselineWeeks * 7 * DAY - thresholds.windowMinutes * 60_000;
  const messages = all.filter((m) => m.at >= since && (m.topic !== null || m.location !== null));
  return detectSurges({ messages, active, thresholds, now });
}

/** Order-free form of a decision (the database returns rows in no particular order). */
function normalise(d: SurgeDecision) {
  return {
    opened: d.opened
      .map((o) => ({ ...o, caseIds: [...o.caseIds].sort() }))
      .sort((a, b) => `${a.dimension}${a.value}`.localeCompare(`${b.dimension}${b.value}`)),
    grown: d.grown
      .map((g) => ({ ...g, addedCaseIds: [...g.addedCaseIds].sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    resolved: [...d.resolved].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describeEachDatabase('surge detection reads through indexes', (getDb) => {
  let organisationId = '';
  const all: { caseId: string; at: number; topic: string | null; location: string | null }[] = [];

  beforeAll(async () => {
    const db = getDb().db;
    const org = await createOrganisation(db, {
      slug: `surge-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Проверка всплесков',
      timeZone: 'Europe/Moscow',
      profileId: 'konyshevsky-2020',
    });
    organisationId = org.id;
    const rand = seededRandom(7);
    const rows: (typeof cases.$inferInsert)[] = [];
    const add = (at: number, topic: string | null, location: string | null) => {
      const id = crypto.randomUUID();
      all.push({ caseId: id, at, topic, location });
      rows.push({
        id,
        organisationId,
        version: 1,
        status: 'registered',
        network: 'vk',
        text: 'сообщение',
        detectedAt: new Date(at),
        topic,
        location,
        state: initialState,
      });
    };
    // Five weeks of ordinary traffic (some untriaged: no topic, no location) …
    for (let i = 0; i < 500; i++) {
      const triaged = rand() < 0.8;
      add(
        NOW - 35 * DAY + Math.floor(rand() * 35 * DAY),
        triaged ? (TOPICS[Math.floor(rand() * TOPICS.length)] ?? null) : null,
        triaged ? (PLACES[Math.floor(rand() * PLACES.length)] ?? null) : null,
      );
    }
    // … and bursts on one topic and one place in the last day, some in the future of the earlier instants checked.
    for (let i = 0; i < 40; i++) add(NOW - DAY + Math.floor(rand() * DAY), 'Вода', PLACES[i % 4] ?? null);
    for (let i = 0; i < 25; i++) add(NOW - 6 * 3_600_000 + Math.floor(rand() * 6 * 3_600_000), 'Свет', 'ул. Мира');
    await db.insert(cases).values(rows);
  });

  it('stores what the full scan would read', async () => {
    const since = NOW - 35 * DAY;
    const stored = await getDb()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(gte(cases.detectedAt, new Date(since)), or(sql`topic is not null`, sql`location is not null`)));
    expect(stored[0]?.n).toBe(all.filter((m) => m.topic !== null || m.location !== null).length);
  });

  it.each([
    ['the defaults', DEFAULT_SURGE_THRESHOLDS],
    ['a low bar', { ...DEFAULT_SURGE_THRESHOLDS, minCount: 2, windowMinutes: 60, baselineFactor: 1.5 }],
    ['one week, topics only', { ...DEFAULT_SURGE_THRESHOLDS, baselineWeeks: 1, dimensions: ['topic' as const] }],
  ])('decides as the full scan did, with %s, at 60 instants and with open surges', async (_, thresholds) => {
    const rand = seededRandom(11);
    let surgesSeen = 0;
    for (let k = 0; k < 60; k++) {
      const now = NOW - 2 * DAY + Math.floor(rand() * 2 * DAY);
      // Open surges: a busy value, a quiet one and one with no message at all.
      const open: ActiveSurge[] = [
        { id: 'a1', dimension: 'topic', value: 'Вода', caseIds: all.slice(0, 3).map((m) => m.caseId) },
        { id: 'a2', dimension: 'location', value: 'село Сосновка', caseIds: [] },
        { id: 'a3', dimension: 'topic', value: 'Нет такой темы', caseIds: [] },
      ];
      const active = open.slice(0, k % 4);
      const full = fullDecision(all, active, thresholds, now);
      const indexed = detectSurges({
        messages: (await messagesToCheck(getDb().db, organisationId, now, thresholds, active)).map((r) => ({
          caseId: r.caseId,
          at: r.at.getTime(),
          topic: r.topic,
          location: r.location,
        })),
        active,
        thresholds,
        now,
      });
      expect(normalise(indexed)).toEqual(normalise(full));
      surgesSeen += full.opened.length + full.grown.length + full.resolved.length;
    }
    // The instants are not all quiet: the comparison covered surges opening, growing and resolving.
    expect(surgesSeen).toBeGreaterThan(10);
  });

  it("reads a run's thresholds, open surges and window in one statement, and the window again when it grew", async () => {
    const db = getDb().db;
    const rand = seededRandom(5);
    let windowReads = 0;
    let surgesSeen = 0;
    let read = DEFAULT_SURGE_THRESHOLDS.windowMinutes;
    // An open surge, stored as a run stores it: it comes back with the thresholds.
    const caseIds = all.slice(0, 2).map((m) => m.caseId);
    const at = new Date(NOW - 3 * DAY);
    const [stored] = await db
      .insert(surges)
      .values({
        organisationId,
        dimension: 'topic',
        value: 'Вода',
        startedAt: at,
        lastSeenAt: at,
        caseIds,
        peakCount: 5,
        threshold: 5,
      })
      .returning({ id: surges.id });
    const active: ActiveSurge[] = [{ id: stored!.id, dimension: 'topic', value: 'Вода', caseIds }];
    // The administrator changes the window between runs: shorter than the one read with the thresholds, then longer.
    for (const windowMinutes of [120, 60, 600, 600, 90]) {
      const thresholds = { ...DEFAULT_SURGE_THRESHOLDS, windowMinutes, minCount: 3 };
      await db.update(organisations).set({ surgeThresholds: thresholds }).where(eq(organisations.id, organisationId));
      for (let k = 0; k < 12; k++) {
        const now = NOW - 2 * DAY + Math.floor(rand() * 2 * DAY);
        const { result, recording } = await countStatements(() => readSurgeRun(db, organisationId, now));
        expect(result.thresholds).toEqual(thresholds);
        expect(result.active).toEqual(active);
        const decision = detectSurges({
          messages: result.rows.map((r) => ({ ...r, at: r.at.getTime() })),
          active: result.active,
          thresholds: result.thresholds,
          now,
        });
        const full = fullDecision(all, active, thresholds, now);
        expect(normalise(decision)).toEqual(normalise(full));
        surgesSeen += full.opened.length + full.grown.length + full.resolved.length;
        // One statement, one more for the history of the values that may surge (the open surge's value is one), and
        // one more for the window when the thresholds say a longer one than the run read with them (60 → 600).
        const grew = recording.statements.length - 2;
        windowReads += grew;
        expect(grew).toBe(windowMinutes > read ? 1 : 0);
        read = windowMinutes;
      }
    }
    expect(windowReads).toBe(1);
    expect(surgesSeen).toBeGreaterThan(5);
  });
});
