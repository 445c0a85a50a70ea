// Benchmark (not a test): operations per second of the Otklik working-time calendar against the peer library
// dayjs-business-time with the same schedule and the same 2026 days off, plus a cross-check of their results.
// Run: pnpm bench (root), or tsx tests/bench/calendar.bench.ts [--json]

import { createCalendar } from '@otklik/domain';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import dayjsBusinessTime from 'dayjs-business-time';
import { emit } from './output';

dayjs.extend(utc);
dayjs.extend(dayjsBusinessTime);

const ROUNDS = 5;
const OURS_CALLS_PER_ROUND = 1_000_000;
/** The peer is far slower: each of its rounds runs for about this long instead of a fixed count. */
const PEER_ROUND_MS = 400;
const SAMPLE_STARTS = 20_000;
const CROSS_CHECK_SAMPLES = 400;
const MSK_OFFSET_MS = 3 * 3_600_000; // Europe/Moscow is UTC+3 all year, which lets the peer run in UTC mode.

const cal = createCalendar({ timeZone: 'Europe/Moscow' });

// Same schedule for the peer: Mon–Fri 09–13, 14–18.
const day = [
  { start: '09:00:00', end: '13:00:00' },
  { start: '14:00:00', end: '18:00:00' },
];
dayjs.setBusinessTime({
  sunday: null,
  monday: day,
  tuesday: day,
  wednesday: day,
  thursday: day,
  friday: day,
  saturday: null,
});

// Same days off for the peer: every date the production calendar makes a holiday or a transferred day off —
// 2026, plus the neighbouring years that long spans reach (2025 from its decree, 2027 from the art. 112 fallback).
const holidays: string[] = [];
const shortened = new Set<string>();
for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
  const date = new Date(t).toISOString().slice(0, 10);
  const info = cal.dayInfo(date);
  if (info.kind === 'holiday' || info.kind === 'transferred-day-off') holidays.push(date);
  if (info.shortened) shortened.add(date);
}
dayjs.setHolidays(holidays);

/** Deterministic start instants spread over 12.01–30.11.2026 (30 working days from late November reach 2027). */
function startInstants(n: number): Float64Array {
  const lo = Date.parse('2026-01-12T00:00:00+03:00');
  const hi = Date.parse('2026-11-30T00:00:00+03:00');
  const out = new Float64Array(n);
  let seed = 0x2545f491;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    // Whole minutes: the peer works in minutes.
    out[i] = lo + Math.floor((seed / 2 ** 32) * ((hi - lo) / 60_000)) * 60_000;
  }
  return out;
}
const starts = startInstants(SAMPLE_STARTS);

const peerAdd = (from: number, minutes: number): number => {
  const d = dayjs.utc(from + MSK_OFFSET_MS);
  const r = minutes >= 0 ? d.addBusinessMinutes(minutes) : d.subtractBusinessMinutes(-minutes);
  return r.valueOf() - MSK_OFFSET_MS;
};
const peerDiff = (from: number, to: number): number =>
  dayjs.utc(from + MSK_OFFSET_MS).businessMinutesDiff(dayjs.utc(to + MSK_OFFSET_MS));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

let sink = 0;

/** ops/s of `op` over a fixed number of calls, median of ROUNDS after a warm-up round. */
function benchOurs(op: (from: number) => number): number {
  const rates: number[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < OURS_CALLS_PER_ROUND; i++) sink += op(starts[i % SAMPLE_STARTS]!);
    const rate = OURS_CALLS_PER_ROUND / ((performance.now() - t0) / 1000);
    if (r > 0) rates.push(rate);
  }
  return median(rates);
}

/** ops/s of `op` over rounds of about PEER_ROUND_MS each, median of ROUNDS after a warm-up round. */
function benchPeer(op: (from: number) => number): number {
  const rates: number[] = [];
  let i = 0;
  for (let r = 0; r <= ROUNDS; r++) {
    const t0 = performance.now();
    let n = 0;
    let now = t0;
    while (now - t0 < PEER_ROUND_MS) {
      for (let k = 0; k < 16; k++, n++) sink += op(starts[i++ % SAMPLE_STARTS]!);
      now = performance.now();
    }
    if (r > 0) rates.push(n / ((now - t0) / 1000));
  }
  return median(rates);
}

interface Row {
  op: string;
  span: string;
  ours: number;
  peer: number | null;
}

const SPANS: [string, number][] = [
  ['1 h', 60],
  ['1 day (480 min)', 480],
  ['5 days', 5 * 480],
  ['30 working days', 30 * 480],
];

