// "The monthly summary of every demo organisation is checked against its replayed cases" (issue 10): each demo case's
// history is turned back into the commands that made it and played again from scratch through the regulation sandbox
// (the domain's decider with its own scheduler, as `otklik replay` does); the breaches it finds, whom it charges them to
// and every holder's share of the time must be what the monthly summary reports — and the same breaches the stored
// history holds.
import {
  type CaseEvent,
  CURATORS_KEY,
  createCalendar,
  replay as fold,
  getPreset,
  holderKey,
  Sandbox,
} from '@otklik/domain';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, departments, organisations, people, topics } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import { buildMonthlyReport } from '../reports/monthly';
import { createTestDatabase } from '../test/databases';
import { seedDemoIfEmpty } from './seed';

// Tuesday 24 Nov 2026 11:30 MSK: the demo's cases all lie in November.
const NOW = Date.UTC(2026, 10, 24, 8, 30);

type Line = Record<string, unknown>;

/** The scenario line of a stored event (null: the event changes no clock, or the sandbox records it itself). */
function lineOf(e: CaseEvent, by: string, fmt: (at: number) => string): Line | null {
  const at = fmt(e.at);
  switch (e.type) {
    case 'case-registered':
      return {
        at,
        by,
        do: 'register',
        visibility: e.visibility,
        ...(e.postedAt !== undefined ? { postedAt: fmt(e.postedAt) } : {}),
      };
    case 'case-triaged':
      return {
        at,
        by,
        do: 'triage',
        topic: e.topic,
        place: e.location,
        category: e.category === 'high' ? 'ordinary' : e.category,
        high: e.category === 'high' || (e.high ?? false),
      };
    case 'case-rejected':
      return { at, by, do: 'reject', ground: e.ground };
    case 'case-routed':
      return {
        at,
        by,
        do: e.reroute ? 'reroute' : 'route',
        departments: e.assignments.map((a) => a.departmentId),
        mode: e.mode,
        ...(e.reroute ? { reason: 'по компетенции' } : {}),
      };
    case 'case-moved':
      return {
        at,
        by,
        do: 'move',
        departments: e.assignments.map((a) => a.departmentId),
        mode: e.mode,
        reason: e.reason,
      };
    case 'case-forwarded':
      return { at, by, do: 'forward' };
    case 'case-returned':
      return { at, by, do: 'return', reason: e.reason };
    case 'contribution-submitted':
      return { at, by, do: 'part' };
    case 'draft-submitted':
      return {
        at,
        by,
        do: 'draft',
        kind: e.kind,
        ...(e.evidence ? { evidence: e.evidence.outcome } : {}),
        ...(e.explanationReason ? { reason: e.explanationReason } : {}),
      };
    case 'draft-approved':
      return { at, by, do: 'approve' };
    case 'revision-requested':
      return { at, by, do: 'revise-request', reason: e.reason };
    case 'answer-published':
    case 'intermediate-published':
    case 'explanation-sent':
      return { at, by, do: 'publish' };
    case 'case-recategorised':
      return {
        at,
        by,
        do: 'recategorise',
        category: e.category,
        high: e.high,
        topic: e.topic,
        place: e.location,
        reason: e.reason,
      };
    default:
      return null;
  }
}

