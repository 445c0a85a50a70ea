// One-time jobs behind a session advisory lock (the demo seed, the first-run setup): a second node waits for the
// first node's whole job, which is many statements and may well outlast one statement's timeout.
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/databases';
import { LOCK_KEYS, withAdvisoryLock } from './advisory-lock';
import { openDatabase } from './connect';

describe.skipIf(!process.env.TEST_DATABASE_URL)('advisory lock of a one-time job on PostgreSQL', () => {
  it('makes a second node wait past its statement timeout, then run after the first', async () => {
    const first = await createTestDatabase('postgres');
    const url = first.raw.kind === 'postgres' ? first.raw.url : '';
    // The second node's statements may take 200 ms at most; the first node holds the lock five times as long.
    const second = await openDatabase({ kind: 'postgres', url, settings: { statementTimeoutMs: 200 } });
    const order: string[] = [];
    try {
      let entered!: () => void;
      const holding = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const firstJob = withAdvisoryLock(first, LOCK_KEYS.demoSeed, async () => {
        order.push('first starts');
        entered();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        order.push('first ends');
      });
      await holding;
      const secondJob = withAdvisoryLock(second, LOCK_KEYS.demoSeed, async () => {
        order.push('second runs');
      });
      await Promise.all([firstJob, secondJob]);
      expect(order).toEqual(['first starts', 'first ends', 'second runs']);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
