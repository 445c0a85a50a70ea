// Benchmark (not a test): repeat suggestions on 100,000 synthetic Russian messages — index build time and the
// latency of one `candidates` query (what the case workspace waits for when a message is registered).
// Run: pnpm bench (root), or tsx tests/bench/repeats.bench.ts [--json]

import { RepeatIndex } from '@otklik/domain';
import { emit } from './output';

const N = 100_000;
const QUERIES = 2_000;

// A deterministic generator (mulberry32) so every run indexes the same texts.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const TOPICS = [
  'дороги',
  'ЖКХ',
  'мусор',
  'освещение',
  'транспорт',
  'здравоохранение',
  'образование',
  'благоустройство',
];
const PLACES = Array.from({ length: 60 }, (_, i) => `населённый пункт ${i}`);
const STREETS = ['Ленина', 'Садовая', 'Мира', 'Школьная', 'Победы', 'Советская', 'Молодёжная', 'Центральная', 'Лесная'];
const PROBLEMS = [
  'огромная яма на дороге',
  'не горят фонари',
  'не вывозят мусор уже неделю',
  'нет горячей воды',
  'автобус не приходит по расписанию',
  'в поликлинике нет записи к врачу',
  'упало дерево на провода',
  'течёт крыша в подъезде',
  'собаки без хозяина у школы',
  'не чистят снег во дворе',
];
const TAILS = [
  'Сколько можно?',
  'Примите меры!',
  'Когда это закончится?',
  'Просим разобраться.',
  'Жалуемся уже не первый раз.',
  '',
];

const text = () =>
  `Здравствуйте! На улице ${pick(STREETS)}, дом ${1 + Math.floor(rand() * 80)}: ${pick(PROBLEMS)}. ${pick(TAILS)}`;

const docs = Array.from({ length: N }, (_, i) => ({
  caseId: `c${i}`,
  at: i * 60_000,
  author: { name: `Житель ${Math.floor(rand() * 30_000)}` },
  text: text(),
  topic: pick(TOPICS),
  location: pick(PLACES),
}));

const index = new RepeatIndex();
let t0 = performance.now();
for (const d of docs) index.add(d);
const buildMs = performance.now() - t0;

const queries = Array.from({ length: QUERIES }, (_, i) => ({
  caseId: `q${i}`,
  at: N * 60_000,
  author: { name: `Житель ${Math.floor(rand() * 30_000)}` },
  text: text(),
  topic: pick(TOPICS),
  location: pick(PLACES),
}));
const times: number[] = [];
let found = 0;
for (const q of queries) {
  t0 = performance.now();
  found += index.candidates(q).length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!.toFixed(2);
const mem = process.memoryUsage().heapUsed / 1024 / 1024;

console.log(
  `repeat index: ${N.toLocaleString('en')} cases indexed in ${buildMs.toFixed(0)} ms (heap ${mem.toFixed(0)} MB)`,
);
console.log(
  `candidates(): ${QUERIES} queries, median ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${times.at(-1)!.toFixed(2)} ms; ` +
    `${(found / QUERIES).toFixed(1)} suggestions per query`,
);
emit({
  name: 'repeats-index',
  cases: N,
  queries: QUERIES,
  buildMs: Math.round(buildMs),
  heapMb: Math.round(mem),
  candidatesMedianMs: Number(at(50)),
  candidatesP99Ms: Number(at(99)),
});
