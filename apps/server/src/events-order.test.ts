import { describe, expect, it } from 'vitest';
import { createKeyedSequence } from './events-order';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('keyed sequence', () => {
  it('runs the tasks of one key in order, keys side by side, and goes on after a failure', async () => {
    const log: string[] = [];
    const errors: unknown[] = [];
    const seq = createKeyedSequence((e) => errors.push(e));
    seq.run('a', async () => {
      await tick();
      await tick();
      log.push('a1');
    });
    seq.run('a', async () => {
      throw new Error('a2 failed');
    });
    seq.run('a', async () => {
      log.push('a3');
    });
    seq.run('b', async () => {
      log.push('b1');
    });
    await seq.idle();
    // b1 did not wait for a1; a3 ran after a1 and after a2's failure.
    expect(log).toEqual(['b1', 'a1', 'a3']);
    expect(errors).toHaveLength(1);
  });
});
