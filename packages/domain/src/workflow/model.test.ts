// Model-based property tests: random command sequences by random actors on every preset, checked against the
// invariants of the workflow and the SLA clocks; and random well-typed events folded in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../calendar/types';
import { PRESET_IDS } from '../profiles/presets';
import { clockOf, computeClocks } from '../sla/clocks';
import { preset } from '../sla/test-helpers';
import { allowedCommands } from './allowed';
import { decide } from './decide';
import type { CaseEvent } from './events';
import { evolve, replay } from './evolve';
import { isRefusalKey, refusalIn } from './refusals';
import { initialState, isOpen } from './state';
import type { Cmd } from './test-harness';
import { A } from './test-harness';
import type { CaseState, DomainContext } from './types';

// The domain has no Node types (it is pure); the test runner's environment is read through globalThis.
const FC_SEED = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FC_SEED;

const ACTORS = Object.values(A);
const MIN = 60_000;
const DEPTS = ['a', 'b', 'c'] as const;
const photo = { kind: 'photo', url: 'https://files/1.jpg' } as const;

/** Commands worth trying in this state: every transition with plausible payloads (decide sorts out the rest). */
function candidates(s: CaseState, now: Instant, shortenBy: number): Cmd[] {
  const assignments = (ds: readonly string[]) =>
    ds.map((x) => ({ departmentId: `dept-${x}`, executorId: `exec-${x}` }));
  const routes: Cmd[] = [
    { type: 'route', mode: 'single', assignments: assignments(['a']) },
    { type: 'route', mode: 'sequential', assignments: assignments(DEPTS) },
    { type: 'route', mode: 'parallel', assignments: assignments(['a', 'b']) },
  ];
  const where = [
    { kind: 'same-thread' },
    { kind: 'own-account', url: 'https://vk.com/adm', authorLink: 'https://vk.com/id1' },
  ];
  return [
    {
      type: 'register',
      caseId: 'case-1',
      network: 'vk',
      link: 'l',
      author: { name: 'И' },
      text: 'т',
      visibility: 'public',
    },
    { type: 'triage', topic: 'дороги', location: 'центр', category: 'ordinary', processable: true },
    { type: 'triage', topic: 'дороги', location: 'центр', category: 'fast-track', processable: true },
    { type: 'triage', topic: 'дороги', location: 'центр', category: 'high', processable: true },
    { type: 'triage', processable: false, ground: 'obscene' },
    ...routes,
    ...routes.map((r) => ({ ...r, type: 'reroute' as const })),
    ...routes.map((r) => ({ ...r, type: 'move' as const, reason: 'не их вопрос' })),
    { type: 'move', assignments: assignments(['b']), reason: 'не их вопрос' },
    { type: 'forward' },
    { type: 'recategorise', high: true, reason: 'резонанс' },
    { type: 'recategorise', category: 'fast-track', reason: 'решаемый вопрос' },
    { type: 'recategorise', category: 'ordinary', high: false, topic: 'ЖКХ', reason: 'уточнение' },
    ...DEPTS.map((x) => ({ type: 'return' as const, departmentId: `dept-${x}`, reason: 'не наше' })),
    ...DEPTS.map((x) => ({ type: 'submit-contribution' as const, departmentId: `dept-${x}`, text: 'часть' })),
    ...(['answer', 'intermediate', 'clarification'] as const).flatMap((kind) => [
      { type: 'submit-draft' as const, kind, text: 'проект', evidence: { outcome: 'solved', attachments: [photo] } },
      {
        type: 'compose-answer' as const,
        kind,
        text: 'общий',
        evidence: { outcome: 'not-confirmed', attachments: [photo] },
      },
      { type: 'submit-draft' as const, kind, text: 'проект без доказательств' },
    ]),
    { type: 'approve' },
    { type: 'request-revision', reason: 'доработать' },
    ...where.map((w) => ({ type: 'publish' as const, where: w })),
    ...where.map((w) => ({ type: 'publish-intermediate' as const, where: w })),
    { type: 'reject', ground: 'threats' },
    { type: 'send-explanation', reason: 'outside-competence', text: 'разъяснение' },
    { type: 'link-published', url: 'https://adm.ru/a' },
    { type: 'convert-to-appeal', consent: true, fullName: 'И', address: 'а', phone: 'т', registrationNumber: 'н' },
    { type: 'link-repeat', earlierCaseIds: ['case-0'] },
    { type: 'flag-socially-significant' },
    ...s.clocks
      .filter((c) => c.closedAt === null)
      .flatMap((c): Cmd[] => [
        { type: 'shorten-deadline', step: c.step, dueAt: now + shortenBy * MIN },
        { type: 'record-clock-at-risk', clockId: c.id },
        { type: 'record-clock-breached', clockId: c.id },
      ]),
    // Channels: a publication through an account, its failure, edits and deletions of the original.
    { type: 'request-publication', requestId: `r${s.version}` },
    ...(s.pendingPublication
      ? [
          {
            type: 'record-publication-failure' as const,
            requestId: s.pendingPublication.requestId,
            error: { code: 'network', message: 'сеть недоступна' },
            retrying: true,
          },
        ]
      : []),
    { type: 'record-message-edit', text: `правка ${s.version}` },
    { type: 'record-message-deletion' },
    ...DEPTS.map((x) => ({
      type: 'reassign-substitute' as const,
      departmentId: `dept-${x}`,
      substituteId: 'sub-a',
      reason: 'illness',
    })),
  ];
}

