// The deadline scheduler: at-risk and breach recorded live, once per clock, at their true instants (never before
// them), with the deficiency notice to the supervising deputy; and a breach that fell while no server ran is recorded on
// the next start with its true instant, once, also across another restart.
import type { CaseChange, Notification } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import {
  connect,
  connected,
  eventually,
  registerCase,
  request,
  routeTo,
  signIn,
  signInAll,
  triage,
  useNodes,
} from './support/harness';

// A virtual clock shared by the test and its server processes: Wednesday 25 November 2026, 10:00 in Moscow
// (a working day: the only November holiday is the 4th), so every clock below runs in working time
// (Mon–Fri 09:00–13:00, 14:00–18:00) and working minutes equal wall minutes.
const VIRTUAL_START = Date.parse('2026-11-25T10:00:00+03:00');
const offset = VIRTUAL_START - Date.now();
const virtualNow = () => Date.now() + offset;

/** Signs in the operator and the curator, who register, triage and route a case to the roads executor; its draft
 *  clock then falls due `dueInMs` from now (NAO p.14 lets a curator shorten a term). */
async function caseDueIn(url: string, org: OrgFixture, dueInMs: number) {
  const people = await signInAll(url, { operator: org.people.operator, curator: org.people.curator });
  const theCase = await registerCase(people.operator, 'Не горят фонари');
  await theCase.run(people.operator, triage('свет', 'ул. Мира'));
  const routed = await theCase.run(people.curator, routeTo(org.departments.roads, org.people.roadsExecutor.id));
  // The draft clock (konyshevsky p.11) starts with the routing event.
  const routedAt = routed.events.at(-1)!.payload.at;
  const dueAt = virtualNow() + dueInMs;
  await theCase.run(people.curator, { type: 'shorten-deadline', step: 'draft', dueAt });
  return { caseId: theCase.caseId, routedAt, dueAt, people };
}

const clockEvents = (changes: CaseChange[], caseId: string) =>
  changes.filter((c) => c.caseId === caseId && (c.type === 'clock-at-risk' || c.type === 'clock-breached'));

describe('deadline scheduler', () => {
  const nodes = useNodes();

  it('records at risk and breached live, once each, not before the instant, and notifies the deputy', async () => {
    const node = await nodes.start({ NODE_SEED: '1', NODE_CLOCK_OFFSET_MS: String(offset) });
    const org = node.fixture!.org;
    const deputy = connect(node.url, { cookie: (await signIn(node.url, org.people.deputy.login)).cookie() });
    const curator = connect(node.url, { cookie: (await signIn(node.url, org.people.curator.login)).cookie() });
    const received: { change: CaseChange; at: number }[] = [];
    curator.on('case:changes', (m) => {
      for (const change of m.changes) received.push({ change, at: Date.now() });
    });
    const notices: Notification[] = [];
    deputy.on('notification:new', (n) => notices.push(n));
    await Promise.all([connected(deputy), connected(curator)]);

    // The draft clock falls due 6 s from now.
    const { caseId, routedAt, dueAt } = await caseDueIn(node.url, org, 6_000);
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
    const executor = connect(node.url, { cookie: (await signIn(node.url, org.people.roadsExecutor.login)).cookie() });
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
    const dir = nodes.dataDir('otklik-sched-');
    const target = `pglite:${dir}`;
    // First run without a scheduler: the clock starts, nobody watches it.
    const first = await nodes.start({
      NODE_TARGET: target,
      NODE_SEED: '1',
      NODE_SCHEDULER: '0',
      NODE_CLOCK_OFFSET_MS: String(offset),
    });
    const org = first.fixture!.org;
    const { caseId, routedAt, dueAt, people } = await caseDueIn(first.url, org, 3_000);
    expect(await first.stop()).toBe(0);
    // The server is down while the clock falls due.
    await eventually(() => (virtualNow() > dueAt + 1_000 ? true : undefined));

    const readClockEvents = async (url: string) => {
      const s = connect(url, { cookie: people.curator.cookie() });
      await connected(s);
      const page = await request(s, 'changes:since', { afterSeq: 0 });
      s.disconnect();
      return clockEvents(page.changes, caseId);
    };
    const second = await nodes.start({ NODE_TARGET: target, NODE_CLOCK_OFFSET_MS: String(offset) });
    const recorded = await eventually(async () => {
      const events = await readClockEvents(second.url);
      return events.length >= 2 ? events : undefined;
    }, 10_000);
    expect(recorded.map((c) => c.type)).toEqual(['clock-at-risk', 'clock-breached']);
    expect(Math.abs(recorded[0]!.occurredAt - (dueAt - 0.25 * (dueAt - routedAt)))).toBeLessThanOrEqual(1);
    expect(recorded[1]!.occurredAt).toBe(dueAt + 1);
    expect(await second.stop()).toBe(0);

    // Another restart finds nothing left to record.
    const third = await nodes.start({ NODE_TARGET: target, NODE_CLOCK_OFFSET_MS: String(offset) });
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await readClockEvents(third.url)).map((c) => c.seq)).toEqual(recorded.map((c) => c.seq));
  });
});
