// The deadline scheduler: at-risk and breach recorded live, once per clock, at their true instants (never before
// them), with the deficiency notice to the supervising deputy; and a breach that fell while no server ran is recorded on
// the next start with its true instant, once, also across another restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseChange, Notification } from '@otklik/contract';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import {
  connect,
  connected,
  eventually,
  login,
  type NodeProcess,
  registerInput,
  request,
  startNode,
  trpc,
} from './support/harness';

// A virtual clock shared by the test and its server processes: Wednesday 25 November 2026, 10:00 in Moscow
// (a working day: the only November holiday is the 4th), so every clock below runs in working time
// (Mon–Fri 09:00–13:00, 14:00–18:00) and working minutes equal wall minutes.
const VIRTUAL_START = Date.parse('2026-11-25T10:00:00+03:00');
const offset = VIRTUAL_START - Date.now();
const virtualNow = () => Date.now() + offset;

interface Registered {
  caseId: string;
  version: number;
  events: { seq: number; occurredAt: number; type: string; payload: { at: number } }[];
}

/** Registers, triages and routes a case to the roads executor; returns its id and version (konyshevsky-2020). */
async function routedCase(url: string, org: OrgFixture, cookies: { operator: string; curator: string }) {
  const r = await trpc<Registered>(url, 'cases.register', registerInput('Не горят фонари'), {
    cookie: cookies.operator,
  });
  let version = r.version;
  const run = async (cookie: string, command: unknown) => {
    const x = await trpc<Registered>(
      url,
      'cases.command',
      { caseId: r.caseId, expectedVersion: version, command },
      { cookie },
    );
    version = x.version;
    return x;
  };
  await run(cookies.operator, {
    type: 'triage',
    topic: 'свет',
    location: 'ул. Мира',
    category: 'ordinary',
    processable: true,
  });
  const routed = await run(cookies.curator, {
    type: 'route',
    mode: 'single',
    assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
  });
  // The draft clock (konyshevsky p.11) starts with the routing event.
  const routedAt = routed.events.at(-1)!.payload.at;
  return { caseId: r.caseId, routedAt, run };
}

const clockEvents = (changes: CaseChange[], caseId: string) =>
  changes.filter((c) => c.caseId === caseId && (c.type === 'clock-at-risk' || c.type === 'clock-breached'));