function checkInvariants(s: CaseState, events: readonly CaseEvent[], ctx: DomainContext, now: Instant): void {
  const { active } = computeClocks(s, ctx.profile, ctx.calendar, now);
  const custody = s.custody[s.custody.length - 1];
  if (isOpen(s)) {
    // At most one case-wide clock (none where the profile sets no case-wide limit: slavgorod, krasnoufimsk), and
    // somebody always holds an open case.
    expect(active.filter((c) => c.kind === 'overall').length).toBeLessThanOrEqual(1);
    expect(custody?.holders.length ?? 0).toBeGreaterThanOrEqual(1);
    for (const c of active) expect(c.holders.length).toBeGreaterThanOrEqual(1);
  } else {
    expect(active).toEqual([]);
    expect(custody?.holders).toEqual([]);
  }
  // Custody is in time order; every recorded breach is charged to somebody.
  for (let i = 1; i < s.custody.length; i++) {
    expect(s.custody[i]!.from).toBeGreaterThanOrEqual(s.custody[i - 1]!.from);
  }
  for (const r of s.clocks) {
    if (r.breachedAt !== null) expect(r.breachHolders?.length ?? 0).toBeGreaterThanOrEqual(1);
  }
  expect(replay(events)).toEqual(s);
  // No deadline later than the profile allows: compare with the same clock without any curator shortening.
  const unshortened = { ...s, shortenedDeadlines: {} };
  for (const c of active) {
    const record = s.clocks.find((r) => r.id === c.id);
    expect(record).toBeDefined();
    const limit = record && clockOf(unshortened, record, ctx.profile, ctx.calendar, now);
    expect(limit).toBeDefined();
    expect(c.dueAt).toBeLessThanOrEqual(limit?.dueAt ?? Number.NEGATIVE_INFINITY);
    expect(c.startedAt).toBeLessThanOrEqual(now);
  }
}

const RARE = new Set([
  'reject',
  'send-explanation',
  'link-published',
  'convert-to-appeal',
  'link-repeat',
  'flag-socially-significant',
  'reassign-substitute',
  'shorten-deadline',
  'record-clock-at-risk',
  'return',
  // Channel records follow network reports; always allowed, so taken rarely to let cases travel the long way.
  'record-message-edit',
  'record-message-deletion',
  'record-publication-failure',
  'move',
  'recategorise',
]);

const step = fc.record({
  actor: fc.nat(),
  pick: fc.nat(),
  preferAllowed: fc.nat(9).map((n) => n > 1),
  rare: fc.nat(24).map((n) => n === 0),
  advance: fc.integer({ min: 0, max: 8 * 60 }),
  shortenBy: fc.integer({ min: -30, max: 3 * 24 * 60 }),
});
// 2026-01-12 … 2026-12-20: a year of holidays, shortened days and weekends, any minute of the day.
const start = fc.integer({ min: Date.UTC(2026, 0, 12) / MIN, max: Date.UTC(2026, 11, 20) / MIN }).map((m) => m * MIN);

