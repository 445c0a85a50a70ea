// Benchmark (not a test): the workflow decider — commands decided and folded per second (decide + evolve), the fold
// alone (events replayed per second) and the SLA clocks of an open case computed per second, on the load harness's
// case life (intake → triage → route → draft → approval → publication) under konyshevsky-2020.
// Median of 5 rounds after a warm-up round. Run: pnpm bench (root), or tsx tests/bench/decider.bench.ts [--json]
import {
  type Actor,
  type CaseEvent,
  computeClocks,
  createCalendar,
  decide,
  evolve,
  getPreset,
  initialState,
  replay,
} from '@otklik/domain';
import { createCorpus } from '../load/corpus';
import { PROFILE_ID, STEP_ROLE, STEPS, stepCommand } from '../load/lifecycle';
import { emit, median, say } from './output';

const ROUNDS = 5;
const CASES = 4_000;
/** Minutes after detection of each step: a brisk pace, inside the clocks. */
const STEP_AFTER_MIN = [8, 15, 90, 100, 110];

const profile = getPreset(PROFILE_ID);
if (!profile) throw new Error(`no preset ${PROFILE_ID}`);
const ctx = { profile, calendar: createCalendar({ timeZone: profile.timeZone }) };
const system: Actor = { personId: 'system', roles: ['system'], departmentIds: [] };
const curator: Actor = { personId: 'curator', roles: ['curator'], departmentIds: [] };
const executor: Actor = { personId: 'executor', roles: ['executor'], departmentIds: ['roads'] };
const assignee = { departmentId: 'roads', executorId: 'executor' };
const corpus = createCorpus(7);
// Detection instants on working days of 2026 at 10:00 Moscow, so every step falls inside working time.
const days = Array.from({ length: 400 }, (_, d) => Date.parse('2026-01-12T07:00:00Z') + d * 86_400_000).filter((t) =>
  ctx.calendar.isWorkingTime(t),
);
const plans = Array.from({ length: CASES }, (_, i) => {
  const message = corpus.message();
  const at = days[i % days.length] as number;
  return [
    {
      actor: system,
      at,
      command: {
        type: 'register',
        caseId: `case-${i}`,
        network: message.network,
        link: `https://vk.com/wall-1_${i}`,
        author: { name: message.author },
        text: message.text,
        attachments: [],
        visibility: 'public',
      } as unknown,
    },
    ...STEPS.map((step, k) => ({
      actor: STEP_ROLE[step] === 'curator' ? curator : executor,
      at: at + (STEP_AFTER_MIN[k] as number) * 60_000,
      command: stepCommand(step, message, assignee) as unknown,
    })),
  ];
});

let sink = 0;
const decideRates: number[] = [];
const replayRates: number[] = [];
const clockRates: number[] = [];
for (let r = 0; r <= ROUNDS; r++) {
  let commands = 0;
  const logs: CaseEvent[][] = [];
  const routed = [];
  let t0 = performance.now();
  for (const plan of plans) {
    let state = initialState;
    const log: CaseEvent[] = [];
    for (const { actor, at, command } of plan) {
      const d = decide(state, command, actor, at, ctx);
      if (!d.ok) throw new Error(`${(command as { type: string }).type}: ${d.error.message}`);
      for (const e of d.events) {
        state = evolve(state, e);
        log.push(e);
      }
      commands++;
      if (state.status === 'assigned' && routed.length < logs.length + 1) routed.push({ state, at });
    }
    logs.push(log);
  }
  const decideSeconds = (performance.now() - t0) / 1000;
  if (routed.length !== CASES) throw new Error(`expected every case routed once, got ${routed.length}`);

  let events = 0;
  t0 = performance.now();
  for (const log of logs) {
    sink += replay(log).version;
    events += log.length;
  }
  const replaySeconds = (performance.now() - t0) / 1000;

  // An open case right after routing: its draft and answer clocks run.
  t0 = performance.now();
  for (const { state, at } of routed)
    sink += computeClocks(state, ctx.profile, ctx.calendar, at + 3_600_000).active.length;
  const clockSeconds = (performance.now() - t0) / 1000;
  if (r === 0) continue; // warm-up
  decideRates.push(commands / decideSeconds);
  replayRates.push(events / replaySeconds);
  clockRates.push(routed.length / clockSeconds);
}

const figures = {
  name: 'decider',
  profile: PROFILE_ID,
  cases: CASES,
  commandsPerCase: STEPS.length + 1,
  commandsDecidedAndFoldedPerSecond: Math.round(median(decideRates)),
  eventsReplayedPerSecond: Math.round(median(replayRates)),
  openCaseClocksPerSecond: Math.round(median(clockRates)),
};
const fmt = (n: number) => n.toLocaleString('en-US');
say(
  `Decider benchmark — ${PROFILE_ID}, ${fmt(CASES)} cases × ${figures.commandsPerCase} commands, median of ${ROUNDS} rounds, node ${process.version}`,
);
say(`  decide + evolve:                 ${fmt(figures.commandsDecidedAndFoldedPerSecond)} commands/s`);
say(`  evolve only (replay of the log): ${fmt(figures.eventsReplayedPerSecond)} events/s`);
say(`  computeClocks of an open case:   ${fmt(figures.openCaseClocksPerSecond)} /s`);
emit(figures);
if (sink === 42) say('');
