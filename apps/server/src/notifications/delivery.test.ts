// Notifications survive a crash and a race: events committed while no delivery ran are notified once on start,
// and two deliveries on one database notify each event once. Runs on PGlite (and PostgreSQL when configured).

import type { Notification } from '@otklik/contract';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand } from '../cases/commands';
import { notificationCursors, notifications } from '../db/schema';
import { createDeps, type ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { freshLink, ROADS_TRIAGE, registerVk } from '../test/case-steps';
import { describeEachDatabase } from '../test/databases';
import { createOrgFixture, type OrgFixture } from '../test/fixtures';
import { createDelivery } from './delivery';
import type { LivePush } from './delivery-live';

// Wednesday 25 November 2026, 12:50 Moscow: a working day (konyshevsky-2020), so every command is in hours.
const at = Date.parse('2026-11-25T12:50:00+03:00');

function recorder(): LivePush & { pushed: { personId: string; notification: Notification; unread: number }[] } {
  const pushed: { personId: string; notification: Notification; unread: number }[] = [];
  return { pushed, notify: (items) => pushed.push(...items) };
}

/** Executes `command` on the case (a new one when `caseId` is undefined) as the person `personId`, at `at`. */
async function commandAs(
  deps: ServerDeps,
  org: OrgFixture,
  personId: string,
  caseId: string | undefined,
  command: unknown,
) {
  const actor = (await loadCurrentUser(deps.db, personId, at))!.actor;
  return executeCaseCommand(deps, { organisationId: org.organisationId, actor, caseId, now: at, command });
}

/** Registers, triages and routes a case to `executorId`: the route notifies that executor ('assigned'). */
async function routedCase(deps: ServerDeps, org: OrgFixture, executorId: string, departmentId: string) {
  const events: CommittedEvent[] = [];
  const run = async (personId: string, caseId: string | undefined, command: unknown) => {
    const r = await commandAs(deps, org, personId, caseId, command);
    events.push(...r.events);
    return r.caseId;
  };
  const caseId = await run(org.people.operator.id, undefined, registerVk(freshLink()));
  await run(org.people.operator.id, caseId, ROADS_TRIAGE);
  await run(org.people.curator.id, caseId, {
    type: 'route',
    mode: 'single',
    assignments: [{ departmentId, executorId }],
  });
  return { caseId, events };
}

async function storedFor(deps: ServerDeps, caseId: string) {
  const rows = await deps.db
    .select({ personId: notifications.personId, kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.caseId, caseId));
  return rows.sort((x, y) => `${x.kind}${x.personId}`.localeCompare(`${y.kind}${y.personId}`));
}

/** What one routed case notifies: both curators of its registration (issue 12), then the executor of the routing. */
function routedNotices(org: OrgFixture, executorId: string) {
  return [
    { personId: executorId, kind: 'assigned' },
    ...[org.people.curator.id, org.people.curator2.id].sort().map((personId) => ({ personId, kind: 'registered' })),
  ];
}

describeEachDatabase('crash-safe notification delivery', (getDb) => {
  it('notifies once, on start, events committed while no delivery ran', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    const other = await createOrgFixture(deps);
    // The "crash": commands commit and announce on the bus, but nobody delivers.
    const a = await routedCase(deps, org, org.people.roadsExecutor.id, org.departments.roads);
    const b = await routedCase(deps, other, other.people.housingExecutor.id, other.departments.housing);
    expect(await storedFor(deps, a.caseId)).toEqual([]);

    const live = recorder();
    const first = createDelivery({ deps, live, mail: null, sweepMs: false });
    await first.idle();
    expect(await storedFor(deps, a.caseId)).toEqual(routedNotices(org, org.people.roadsExecutor.id));
    expect(await storedFor(deps, b.caseId)).toEqual(routedNotices(other, other.people.housingExecutor.id));
    expect(
      live.pushed
        .filter((p) => p.notification.kind === 'assigned')
        .map((p) => [p.personId, p.notification.caseId])
        .sort(),
    ).toEqual(
      [
        [org.people.roadsExecutor.id, a.caseId],
        [other.people.housingExecutor.id, b.caseId],
      ].sort(),
    );
    expect(live.pushed).toHaveLength(6);
    // Each organisation's cursor stands at its own last event.
    const [cursor] = await deps.db
      .select({ lastSeq: notificationCursors.lastSeq })
      .from(notificationCursors)
      .where(eq(notificationCursors.organisationId, org.organisationId));
    expect(cursor?.lastSeq).toBe(a.events.at(-1)?.seq);
    await first.close();

    // A second start (or a repeated bus announcement) finds nothing new.
    const again = recorder();
    const second = createDelivery({ deps, live: again, mail: null, sweepMs: false });
    await second.deliver([...a.events, ...b.events]);
    await second.idle();
    expect(await storedFor(deps, a.caseId)).toHaveLength(3);
    expect(await storedFor(deps, b.caseId)).toHaveLength(3);
    expect(again.pushed).toEqual([]);
    await second.close();
  });

  it('a late delivery pass decides each event from the state before it, not from the case as it is now', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    // Routed to roads while no delivery ran; then, still before any delivery, the curator moves the case to housing.
    const a = await routedCase(deps, org, org.people.roadsExecutor.id, org.departments.roads);
    await commandAs(deps, org, org.people.curator.id, a.caseId, {
      type: 'move',
      assignments: [{ departmentId: org.departments.housing, executorId: org.people.housingExecutor.id }],
      reason: 'вопрос ЖКХ',
    });
    expect(await storedFor(deps, a.caseId)).toEqual([]);
    const delivery = createDelivery({ deps, live: recorder(), mail: null, sweepMs: false });
    await delivery.idle();
    // The routing concerned the roads executor (the case as it was then), the move the housing executor: the
    // case's current state (with housing) would have sent both to housing and none to roads.
    // (The registration itself told both curators; it did not concern either executor.)
    const byPerson = (x: { personId: string }, y: { personId: string }) => x.personId.localeCompare(y.personId);
    expect((await storedFor(deps, a.caseId)).sort(byPerson)).toEqual(
      [
        { personId: org.people.roadsExecutor.id, kind: 'assigned' },
        { personId: org.people.housingExecutor.id, kind: 'assigned' },
        { personId: org.people.curator.id, kind: 'registered' },
        { personId: org.people.curator2.id, kind: 'registered' },
      ].sort(byPerson),
    );
    await delivery.close();
  });

  it('two deliveries racing on one database notify each event once', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    const executors = [org.people.roadsExecutor.id, org.people.roadsExecutor2.id];
    const cases = [];
    for (let i = 0; i < 6; i++) {
      cases.push(await routedCase(deps, org, executors[i % 2]!, org.departments.roads));
    }
    const live = recorder();
    // Small pages, so the two interleave over several transactions.
    const options = { deps, live, mail: null, sweepMs: false, catchUpOnStart: false, pageSize: 2 } as const;
    const one = createDelivery(options);
    const two = createDelivery(options);
    const all = cases.flatMap((c) => c.events);
    await Promise.all([one.catchUp(), two.catchUp(), one.deliver(all), two.deliver(all), one.deliver(all)]);
    await Promise.all([one.idle(), two.idle()]);
    for (const [i, c] of cases.entries()) {
      expect(await storedFor(deps, c.caseId)).toEqual(routedNotices(org, executors[i % 2]!));
    }
    const rows = await deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.organisationId, org.organisationId), eq(notifications.kind, 'assigned')));
    expect(rows).toHaveLength(6);
    expect(live.pushed).toHaveLength(18);
    await one.close();
    await two.close();
  });

  it('a pass that stores several notifications for one person pushes each with that person’s count after all of them', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    const executor = org.people.roadsExecutor.id;
    await routedCase(deps, org, executor, org.departments.roads);
    const first = createDelivery({ deps, live: recorder(), mail: null, sweepMs: false });
    await first.idle();
    await first.close();
    // Two more cases while no delivery runs: the next start stores their notifications in one pass.
    await routedCase(deps, org, executor, org.departments.roads);
    await routedCase(deps, org, executor, org.departments.roads);
    const live = recorder();
    const second = createDelivery({ deps, live, mail: null, sweepMs: false });
    await second.idle();
    const counts = (personId: string) => live.pushed.filter((p) => p.personId === personId).map((p) => p.unread);
    // One unread each from the first case, two stored now: 3 with each push.
    expect(counts(org.people.curator.id)).toEqual([3, 3]);
    expect(counts(org.people.curator2.id)).toEqual([3, 3]);
    expect(counts(executor)).toEqual([3, 3]);
    await second.close();
  });

  it('the bus path delivers live, and a later event only once more', async () => {
    const deps = createDeps({ database: getDb(), now: () => at });
    const org = await createOrgFixture(deps);
    const live = recorder();
    const delivery = createDelivery({ deps, live, mail: null, sweepMs: false });
    await delivery.idle();
    const unsubscribe = deps.bus.onCommitted((events) => void delivery.deliver(events));
    const a = await routedCase(deps, org, org.people.roadsExecutor.id, org.departments.roads);
    await delivery.idle();
    expect(live.pushed.map((p) => [p.personId, p.notification.kind])).toEqual([
      [org.people.curator.id, 'registered'],
      [org.people.curator2.id, 'registered'],
      [org.people.roadsExecutor.id, 'assigned'],
    ]);
    // The executor returns it (konyshevsky p.8): only the curator who routed it hears, once.
    await commandAs(deps, org, org.people.roadsExecutor.id, a.caseId, {
      type: 'return',
      departmentId: org.departments.roads,
      reason: 'Не наша улица',
    });
    await delivery.idle();
    expect(live.pushed.slice(3).map((p) => [p.personId, p.notification.kind])).toEqual([
      [org.people.curator.id, 'returned-to-you'],
    ]);
    // Each push carries its person's unread count with the notification stored: the curator now has two unread.
    expect(live.pushed.map((p) => p.unread)).toEqual([1, 1, 1, 2]);
    unsubscribe();
    await delivery.close();
  });
});