describe('random command sequences (model-based)', () => {
  it('keep every invariant on every preset', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        start,
        fc.array(step, { minLength: 1, maxLength: 80 }),
        (id, t0, steps) => {
          const ctx = preset(id);
          let s = initialState;
          const events: CaseEvent[] = [];
          let now = t0;
          for (const st of steps) {
            now += st.advance * MIN;
            // Mostly a (actor, command) pair the UI would offer; sometimes anything, to probe the refusals.
            // Endings and side actions are always offered; take them rarely so cases also travel the long way.
            const rare = (type: string) => RARE.has(type) && !st.rare;
            const offered = ACTORS.flatMap((a) =>
              allowedCommands(s, a, ctx)
                .filter((type) => !rare(type))
                .map((type) => [a, type] as const),
            );
            const pair = st.preferAllowed && offered.length > 0 ? offered[st.actor % offered.length] : undefined;
            const actor = pair?.[0] ?? ACTORS[st.actor % ACTORS.length]!;
            const all = candidates(s, now, st.shortenBy);
            const allowed = new Set<string>(allowedCommands(s, actor, ctx));
            const preferred = pair ? all.filter((c) => c.type === pair[1] && (st.rare || c.processable !== false)) : [];
            const pool = preferred.length > 0 ? preferred : all;
            const command = pool[st.pick % pool.length]!;
            const r = decide(s, command, actor, now, ctx);
            if (!r.ok) {
              expect(typeof r.error.code).toBe('string');
              // Every refusal is a key of the catalogue, and its message is the catalogue's wording of it.
              expect(isRefusalKey(r.error.key)).toBe(true);
              expect(r.error.message.length).toBeGreaterThan(0);
              expect(r.error.message.startsWith(refusalIn(r.error, 'ru'))).toBe(true);
              continue;
            }
            // An allowed command never fails on role or state grounds.
            expect(allowed.has(command.type)).toBe(true);
            for (const e of r.events) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
            for (const e of r.events) {
              s = evolve(s, e);
              events.push(e);
            }
            checkInvariants(s, events, ctx, now);
          }
        },
      ),
      // A fixed seed (FC_SEED overrides it): the reach check below must not depend on the luck of one run.
      { numRuns: 400, seed: Number(FC_SEED ?? 20261203) },
    );
    // The generator must reach the far ends of the workflow, or the invariants were checked on short paths only.
    for (const type of [
      'contribution-submitted',
      'case-forwarded',
      'revision-requested',
      'answer-published',
      'intermediate-published',
      'clock-breached',
    ]) {
      expect(seen.get(type) ?? 0, type).toBeGreaterThan(0);
    }
  }, 120_000);
});

