// A template statement is built once per shape and runs with each call's values, on both drivers and inside a
// transaction; a placeholder left without a value is an error, never a silent null.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/databases';
import { countStatements } from '../test/statement-counter';
import { rowsOf } from './driver-values';
import { executeTemplate } from './template-statement';

const a = sql.placeholder('a');
const b = sql.placeholder('b');

describeEachDatabase('executeTemplate', (getDb) => {
  it('builds a shape once and runs it with each call’s values', async () => {
    const { db } = getDb();
    let builds = 0;
    const build = () => {
      builds++;
      return sql`select ${a}::int + ${b}::int as sum, ${a}::text as a`;
    };
    const shape = `sum-${Math.random()}`;
    const { result, recording } = await countStatements(async () => [
      rowsOf<{ sum: number; a: string }>(await executeTemplate(db, shape, build, { a: 2, b: 3 })),
      rowsOf<{ sum: number; a: string }>(await executeTemplate(db, shape, build, { a: 40, b: 2 })),
    ]);
    expect(result.map((rows) => rows[0])).toEqual([
      { sum: 5, a: '2' },
      { sum: 42, a: '40' },
    ]);
    expect(builds).toBe(1);
    // One text for both calls (a prepared statement's), the values as its parameters.
    expect(new Set(recording.statements).size).toBe(1);
    expect(recording.params).toEqual([
      [2, 3, 2],
      [40, 2, 40],
    ]);
  });

  it('builds afresh without a shape, values written into the statement included', async () => {
    const { db } = getDb();
    let builds = 0;
    const build = (n: number) => () => {
      builds++;
      return sql`select ${n}::int * ${a}::int as product`;
    };
    const first = rowsOf<{ product: number }>(await executeTemplate(db, null, build(6), { a: 7 }));
    const second = rowsOf<{ product: number }>(await executeTemplate(db, null, build(5), { a: 7 }));
    expect([first[0]?.product, second[0]?.product]).toEqual([42, 35]);
    expect(builds).toBe(2);
  });

  it('runs on a transaction’s handle, inside the transaction', async () => {
    const { db } = getDb();
    const shape = `tx-${Math.random()}`;
    const build = () => sql`select current_setting('otklik.template_test', true) as setting, ${a}::text as a`;
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('otklik.template_test', 'inside', true)`);
      return rowsOf<{ setting: string; a: string }>(await executeTemplate(tx, shape, build, { a: 'x' }));
    });
    expect(rows[0]).toEqual({ setting: 'inside', a: 'x' });
  });

  it('refuses a call that leaves a placeholder without a value', async () => {
    const { db } = getDb();
    const build = () => sql`select ${a}::int as a, ${b}::int as b`;
    await expect(executeTemplate(db, `missing-${Math.random()}`, build, { a: 1 })).rejects.toThrow(/placeholder "b"/);
  });
});