describe('the monthly summary of every demo organisation, against its cases replayed through the sandbox', () => {
  let deps: ServerDeps;
  beforeAll(async () => {
    deps = createDeps({ database: await createTestDatabase('pglite'), now: () => NOW });
    expect(await seedDemoIfEmpty(deps)).toBe(true);
    return () => deps.database.close();
  });

  it.each(['konyshevka', 'krasnoufimsk', 'nao', 'idrinsky', 'slavgorod'])('%s', async (slug) => {
    const [org] = await deps.db.select().from(organisations).where(eq(organisations.slug, slug));
    const profile = getPreset(org!.profileId)!;
    const calendar = createCalendar({ timeZone: org!.timeZone });
    const depts = await deps.db.select().from(departments).where(eq(departments.organisationId, org!.id));
    const staff = await deps.db.select().from(people).where(eq(people.organisationId, org!.id));
    const directory = await deps.db.select().from(topics).where(eq(topics.organisationId, org!.id));
    const rows = await deps.db
      .select({ caseId: caseEvents.caseId, payload: caseEvents.payload })
      .from(caseEvents)
      .where(eq(caseEvents.organisationId, org!.id))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.version));
    const histories = new Map<string, CaseEvent[]>();
    for (const r of rows) histories.set(r.caseId, [...(histories.get(r.caseId) ?? []), r.payload]);

    /** Who did it, as the sandbox names parties: a department, the curator, or the operator. */
    const partyOf = (e: CaseEvent): string => {
      const person = staff.find((p) => p.id === e.by);
      if (!person) return 'operator'; // the monitoring system registers through the intake
      if (person.roles.includes('executor') && person.departmentId) return person.departmentId;
      const operatorWork = e.type === 'case-registered' || e.type === 'case-triaged' || e.type === 'case-rejected';
      if (operatorWork && person.roles.includes('operator')) return 'operator';
      return 'curator';
    };

    const breachesByHolder = new Map<string, number>();
    let breachedClocks = 0;
    const heldBy = new Map<string, number>();
    for (const events of histories.values()) {
      const sandbox = new Sandbox(profile, calendar, {
        departments: depts.map((d) => d.id),
        topics: directory.map((t) => ({ name: t.name, listed: t.listed })),
      });
      for (const e of events) {
        const line = lineOf(e, partyOf(e), calendar.formatInstant);
        if (line) expect(sandbox.apply(line), `${e.type} ${JSON.stringify(line)}`).toBeNull();
      }
      expect(sandbox.apply({ at: calendar.formatInstant(NOW), by: 'curator', do: 'close' })).toBeNull();
      const report = sandbox.report();
      // The sandbox, deciding everything again, finds exactly the breaches the stored history recorded.
      const stored = fold(events)
        .clocks.filter((c) => c.breachAt !== null)
        .flatMap((c) => (c.breachHolders ?? []).map((h) => `${c.step}@${c.breachAt}:${holderKey(h)}`))
        .sort();
      const found = report.breaches.map((b) => `${b.breach}@${Date.parse(b.at)}:${b.holder}`).sort();
      expect(found).toEqual(stored);
      breachedClocks += new Set(report.breaches.map((b) => `${b.breach}@${b.at}`)).size;
      for (const b of report.breaches) {
        const key = b.holder === 'operator' || b.holder === 'curator' ? CURATORS_KEY : b.holder;
        breachesByHolder.set(key, (breachesByHolder.get(key) ?? 0) + 1);
      }
      for (const [holder, minutes] of Object.entries(report.holders)) {
        const key = holder === 'operator' || holder === 'curator' ? CURATORS_KEY : holder;
        heldBy.set(key, (heldBy.get(key) ?? 0) + minutes);
      }
    }

    // Every demo organisation has breached cases: the comparison is not between two empty sets.
    expect(breachedClocks).toBeGreaterThan(0);
    const { summary } = await buildMonthlyReport({ db: deps.db, organisationId: org!.id, month: '2026-11', now: NOW });
    expect(summary.totals.overdue).toBe(breachedClocks);
    for (const row of summary.departments) {
      expect(row.overdue, `overdue of ${row.key}`).toBe(breachesByHolder.get(row.key) ?? 0);
      // Whole minutes per holder in the summary; the sandbox keeps fractions of the seconds the demo's times carry.
      expect(Math.abs(row.heldMinutes - (heldBy.get(row.key) ?? 0)), `time of ${row.key}`).toBeLessThanOrEqual(1);
    }
    for (const key of breachesByHolder.keys()) {
      expect(
        summary.departments.map((r) => r.key),
        key,
      ).toContain(key);
    }
  });
});
