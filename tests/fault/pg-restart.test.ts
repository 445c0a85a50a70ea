// Issue 11 item 1: a PostgreSQL restart (fast and immediate stop) must not kill a node. While the database is down a
// command gets a clear "database unavailable" (503), /healthz says unhealthy; afterwards commands work again, the
// broadcast between nodes resumes and the scheduler leads and processes due alarms again — without restarting a node.

import type { CaseChange } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClientSocket,
  connect,
  connected,
  eventually,
  type NodeProcess,
  registerInput,
  signIn,
  startNode,
} from '../realtime/support/harness';
import type { TestSession } from '../support/typed-client';
import { attempt, isAlive, probe, usePgDatabase, withSql } from './support/nodes';

describe('a PostgreSQL restart', () => {
  const postgres = usePgDatabase('otklik_restart');
  let a: NodeProcess;
  let b: NodeProcess;
  let operator: TestSession;
  let socket: ClientSocket;
  const seen: CaseChange[] = [];

  beforeAll(async () => {
    const env = {
      NODE_TARGET: postgres.url,
      NODE_POLL_MS: '300',
      NODE_REQUEST_TIMEOUT_MS: '8000',
      NODE_DB_CONNECT_TIMEOUT_MS: '2000',
    } as const;
    a = await startNode({ ...env, NODE_SEED: '1' });
    b = await startNode(env);
    const org = a.fixture!.org;
    operator = await signIn(a.url, org.people.operator.login);
    // A curator watching on the other node: what A commits reaches B only through PostgreSQL.
    socket = connect(
      b.url,
      { cookie: (await signIn(b.url, org.people.curator.login)).cookie() },
      { autoConnect: true },
    );
    socket.on('case:changes', (m) => {
      for (const c of m.changes) seen.push(c);
    });
    await connected(socket);
  }, 240_000);

  afterAll(async () => {
    socket?.close();
    const stopped = await Promise.race([
      Promise.allSettled([a?.stop(), b?.stop()]).then(() => true),
      new Promise((r) => setTimeout(() => r(false), 30_000)),
    ]);
    if (!stopped) process.stderr.write(`A:\n${a.stderr().slice(-3000)}\nB:\n${b.stderr().slice(-3000)}\n`);
    await Promise.allSettled([a?.kill(), b?.kill()]);
  }, 120_000);

  for (const mode of ['fast', 'immediate'] as const) {
    it(`survives a ${mode} stop: clear errors while down, everything resumes by itself`, async () => {
      postgres.server.start();
      postgres.server.stop(mode);
      // While the database is down: a clear 503, not a 500 and not a hang.
      const during = await attempt((options) =>
        operator.api.cases.register.mutate(registerInput('пока база недоступна'), options),
      );
      expect(during).not.toBe('timeout');
      expect(during, a.stderr().slice(-2000)).toMatchObject({ ok: false });
      if (during === 'timeout' || during.ok) return;
      expect(during.status, `${during.message}\n${a.stderr().slice(-2000)}`).toBe(503);
      expect(during.code).toBe('SERVICE_UNAVAILABLE');
      expect(during.message).toMatch(/База данных (недоступна|не ответила)/);
      const health = await probe(`${a.url}/healthz`);
      expect(health).not.toBe('timeout');
      expect(health !== 'timeout' && health.status).toBe(503);
      expect(isAlive(a.pid) && isAlive(b.pid)).toBe(true);

      postgres.server.start();
      // Both nodes are still the same processes, and become healthy again (database, broadcast, scheduler).
      await eventually(async () => {
        const h = await probe(`${a.url}/readyz`, 5_000);
        return h !== 'timeout' && h.status === 200 ? h : undefined;
      }, 60_000);
      await eventually(async () => {
        const h = await probe(`${b.url}/readyz`, 5_000);
        return h !== 'timeout' && h.status === 200 ? h : undefined;
      }, 60_000);
      expect(a.proc.exitCode).toBeNull();
      expect(b.proc.exitCode).toBeNull();

      // A command on A reaches the socket on B: the broadcast channel listens again.
      const after = await eventually(async () => {
        const r = await attempt((options) =>
          operator.api.cases.register.mutate(registerInput(`после рестарта (${mode})`), options),
        );
        return r !== 'timeout' && r.ok ? r.data : undefined;
      }, 60_000);
      await eventually(() => seen.find((c) => c.caseId === after.caseId), 30_000);

      // The scheduler leads again and processes due alarms: an alarm made due by hand is recomputed to its true,
      // future instant by the leader's next pass.
      await withSql(postgres.url, async (sql) => {
        await sql`update clock_alarms set fire_at = now() - interval '1 minute' where case_id = ${after.caseId}`;
        await eventually(async () => {
          const rows = await sql<{ later: boolean }[]>`
            select fire_at > now() as later from clock_alarms where case_id = ${after.caseId}`;
          return rows[0]?.later ? true : undefined;
        }, 30_000);
      });
    }, 240_000);
  }

  it('and both nodes still stop gracefully afterwards (no connection leaked by the restarts)', async () => {
    socket.close();
    const codes = await Promise.race([
      Promise.all([a.stop(), b.stop()]),
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000)),
    ]);
    expect(codes).toEqual([0, 0]);
  }, 120_000);
});
