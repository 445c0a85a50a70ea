// Issue 11 item 2: a second node (or one restarted after a crash) hung for ever at start, because the demo-seed lock
// and the scheduler leader's lock shared advisory key 7345002. With one key per purpose, `otklik serve` starts on a
// database whose scheduler lock another node holds.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_KEYS, ORGANISATION_EVENTS_LOCK_CLASS } from '../../apps/server/src/db/advisory-lock';
import { freePort } from '../../apps/server/src/test/free-port';
import { eventually, type NodeProcess, repoRoot, startNode } from '../realtime/support/harness';
import { probe, usePgDatabase } from './support/nodes';

describe('advisory lock keys', () => {
  const postgres = usePgDatabase('otklik_keys');
  let first: NodeProcess;

  beforeAll(async () => {
    // The first node leads the scheduler, holding its session lock for as long as it runs.
    first = await startNode({ NODE_TARGET: postgres.url, NODE_SEED: '1', NODE_POLL_MS: '300' });
    await eventually(async () => {
      const h = await probe(`${first.url}/readyz`, 5_000);
      return h !== 'timeout' && h.status === 200 ? true : undefined;
    }, 60_000);
  }, 240_000);

  afterAll(async () => {
    await first?.stop();
  }, 120_000);

  it('names one distinct key per purpose', () => {
    const keys = Object.values(LOCK_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(ORGANISATION_EVENTS_LOCK_CLASS);
  });

  it('starts `otklik serve` (with its first-start demo seed check) while another node leads', async () => {
    const port = await freePort();
    const serve = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/main.ts', 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: postgres.url, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    serve.stdout.on('data', (d) => {
      output += d;
    });
    serve.stderr.on('data', (d) => {
      output += d;
    });
    try {
      // The organisations of the first node exist, so the seed is skipped once the seed lock is taken: on main
      // that lock was the scheduler's and never came free.
      const ready = await eventually(async () => {
        const h = await probe(`http://127.0.0.1:${port}/livez`, 2_000).catch(() => 'down' as const);
        return h !== 'timeout' && h !== 'down' && h.status === 200 ? true : undefined;
      }, 90_000).catch(() => false);
      expect(ready, `serve did not start within 90 s:\n${output}`).toBe(true);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((resolve) => serve.once('exit', resolve));
    }
  }, 180_000);
});
