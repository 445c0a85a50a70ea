// An organisation's events by seq are read through case_events_org_seq_idx whatever the plan: with a small
// organisation's events behind many of another's, the primary key's seq order would walk all of those (see
// organisation-seqs.ts). Each reader's statement is recorded as it is sent, then planned the way a prepared
// statement's generic plan is (no parameter values known), and its plan must not touch the primary key.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { deliverPendingOnce, organisationsWithPending } from '../notifications/delivery-outbox';
import { changesSince, committedBetween, headSeq, previousSeq } from '../realtime/changes';
import { describeEachDatabase } from '../test/databases';
import { countStatements } from '../test/statement-counter';
import type { Database } from './connect';
import { rowsOf } from './driver-values';

const SMALL = '00000000-0000-4000-8000-00000000000a';
const BIG = '00000000-0000-4000-8000-00000000000b';

/** A literal of a recorded parameter, for EXECUTE. */
const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

/** Every index the generic plan of `text` (its parameters `params`) scans. */
async function indexesOfGenericPlan(database: Database, text: string, params: readonly unknown[]): Promise<string[]> {
  const plan = await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw('set local plan_cache_mode = force_generic_plan'));
    await tx.execute(sql.raw(`prepare otklik_seq_plan as ${text}`));
    const args = params.length > 0 ? `(${params.map(literal).join(', ')})` : '';
    const result = await tx.execute(sql.raw(`explain (format json) execute otklik_seq_plan${args}`));
    await tx.execute(sql.raw('deallocate otklik_seq_plan'));
    return JSON.stringify(result);
  });
  return [...new Set([...plan.matchAll(/"Index Name\\?":\s*\\?"([a-z_]+)/g)].map((m) => m[1]!))].sort();
}

/** Every index the generic plan of each statement `read` sends on case_events scans. */
async function indexesOfGenericPlans(database: Database, read: () => Promise<unknown>): Promise<string[][]> {
  const { recording } = await countStatements(read);
  const out: string[][] = [];
  for (const [i, text] of recording.statements.entries()) {
    if (text.includes('case_events')) out.push(await indexesOfGenericPlan(database, text, recording.params[i] ?? []));
  }
  return out;
}

describeEachDatabase('an organisation’s events by seq', (getDb) => {
  /** seq of the small organisation's events: three first, then 3,000 of the big one's, then two more. */
  let small: number[] = [];
  /** Where the organisation's notification outbox stands (its cursor row, created when missing). */
  const setCursor = (org: string, seq: number) =>
    getDb().db.execute(sql`insert into notification_cursors (organisation_id, last_seq) values (${org}, ${seq})
      on conflict (organisation_id) do update set last_seq = excluded.last_seq`);

  it('are stored: a small organisation’s events on both sides of a big one’s', async () => {
    const { db } = getDb();
    await db.execute(sql`
      insert into organisations (id, slug, name, time_zone, profile_id) values
        (${SMALL}, 'small', 'Small', 'Europe/Moscow', 'nao-2020'), (${BIG}, 'big', 'Big', 'Europe/Moscow', 'nao-2020')`);
    const addEvents = (org: string, count: number) =>
      db.execute(sql`
        with c as (
          insert into cases (organisation_id, version, status, network, text, detected_at, state)
          select ${org}::uuid, 1, 'detected', 'other', 'text', now(), '{}'::jsonb from generate_series(1, ${count})
          returning id)
        insert into case_events (case_id, organisation_id, version, type, occurred_at, payload)
        select c.id, ${org}::uuid, 1, 'registered', now(), '{}'::jsonb from c`);
    await addEvents(SMALL, 3);
    await addEvents(BIG, 3000);
    await addEvents(SMALL, 2);
    await db.execute(sql`analyze case_events`);
    const rows = await db.execute(sql`select seq from case_events where organisation_id = ${SMALL} order by seq`);
    small = rowsOf<{ seq: number | string }>(rows).map((r) => Number(r.seq));
    expect(small).toHaveLength(5);
    // The last two came after the big organisation's 3,000.
    expect(small[3]! - small[2]!).toBeGreaterThan(3000);
  });

  it('head, previous and a range are the small organisation’s own', async () => {
    const { db } = getDb();
    expect(await headSeq(db, SMALL)).toBe(small[4]);
    expect(await previousSeq(db, SMALL, small[3]!)).toBe(small[2]);
    expect(await previousSeq(db, SMALL, small[0]!)).toBe(0);
    const between = await committedBetween(db, SMALL, small[1]!, small[4]!, 10);
    expect(between.map((e) => e.seq)).toEqual([small[2], small[3], small[4]]);
    expect(await headSeq(db, '00000000-0000-4000-8000-0000000000ff')).toBe(0);
  });

  it('are read through the composite index only, in every generic plan', async () => {
    const database = getDb();
    const { db } = database;
    for (const read of [
      () => headSeq(db, SMALL),
      () => previousSeq(db, SMALL, small[3]!),
      () => committedBetween(db, SMALL, small[2]!, small[4]!, 10),
      // A wall's catch-up: the head, then the page.
      () => changesSince(db, { organisationId: SMALL, afterSeq: small[4]!, now: Date.now() }),
      // The notification outbox's pass, its cursor at the small organisation's last event: nothing to notify.
      async () => {
        await setCursor(SMALL, small[4]!);
        return deliverPendingOnce(db, SMALL, Date.now());
      },
      // The start-up's and the sweep's question: which organisations have events past their cursor.
      () => organisationsWithPending(db),
    ]) {
      const plans = await indexesOfGenericPlans(database, read);
      expect(plans.length).toBeGreaterThan(0);
      for (const indexes of plans) {
        expect(indexes).toContain('case_events_org_seq_idx');
        expect(indexes).not.toContain('case_events_pkey');
      }
    }
  });

  it('the sweep finds the organisations with events past their cursor, and only those', async () => {
    const { db } = getDb();
    const last = await db.execute(sql`select max(seq) as seq from case_events where organisation_id = ${BIG}`);
    const bigLast = Number(rowsOf<{ seq: number | string }>(last)[0]?.seq);
    // The big organisation's last event lies between the small one's third and fourth.
    expect(bigLast).toBeGreaterThan(small[2]!);
    expect(bigLast).toBeLessThan(small[3]!);
    await setCursor(SMALL, small[3]!);
    await db.execute(sql`delete from notification_cursors where organisation_id = ${BIG}`);
    // No cursor counts as 0: every event of the big one is past it; the small one's fifth is past its cursor.
    expect((await organisationsWithPending(db)).sort()).toEqual([SMALL, BIG].sort());
    await setCursor(BIG, bigLast);
    expect(await organisationsWithPending(db)).toEqual([SMALL]);
    await setCursor(SMALL, small[4]!);
    expect(await organisationsWithPending(db)).toEqual([]);
    await setCursor(BIG, bigLast - 1);
    expect(await organisationsWithPending(db)).toEqual([BIG]);
  });

  it('the previous seq a command’s write reads (migration 0017’s function) goes through the composite index too', async () => {
    const database = getDb();
    const { db } = database;
    const result = await db.execute(sql`select otklik_events_before(${SMALL}::uuid, ${small[3]!}) as prev`);
    expect(Number(rowsOf<{ prev: number | string }>(result)[0]?.prev)).toBe(small[2]);
    // Its one query, planned as the function's cached plan is: without the values of its arguments.
    const source = await db.execute(sql`select prosrc from pg_proc where proname = 'otklik_events_before'`);
    const body = String(rowsOf<{ prosrc: string }>(source)[0]?.prosrc);
    const query = /RETURN \((SELECT[\s\S]*)\);\s*END/.exec(body)?.[1];
    expect(query).toBeDefined();
    const text = query!.replaceAll('"org"', '$1::uuid').replaceAll('"before"', '$2::bigint');
    const indexes = await indexesOfGenericPlan(database, text, [SMALL, small[3]!]);
    expect(indexes).toContain('case_events_org_seq_idx');
    expect(indexes).not.toContain('case_events_pkey');
  });
});
