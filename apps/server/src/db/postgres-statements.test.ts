// The PostgreSQL client prepares the statements drizzle sends more than once (postgres-statements.ts): what it
// chooses, and that a second run of a text is prepared on its connection, in a transaction too, with the same result.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { rowsOf } from './driver-values';
import { preparedTexts } from './postgres-statements';

describe('which texts are prepared', () => {
  it('a text on its second sight, not its first', () => {
    const prepare = preparedTexts();
    expect(prepare('select $1')).toBe(false);
    expect(prepare('select $1')).toBe(true);
    expect(prepare('select $1')).toBe(true);
    expect(prepare('select $1, $2')).toBe(false);
  });

  it('no more texts than the limit: the ones past it run unprepared, the prepared ones stay prepared', () => {
    const prepare = preparedTexts(2);
    for (const text of ['a', 'b', 'c']) prepare(text);
    expect(prepare('a')).toBe(true);
    expect(prepare('b')).toBe(true);
    expect(prepare('c')).toBe(false);
    expect(prepare('a')).toBe(true);
  });
});

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!TEST_DATABASE_URL)('prepared on PostgreSQL', () => {
  it('prepares a statement on its second run, on its connection and in a transaction, with the same answer', async () => {
    // One connection: pg_prepared_statements is the session's own.
    const database = await openDatabase({
      kind: 'postgres',
      url: TEST_DATABASE_URL as string,
      settings: { poolSize: 1 },
    });
    try {
      const { db } = database;
      const ask = (marker: string, n: number) => sql`select ${n}::int + 1 as ${sql.identifier(marker)}`;
      const preparedCount = async (marker: string) => {
        const rows = rowsOf<{ n: number | string }>(
          await db.execute(sql`select count(*) as n from pg_prepared_statements where statement like ${`%${marker}%`}`),
        );
        return Number(rows[0]?.n);
      };
      const answer = async (marker: string, run: Promise<unknown>) =>
        rowsOf<Record<string, number>>(await run)[0]?.[marker];
      const plain = `otklik_plain_${process.pid}`;
      expect(await answer(plain, db.execute(ask(plain, 1)))).toBe(2);
      expect(await preparedCount(plain)).toBe(0);
      expect(await answer(plain, db.execute(ask(plain, 2)))).toBe(3);
      expect(await preparedCount(plain)).toBe(1);
      // A transaction's client (the same connection here) prepares the same way.
      const inTransaction = `otklik_tx_${process.pid}`;
      const twice = await db.transaction(async (tx) => [
        await answer(inTransaction, tx.execute(ask(inTransaction, 41))),
        await answer(inTransaction, tx.execute(ask(inTransaction, 99))),
      ]);
      expect(twice).toEqual([42, 100]);
      expect(await preparedCount(inTransaction)).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('prepares nothing with ?prepare=false in the URL (a pooler in transaction mode)', async () => {
    const url = new URL(TEST_DATABASE_URL as string);
    url.searchParams.set('prepare', 'false');
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), settings: { poolSize: 1 } });
    try {
      const { db } = database;
      const marker = `otklik_unprepared_${process.pid}`;
      for (const n of [1, 2, 3]) await db.execute(sql`select ${n}::int as ${sql.identifier(marker)}`);
      const rows = rowsOf<{ n: number | string }>(
        await db.execute(sql`select count(*) as n from pg_prepared_statements where statement like ${`%${marker}%`}`),
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await database.close();
    }
  });
});
