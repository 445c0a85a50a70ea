// How many statements one workflow command costs the database, end to end as over HTTP: the request's context
// (the session cookie → the person), the command, and what runs after its commit (the notification outbox, the
// scheduler's alarm, surge detection for a registration or triage). Each statement is a round trip (PostgreSQL) or a
// trip through the embedded database's only thread (PGlite); issue 15 measured ~22 and two transactions per command.
import { beforeAll, expect, it } from 'vitest';
import { IDENTITY_QUIET_MS } from '../auth/identity-cache';
import { createDelivery, type Delivery } from '../notifications/delivery';
import { caseDetailMessages } from '../realtime/case-detail-push';
import { type ReportsWatcher, startReportsWatcher } from '../reports/watcher';
import { startScheduler } from '../scheduler';
import { routeSingle } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { callerWithCookie, signInCookie } from '../test/fixtures';
import { setUpOrgFixture } from '../test/org-suite';
import { countStatements } from '../test/statement-counter';
import { projectChangedRows } from './rows';

// Tuesday 24 Nov 2026, 10:00 Moscow: a working day.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);

/** Statements per request, the identity remembered: a regression past these is a test failure, not a slowdown. */
const LIMITS = { register: 7, triage: 6, route: 4 };

describeEachDatabase('statements per command', (getDb) => {
  const fx = setUpOrgFixture(getDb, { now: () => TUESDAY_10_MSK });
  let delivery: Delivery;
  let watcher: ReportsWatcher;
  let scheduler: ReturnType<typeof startScheduler>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    for (const who of ['operator', 'curator', 'roadsExecutor'] as const) {
      cookies[who] = await signInCookie(fx.deps, fx.org.people[who].login);
    }
    delivery = createDelivery({
      deps: fx.deps,
      live: { notify() {} },
      mail: null,
      sweepMs: false,
      catchUpOnStart: false,
    });
    // As realtime/services.ts wires it.
    const unsubscribe = fx.deps.bus.onCommitted((events) => void delivery.deliver(events));
    watcher = startReportsWatcher(fx.deps);
    // Never leads: only its after-commit work is counted, not its passes.
    scheduler = startScheduler({
      deps: fx.deps,
      pollMs: 3_600_000,
      leadership: { isLeader: false, lastError: null, confirm: async () => false, release: async () => {} },
    });
    return async () => {
      unsubscribe();
      await scheduler.stop();
      watcher.stop();
      await delivery.close();
    };
  });

  /** One request as the HTTP server runs it, and everything its commit sets off, counted. */
  async function request<T>(who: string, call: (caller: Awaited<ReturnType<typeof callerWithCookie>>) => Promise<T>) {
    const { result, recording } = await countStatements(async () => {
      const caller = await callerWithCookie(fx.deps, cookies[who]!);
      const out = await call(caller);
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([delivery.idle(), watcher.idle()]);
      return out;
    });
    return { result, statements: recording.statements.length, transactions: recording.transactions, recording };
  }

  it('identifies a signed-in person once, then from memory', async () => {
    // The fixture changed the directory a moment ago: nothing is remembered until that has surely committed.
    await new Promise((resolve) => setTimeout(resolve, IDENTITY_QUIET_MS + 50));
    const first = await request('curator', (c) => c.auth.me());
    expect(first.result.user?.login).toBe(fx.org.people.curator.login);
    expect(first.statements).toBe(1);
    const again = await request('curator', (c) => c.auth.me());
    expect(again.result.user?.login).toBe(fx.org.people.curator.login);
    expect(again.statements).toBe(0);
    // The others are known from here on.
    await request('operator', (c) => c.auth.me());
  });

  it('counts the statements of a registration, a triage and a route', async () => {
    // An identity is remembered for a few seconds of real time, which a busy machine can spend between two commands:
    // each command is counted right after its person was identified, so what it counts is the command alone.
    const warm = (who: string) => request(who, (c) => c.auth.me());
    await warm('operator');
    const reg = await request('operator', (c) =>
      c.cases.register({
        network: 'vk',
        link: 'https://vk.com/wall-1_7',
        author: { name: 'Иван Петров' },
        text: 'Яма на дороге',
        attachments: [],
        visibility: 'public',
      }),
    );
    const caseId = reg.result.caseId;
    await warm('operator');
    const triage = await request('operator', (c) =>
      c.cases.command({
        caseId,
        expectedVersion: 1,
        command: { type: 'triage', topic: 'Дороги', location: 'центр', category: 'ordinary', processable: true },
      }),
    );
    await warm('curator');
    const route = await request('curator', (c) =>
      c.cases.command({
        caseId,
        expectedVersion: 2,
        command: routeSingle(fx.org.departments.roads, fx.org.people.roadsExecutor.id),
      }),
    );
    // Warm identities (the test above): what is left is the command and what its commit sets off. A route: its
    // context (1, the departments and executors it names checked against it), its writes in one statement (the
    // organisation's lock, the case row, the events, the alarm: no transaction of its own), then the notification
    // outbox (one statement for the cursor, the events, the directory and the cases' history; one storing the
    // notifications, moving the cursor and reading the unread counts the live push carries); registration and triage
    // add surge detection (2 reads, a transaction only when a surge opens, grows or ends). Before: a route took 30
    // statements and 2 transactions, then 14, then 12 (the outbox was 7 statements), then 8 (the command's writes
    // were 4 statements in a transaction), then 5 (the unread counts read after the outbox's commit).
    expect(reg.statements).toBeLessThanOrEqual(LIMITS.register);
    expect(triage.statements).toBeLessThanOrEqual(LIMITS.triage);
    expect(route.statements).toBeLessThanOrEqual(LIMITS.route);
    // No transaction: the command's writes are one statement, and so are the outbox's (guarded by its cursor).
    for (const r of [reg, triage, route]) expect(r.transactions).toBe(0);
    expect(route.result.version).toBe(3);
  });

  it("reads what a broadcast sends in one statement, and the open workspaces' detail in one more", async () => {
    // What realtime/server.ts reads after every commit (besides the previous seq with several nodes): the changed
    // rows with the absences going on and the organisation's walls; then, for cases someone may be viewing, their
    // states with the names of the batch's actors. Before: four statements.
    const reg = await request('operator', (c) =>
      c.cases.register({
        network: 'vk',
        link: 'https://vk.com/wall-1_8',
        author: { name: 'Анна Смирнова' },
        text: 'Не горит фонарь',
        attachments: [],
        visibility: 'public',
      }),
    );
    const events = reg.result.events;
    const rows = await countStatements(() =>
      projectChangedRows(fx.deps.db, fx.org.organisationId, [reg.result.caseId], TUESDAY_10_MSK),
    );
    expect(rows.result.rows.get(reg.result.caseId)?.isOpen).toBe(true);
    expect(rows.recording.statements.length).toBe(1);
    const detail = await countStatements(() => caseDetailMessages(fx.deps.db, events, [reg.result.caseId]));
    expect(detail.result.get(reg.result.caseId)?.participant.entries.map((e) => e.actorName)).toEqual([
      fx.org.people.operator.fullName,
    ]);
    expect(detail.recording.statements.length).toBe(1);
  });
});
