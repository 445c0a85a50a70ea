// /metrics after a few commands: command counts and latency by type, open cases and clocks by status, the scheduler's
// lag behind an overdue alarm and the breaches it records, sockets, the database pool and query latency; and who may
// read it (this machine, or the bearer token; never through a proxy).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../http/server';
import { type Scheduler, startScheduler } from '../scheduler';
import { describeEachDatabase } from '../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signIn } from '../test/fixtures';

// Tuesday 24 Nov 2026, 10:00 Moscow (07:00 UTC): a working day, so the triage clock (konyshevsky p.7: 30 working
// minutes) is due at 10:30 the same morning.
const TUESDAY_10_MSK = Date.UTC(2026, 10, 24, 7, 0);
const THURSDAY_10_MSK = TUESDAY_10_MSK + 2 * 24 * 3600_000;
const TOKEN = 'prometheus-scrape-token-0123';

/** The value of one sample, e.g. value(text, 'otklik_open_cases', { status: 'detected' }). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describeEachDatabase('metrics', (getDb) => {
  let clock = TUESDAY_10_MSK;
  let server: RunningServer;
  let guarded: RunningServer;
  let scheduler: Scheduler;
  let org: OrgFixture;
  let operator: Caller;
  beforeAll(async () => {
    server = await startServer({ database: getDb(), now: () => clock, webDistDir: '/nonexistent' });
    guarded = await startServer({ database: getDb(), metricsToken: TOKEN, webDistDir: '/nonexistent' });
    scheduler = startScheduler({ deps: server.deps, pollMs: 3_600_000 });
    org = await createOrgFixture(server.deps);
    operator = await signIn(server.deps, org.people.operator.login);
  });
  afterAll(async () => {
    await scheduler.stop();
    await server.close();
    await guarded.close();
  });

  const scrape = async (url = server.url, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/metrics`, { headers });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('counts commands by type and outcome, with their latency, and the open cases they leave', async () => {
    const message = (text: string) => ({
      network: 'vk' as const,
      link: `https://vk.com/wall-1_${text.length}`,
      author: { name: 'Иван Петров' },
      text,
      attachments: [],
      visibility: 'public' as const,
    });
    const { caseId } = await operator.cases.register(message('Яма на дороге у школы'));
    await operator.cases.register(message('Не горят фонари на улице Мира'));
    await operator.cases.command({
      caseId,
      expectedVersion: 1,
      command: { type: 'triage', topic: 'Дороги', location: 'ул. Ленина', category: 'ordinary', processable: true },
    });
    // A stale version: a conflict, counted as such.
    await expect(
      operator.cases.command({
        caseId,
        expectedVersion: 1,
        command: { type: 'triage', topic: 'Дороги', location: 'ул. Мира', category: 'ordinary', processable: true },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(text, 'otklik_commands_total', { command: 'register', outcome: 'ok' })).toBe(2);
    expect(value(text, 'otklik_commands_total', { command: 'triage', outcome: 'ok' })).toBe(1);
    expect(value(text, 'otklik_commands_total', { command: 'triage', outcome: 'conflict' })).toBe(1);
    expect(value(text, 'otklik_command_duration_seconds_count', { command: 'register', outcome: 'ok' })).toBe(2);
    expect(text).toContain('otklik_command_duration_seconds_bucket{le="0.005",command="register",outcome="ok"}');
    expect(value(text, 'otklik_open_cases', { organisation: org.slug, status: 'detected' })).toBe(1);
    expect(value(text, 'otklik_open_cases', { organisation: org.slug, status: 'triaged' })).toBe(1);
    expect(value(text, 'otklik_open_clocks', { organisation: org.slug, status: 'on-track' })).toBeGreaterThanOrEqual(2);
    expect(value(text, 'otklik_metrics_database_up')).toBe(1);
    expect(value(text, 'otklik_db_query_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(10);
    expect(value(text, 'otklik_db_queries_in_flight')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'otklik_db_pool_max_connections')).toBe(getDb().kind === 'pglite' ? 1 : 5);
    expect(value(text, 'otklik_socket_connections')).toBe(0);
    expect(
      value(text, 'otklik_http_request_duration_seconds_count', { route: 'metrics', method: 'GET', status: '200' }),
    ).toBeUndefined(); // the scrape itself is observed when it ends
    expect(value(text, 'otklik_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('shows the scheduler lagging behind an overdue alarm, then the breaches it records', async () => {
    // Two days later nobody has triaged the second message: its triage clock (due Tuesday 10:30) is long overdue,
    // so the earliest alarm fell due at least 47.5 hours ago.
    clock = THURSDAY_10_MSK;
    const before = await scrape();
    expect(value(before.text, 'otklik_scheduler_lag_seconds')).toBeGreaterThanOrEqual(47.5 * 3600);
    expect(value(before.text, 'otklik_clock_breaches_recorded_total')).toBe(0);

    await scheduler.tick();
    const after = await scrape();
    expect(value(after.text, 'otklik_clock_breaches_recorded_total')).toBeGreaterThanOrEqual(1);
    expect(value(after.text, 'otklik_clock_at_risk_recorded_total')).toBeGreaterThanOrEqual(1);
    expect(
      value(after.text, 'otklik_open_clocks', { organisation: org.slug, status: 'breached' }),
    ).toBeGreaterThanOrEqual(1);
    expect(value(after.text, 'otklik_scheduler_lag_seconds')).toBe(0);
    expect(value(after.text, 'otklik_scheduler_leader')).toBe(0); // no realtime services told it who leads
    expect(
      value(after.text, 'otklik_commands_total', { command: 'record-clock-breached', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('is not public: a token when one is set, never through a proxy, nothing announced to others', async () => {
    expect((await scrape(server.url, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(404);
    expect((await scrape(guarded.url)).status).toBe(404);
    expect((await scrape(guarded.url, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(404);
    const ok = await scrape(guarded.url, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('otklik_commands_total');
    const post = await fetch(`${server.url}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('answers with a request id: the caller’s when it is sane, else a new one', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'probe-42' } });
    expect(res.headers.get('x-request-id')).toBe('probe-42');
    const other = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