const rows: Row[] = [];
for (const [label, minutes] of SPANS) {
  rows.push({
    op: 'addWorkingMinutes',
    span: label,
    ours: benchOurs((f) => cal.addWorkingMinutes(f, minutes).at),
    peer: benchPeer((f) => peerAdd(f, minutes)),
  });
}
rows.push({
  op: 'addWorkingMinutes (subtract)',
  span: '1 day (−480 min)',
  ours: benchOurs((f) => cal.addWorkingMinutes(f, -480).at),
  peer: benchPeer((f) => peerAdd(f, -480)),
});
rows.push({
  op: 'workingMinutesBetween',
  span: '5 calendar days',
  ours: benchOurs((f) => cal.workingMinutesBetween(f, f + 5 * 86_400_000)),
  peer: benchPeer((f) => peerDiff(f, f + 5 * 86_400_000)),
});
// Operations the peer has no equivalent of (its addBusinessDays keeps the time of day; no Idrinsky rule).
rows.push({
  op: 'addWorkingDays',
  span: '7 working days',
  ours: benchOurs((f) => cal.addWorkingDays(f, 7).at),
  peer: null,
});
rows.push({
  op: 'addCalendarDays',
  span: '8 calendar days',
  ours: benchOurs((f) => cal.addCalendarDays(f, 8).at),
  peer: null,
});
rows.push({
  op: 'addIdrinsky24Hours',
  span: '24 h rule',
  ours: benchOurs((f) => cal.addIdrinsky24Hours(f).at),
  peer: null,
});

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const table = rows.map((r) => ({
  op: r.op,
  span: r.span,
  'ours ops/s': fmt(r.ours),
  'peer ops/s': r.peer === null ? '—' : fmt(r.peer),
  ratio: r.peer === null ? '—' : `${(r.ours / r.peer).toFixed(0)}×`,
}));
console.log(
  `Calendar benchmark — median of ${ROUNDS} rounds (after one warm-up), Europe/Moscow, 2026, node ${process.version}`,
);
console.table(table);

// Cross-check: same inputs through both; the peer knows no shortened days, so samples whose dates span one are
// skipped (nor working Saturdays, but none is reachable: 2025's only one, 01.11.2025, lies before every sample).
const dateOf = (t: number): string => new Date(t + MSK_OFFSET_MS).toISOString().slice(0, 10);
function touchesShortened(a: number, b: number): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  for (let t = lo; dateOf(t) <= dateOf(hi); t += 86_400_000) if (shortened.has(dateOf(t))) return true;
  return false;
}

const agreement: { span: string; compared: number; agreed: number; skipped: number; firstMismatch: string }[] = [];
for (const [label, minutes] of [...SPANS, ['1 day back', -480] as [string, number]]) {
  let compared = 0;
  let agreed = 0;
  let skipped = 0;
  let firstMismatch = '';
  for (let i = 0; i < CROSS_CHECK_SAMPLES; i++) {
    const from = starts[(i * 37) % SAMPLE_STARTS]!;
    const ours = cal.addWorkingMinutes(from, minutes).at;
    if (touchesShortened(from, ours)) {
      skipped++;
      continue;
    }
    const peer = peerAdd(from, minutes);
    compared++;
    if (peer === ours) agreed++;
    else if (!firstMismatch) {
      firstMismatch = `${cal.formatInstant(from)} ${minutes} min: ours ${cal.formatInstant(ours)}, peer ${cal.formatInstant(peer)}`;
    }
  }
  agreement.push({ span: label, compared, agreed, skipped, firstMismatch });
}
console.log('Cross-check against dayjs-business-time (dates with shortened days skipped):');
console.table(
  agreement.map((a) => ({
    span: a.span,
    compared: a.compared,
    skipped: a.skipped,
    'agreement %': a.compared ? ((100 * a.agreed) / a.compared).toFixed(1) : '—',
    'first mismatch': a.firstMismatch || '—',
  })),
);

const minOurs = Math.min(...rows.filter((r) => r.op === 'addWorkingMinutes').map((r) => r.ours));
const minRatio = Math.min(...rows.filter((r) => r.peer !== null).map((r) => r.ours / r.peer!));
console.log(
  `addWorkingMinutes slowest span: ${fmt(minOurs)} ops/s (target ≥ 1,000,000: ${minOurs >= 1e6 ? 'met' : 'NOT met'}); ` +
    `smallest ratio to peer: ${minRatio.toFixed(0)}× (target ≥ 20×: ${minRatio >= 20 ? 'met' : 'NOT met'})`,
);
emit({
  name: 'calendar',
  timeZone: 'Europe/Moscow',
  rounds: ROUNDS,
  operations: rows.map((r) => ({
    op: r.op,
    span: r.span,
    oursPerSecond: Math.round(r.ours),
    peerPerSecond: r.peer === null ? null : Math.round(r.peer),
    ratio: r.peer === null ? null : Math.round(r.ours / r.peer),
  })),
  agreementWithPeer: agreement.map((a) => ({ span: a.span, compared: a.compared, agreed: a.agreed })),
  slowestAddWorkingMinutesPerSecond: Math.round(minOurs),
  smallestRatioToPeer: Math.round(minRatio),
});
if (sink === 42) console.log(''); // keeps the measured results alive