const instant = fc.integer({ min: Date.UTC(2026, 0, 12), max: Date.UTC(2026, 11, 20) });
const dept = fc.constantFrom('dept-a', 'dept-b', 'dept-x');
/** A return's fields, on time; the late one adds when it was due. */
const returned = {
  type: fc.constant('case-returned' as const),
  at: instant,
  by: fc.constant('exec-a'),
  departmentId: dept,
  reason: fc.string(),
};
const anyEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.record({
    type: fc.constant('case-registered' as const),
    at: instant,
    by: fc.constant('op'),
    caseId: fc.constant('c'),
    profileId: fc.constant('p'),
    network: fc.constant('vk' as const),
    link: fc.constant('l'),
    author: fc.constant({ name: 'И' }),
    text: fc.string(),
    attachments: fc.constant([]),
    visibility: fc.constantFrom('public' as const, 'private' as const),
    overallStep: fc.constantFrom('answer' as const, 'draft' as const),
    triageEndsAt: fc.constantFrom('triaged' as const, 'routed' as const),
  }),
  fc.record({
    type: fc.constant('case-triaged' as const),
    at: instant,
    by: fc.constant('op'),
    topic: fc.string(),
    location: fc.string(),
    category: fc.constantFrom('ordinary' as const, 'fast-track' as const, 'high' as const),
  }),
  fc.record({ type: fc.constant('case-rejected' as const), at: instant, by: fc.constant('cur'), ground: fc.string() }),
  fc.record({ type: fc.constant('case-forwarded' as const), at: instant, by: fc.constant('cur'), departmentId: dept }),
  fc.record({
    type: fc.constant('case-moved' as const),
    at: instant,
    by: fc.constant('cur'),
    mode: fc.constantFrom('single' as const, 'sequential' as const, 'parallel' as const),
    assignments: fc.array(fc.record({ departmentId: dept, executorId: fc.constantFrom('exec-a', 'exec-b') }), {
      maxLength: 3,
    }),
    reason: fc.string(),
    forwarded: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('case-recategorised' as const),
    at: instant,
    by: fc.constant('cur'),
    topic: fc.string(),
    location: fc.string(),
    category: fc.constantFrom('ordinary' as const, 'fast-track' as const),
    high: fc.boolean(),
    reason: fc.string(),
    changed: fc.constant(['high' as const]),
  }),
  fc.record({
    type: fc.constant('case-routed' as const),
    at: instant,
    by: fc.constant('cur'),
    mode: fc.constantFrom('single' as const, 'sequential' as const, 'parallel' as const),
    assignments: fc.array(fc.record({ departmentId: dept, executorId: fc.constantFrom('exec-a', 'exec-b') }), {
      maxLength: 3,
    }),
    reroute: fc.boolean(),
    forwarded: fc.boolean(),
  }),
  fc.record(returned),
  fc.record({
    type: fc.constant('contribution-submitted' as const),
    at: instant,
    by: fc.constant('exec-a'),
    departmentId: dept,
    text: fc.string(),
    attachments: fc.constant([]),
  }),
  fc.record({
    type: fc.constant('draft-submitted' as const),
    at: instant,
    by: fc.constant('exec-a'),
    kind: fc.constantFrom('answer' as const, 'intermediate' as const, 'clarification' as const),
    text: fc.string(),
    attachments: fc.constant([]),
    composed: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('draft-approved' as const),
    at: instant,
    by: fc.constant('cur'),
    publisher: fc.constantFrom('executor' as const, 'curator' as const),
  }),
  fc.record({
    type: fc.constant('revision-requested' as const),
    at: instant,
    by: fc.constant('cur'),
    reason: fc.string(),
  }),
  fc.record({
    type: fc.constant('answer-published' as const),
    at: instant,
    by: fc.constant('cur'),
    kind: fc.constantFrom('answer' as const, 'clarification' as const),
    where: fc.constant({ kind: 'same-thread' as const }),
  }),
  fc.record({
    type: fc.constant('intermediate-published' as const),
    at: instant,
    by: fc.constant('cur'),
    where: fc.constant({ kind: 'same-thread' as const }),
  }),
  fc.record({
    type: fc.constantFrom('explanation-sent' as const),
    at: instant,
    by: fc.constant('cur'),
    reason: fc.string(),
    text: fc.string(),
  }),
  fc.record({
    type: fc.constant('linked-to-published' as const),
    at: instant,
    by: fc.constant('cur'),
    url: fc.string(),
  }),
  fc.record({
    type: fc.constant('converted-to-appeal' as const),
    at: instant,
    by: fc.constant('cur'),
    fullName: fc.string(),
    address: fc.string(),
    phone: fc.string(),
    registrationNumber: fc.string(),
  }),
  fc.record({
    type: fc.constant('repeat-linked' as const),
    at: instant,
    by: fc.constant('op'),
    earlierCaseIds: fc.array(fc.string(), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('flagged-socially-significant' as const), at: instant, by: fc.constant('head') }),
  fc.record({
    type: fc.constant('deadline-shortened' as const),
    at: instant,
    by: fc.constant('cur'),
    clockId: fc.string(),
    step: fc.constantFrom('answer' as const, 'draft' as const),
    dueAt: instant,
  }),
  fc.record({
    type: fc.constant('executor-reassigned' as const),
    at: instant,
    by: fc.constant('cur'),
    departmentId: dept,
    fromPersonId: fc.constant('exec-a'),
    toPersonId: fc.constant('sub-a'),
    reason: fc.constant('leave'),
  }),
  fc.record({ ...returned, late: fc.record({ dueAt: instant, receivedAt: instant }) }),
  fc.record({
    type: fc.constantFrom('clock-at-risk' as const, 'clock-breached' as const),
    at: instant,
    by: fc.constant('system'),
    clockId: fc.constantFrom('triage@1', 'answer@1', 'x'),
    dueAt: instant,
  }),
);

describe('evolve is total', () => {
  it('folds any sequence of well-typed events, in any order, without throwing; clocks stay computable', () => {
    const ctx = preset('konyshevsky-2020');
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), instant, (events, now) => {
        const s = replay(events);
        expect(s.version).toBe(events.length);
        // Pure: folding again gives an equal state.
        expect(replay(events)).toEqual(s);
        computeClocks(s, ctx.profile, ctx.calendar, now);
      }),
      { numRuns: 300 },
    );
  });
});
