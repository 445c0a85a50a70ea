// Issue 11 item 6: with `sslmode=require` against a self-signed server, /healthz said ok while the scheduler never
// created an alarm (its driver verified the certificate, the other did not, and its failure was silent). Now both
// drivers read sslmode as libpq does, so the scheduler leads and records; and a subsystem that cannot connect makes
// /readyz unhealthy and says why in the log.
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_KEYS } from '../../apps/server/src/db/advisory-lock';
import { createHealth } from '../../apps/server/src/health/registry';
import { startRealtimeNode } from '../../apps/server/src/realtime/node';
import type { Leadership } from '../../apps/server/src/scheduler/leader';
import { eventually, type NodeProcess, registerInput, signIn, startNode } from '../realtime/support/harness';
import { probe, usePgDatabase, withSql } from './support/nodes';

describe('PostgreSQL over TLS with a self-signed certificate', () => {
  const postgres = usePgDatabase('otklik_tls', { ssl: true });
  const nodes: NodeProcess[] = [];

  afterAll(async () => {
    await Promise.allSettled(nodes.map((n) => n.stop()));
  }, 120_000);

  it('sslmode=require: every subsystem connects, the scheduler leads and keeps the alarm of a new case', async () => {
    const node = await startNode({
      NODE_TARGET: `${postgres.url}?sslmode=require`,
      NODE_SEED: '1',
      NODE_POLL_MS: '300',
    });
    nodes.push(node);
    const ready = await eventually(async () => {
      const h = await probe(`${node.url}/readyz`, 5_000);
      return h !== 'timeout' && h.status === 200 ? h.body : undefined;
    }, 60_000).catch(() => null);
    expect(ready, node.stderr().slice(-2000)).toMatchObject({
      status: 'ok',
      checks: { scheduler: { ok: true, detail: 'leading' }, broadcast: { ok: true } },
    });
    const operator = await signIn(node.url, node.fixture!.org.people.operator.login);
    const { caseId } = await operator.api.cases.register.mutate(registerInput('по TLS'));
    // The scheduler holds its leader lock (on main its driver refused the certificate, silently, for ever)…
    await eventually(
      () =>
        withSql(`${postgres.url}?sslmode=require`, async (sql) => {
          const rows = await sql<{ name: string }[]>`
            select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.objid = ${LOCK_KEYS.schedulerLeader} and l.granted`;
          return rows[0]?.name.startsWith('otklik-scheduler') ? true : undefined;
        }),
      30_000,
    );
    // …and processes due alarms: one made due by hand is recomputed to its true, future instant by the leader.
    await withSql(`${postgres.url}?sslmode=require`, async (sql) => {
      await eventually(async () => {
        const rows = await sql<{ n: number }[]>`select count(*)::int as n from clock_alarms where case_id = ${caseId}`;
        return rows[0]?.n === 1 ? true : undefined;
      }, 30_000);
      await sql`update clock_alarms set fire_at = now() - interval '1 minute' where case_id = ${caseId}`;
      await eventually(async () => {
        const rows = await sql<{ later: boolean }[]>`
          select fire_at > now() as later from clock_alarms where case_id = ${caseId}`;
        return rows[0]?.later ? true : undefined;
      }, 30_000);
    });
    await node.stop();
  });

  it('a scheduler that cannot take its lock makes the node unhealthy, and the log says why', async () => {
    const lines: string[] = [];
    const failing: Leadership = {
      isLeader: false,
      lastError: 'self-signed certificate in certificate chain',
      confirm: async () => false,
      release: async () => {},
    };
    const node = await startRealtimeNode({
      target: { kind: 'postgres', url: `${postgres.url}?sslmode=require` },
      webDistDir: '/nonexistent',
      health: createHealth({ log: (line) => lines.push(line) }),
      scheduler: { pollMs: 200, leadership: failing },
    });
    try {
      const health = await eventually(async () => {
        const h = await probe(`${node.url}/readyz`, 10_000);
        return h !== 'timeout' && h.status === 503 ? h.body : undefined;
      }, 30_000);
      expect(health).toMatchObject({ checks: { scheduler: { ok: false } } });
      expect(JSON.stringify(health)).toContain('self-signed certificate');
      expect(lines.join('\n')).toMatch(
        // The operator's language (OTKLIK_LANG, Russian by default).
        /health: scheduler неисправен: cannot take the leader lock: self-signed certificate/,
      );
    } finally {
      await node.close();
    }
  });

  it('verify-full against a self-signed certificate: the node fails fast and says why', async () => {
    const node = await startNode({
      NODE_TARGET: `${postgres.url}?sslmode=verify-full`,
      NODE_DB_CONNECT_TIMEOUT_MS: '2000',
    }).catch((error: Error) => error);
    if (node instanceof Error) {
      // The node refuses to start (migrations cannot run): fail fast, and say why.
      expect(node.message).toMatch(/certificate|self.signed/i);
      return;
    }
    nodes.push(node);
    const health = await probe(`${node.url}/readyz`, 30_000);
    expect(health !== 'timeout' && health.status).toBe(503);
  });
});
