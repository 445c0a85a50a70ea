// Issue 11 item 3: a frozen database (every PostgreSQL process stopped with SIGSTOP: connections stay open, nothing
// answers) hung every request, and /healthz waited 9.7 s and then said ok. Now: /healthz and /readyz say unhealthy
// within their own short timeout, a command gets a clear "database did not answer" within the request bound, and
// everything works again once the database thaws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type NodeProcess, registerInput, signIn, startNode } from '../realtime/support/harness';
import type { TestSession } from '../support/typed-client';
import { attempt, probe, usePgDatabase } from './support/nodes';

describe('a frozen database', () => {
  const postgres = usePgDatabase('otklik_frozen');
  let node: NodeProcess;
  let operator: TestSession;

  beforeAll(async () => {
    node = await startNode({
      NODE_TARGET: postgres.url,
      NODE_SEED: '1',
      NODE_REQUEST_TIMEOUT_MS: '4000',
      NODE_DB_CONNECT_TIMEOUT_MS: '2000',
      NODE_DB_STATEMENT_TIMEOUT_MS: '3000',
    });
    operator = await signIn(node.url, node.fixture!.org.people.operator.login);
  }, 240_000);

  afterAll(async () => {
    postgres.server.thaw();
    await node?.stop();
  }, 120_000);

  it('answers unhealthy and "database did not answer" while frozen, and recovers after', async () => {
    postgres.server.freeze();
    try {
      // Bounded by the health check's own timeout (2 s), far below the probe's patience.
      const health = await probe(`${node.url}/healthz`, 30_000);
      expect(health).not.toBe('timeout');
      expect(health !== 'timeout' && health.status).toBe(503);
      const ready = await probe(`${node.url}/readyz`, 30_000);
      expect(ready !== 'timeout' && ready.status).toBe(503);
      // A command: 503 with a clear message within the request bound (4 s), not a hang.
      const command = await attempt(
        (options) => operator.api.cases.register.mutate(registerInput('во время заморозки'), options),
        60_000,
      );
      expect(command).not.toBe('timeout');
      expect(command).toMatchObject({ ok: false, status: 503 });
      if (command === 'timeout' || command.ok) return;
      expect(command.message).toMatch(/База данных (недоступна|не ответила)/);
      expect(command.message).not.toMatch(/select|insert|Failed query/i);
    } finally {
      postgres.server.thaw();
    }
    await eventually(async () => {
      const h = await probe(`${node.url}/healthz`, 5_000);
      return h !== 'timeout' && h.status === 200 ? true : undefined;
    }, 60_000);
    const again = await eventually(async () => {
      const r = await attempt((options) =>
        operator.api.cases.register.mutate(registerInput('после оттаивания'), options),
      );
      return r !== 'timeout' && r.ok ? r.data : undefined;
    }, 60_000);
    expect(again.caseId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