describe('deadline scheduler', () => {
  const nodes: NodeProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('records at risk and breached live, once each, not before the instant, and notifies the deputy', async () => {
    const node = await startNode({ NODE_SEED: '1', NODE_CLOCK_OFFSET_MS: String(offset) });
    nodes.push(node);
    const org = node.fixture!.org;
    const cookies = {
      operator: await login(node.url, org.people.operator.login),
      curator: await login(node.url, org.people.curator.login),
      deputy: await login(node.url, org.people.deputy.login),
    };
    const deputy = connect(node.url, { cookie: cookies.deputy });
    const curator = connect(node.url, { cookie: cookies.curator });
    const received: { change: CaseChange; at: number }[] = [];
    curator.on('case:changed', (change) => received.push({ change, at: Date.now() }));
    const notices: Notification[] = [];
    deputy.on('notification:new', (n) => notices.push(n));
    await Promise.all([connected(deputy), connected(curator)]);

    const { caseId, routedAt, run } = await routedCase(node.url, org, cookies);
    // NAO p.14 lets a curator shorten a term: the draft clock now falls due 6 s from now.
    const dueAt = virtualNow() + 6_000;
    await run(cookies.curator, { type: 'shorten-deadline', step: 'draft', dueAt });
    // At risk when 25 % of the clock's working time remains: all of it is working time (10:00, a Wednesday).
    const atRiskAt = dueAt - 0.25 * (dueAt - routedAt);

    // While the server runs (how soon after the instant is a figure for benchmarks, not a test on a busy machine).
    const both = await eventually(() => {
      const seen = received.filter((r) => r.change.caseId === caseId && r.change.type.startsWith('clock-'));
      return seen.length >= 2 ? seen : undefined;
    }, 90_000);
    const [risk, breach] = both;
    expect(risk!.change.type).toBe('clock-at-risk');
    expect(breach!.change.type).toBe('clock-breached');
    // Recorded with their true instants (the breach: the first millisecond past the due instant).
    expect(Math.abs(risk!.change.occurredAt - atRiskAt)).toBeLessThanOrEqual(1);
    expect(breach!.change.occurredAt).toBe(dueAt + 1);
    // …and announced once they fell, not before (the client's receipt, in real time, follows each instant).
    expect(risk!.at).toBeGreaterThanOrEqual(Math.floor(atRiskAt - offset));
    expect(breach!.at).toBeGreaterThanOrEqual(dueAt + 1 - offset);

    // konyshevsky p.22: the breach is reported to the supervising deputy of the executor's department.
    const notice = await eventually(() => notices.find((n) => n.kind === 'deficiency-notice'));
    expect(notice.caseId).toBe(caseId);
    // Exactly once: three more scheduler passes later, still one of each.
    await new Promise((r) => setTimeout(r, 3_000));
    const log = await request(curator, 'changes:since', { afterSeq: 0 });
    expect(clockEvents(log.changes, caseId).map((c) => c.type)).toEqual(['clock-at-risk', 'clock-breached']);
    expect(notices.filter((n) => n.kind === 'deficiency-notice')).toHaveLength(1);
    // The executor responsible for the draft clock was told both times.
    const executor = connect(node.url, { cookie: await login(node.url, org.people.roadsExecutor.login) });
    await connected(executor);
    const feed = await request(executor, 'notifications:list', {});
    expect(feed.items.filter((n) => n.caseId === caseId).map((n) => n.kind)).toEqual([
      'clock-breached',
      'clock-at-risk',
      'assigned',
    ]);
    executor.disconnect();
    deputy.disconnect();
    curator.disconnect();
  });

  it('a breach that fell while the server was down is recorded on start, with its true instant, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-sched-'));
    dirs.push(dir);
    const target = `pglite:${dir}`;
    // First run without a scheduler: the clock starts, nobody watches it.
    const first = await startNode({
      NODE_TARGET: target,
      NODE_SEED: '1',
      NODE_SCHEDULER: '0',
      NODE_CLOCK_OFFSET_MS: String(offset),
    });
    const org = first.fixture!.org;
    const cookies = {
      operator: await login(first.url, org.people.operator.login),
      curator: await login(first.url, org.people.curator.login),
    };
    const { caseId, routedAt, run } = await routedCase(first.url, org, cookies);
    const dueAt = virtualNow() + 3_000;
    await run(cookies.curator, { type: 'shorten-deadline', step: 'draft', dueAt });
    expect(await first.stop()).toBe(0);
    // The server is down while the clock falls due.
    await eventually(() => (virtualNow() > dueAt + 1_000 ? true : undefined));

    const readClockEvents = async (url: string) => {
      const s = connect(url, { cookie: cookies.curator });
      await connected(s);
      const page = await request(s, 'changes:since', { afterSeq: 0 });
      s.disconnect();
      return clockEvents(page.changes, caseId);
    };
    const second = await startNode({ NODE_TARGET: target, NODE_CLOCK_OFFSET_MS: String(offset) });
    const recorded = await eventually(async () => {
      const events = await readClockEvents(second.url);
      return events.length >= 2 ? events : undefined;
    }, 10_000);
    expect(recorded.map((c) => c.type)).toEqual(['clock-at-risk', 'clock-breached']);
    expect(Math.abs(recorded[0]!.occurredAt - (dueAt - 0.25 * (dueAt - routedAt)))).toBeLessThanOrEqual(1);
    expect(recorded[1]!.occurredAt).toBe(dueAt + 1);
    expect(await second.stop()).toBe(0);

    // Another restart finds nothing left to record.
    const third = await startNode({ NODE_TARGET: target, NODE_CLOCK_OFFSET_MS: String(offset) });
    nodes.push(third);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await readClockEvents(third.url)).map((c) => c.seq)).toEqual(recorded.map((c) => c.seq));
  });
});
