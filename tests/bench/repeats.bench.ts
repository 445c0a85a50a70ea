// Benchmark (not a test): repeat suggestions on 100,000 synthetic Russian messages — index build time and the
// latency of one `candidates` query (what the case workspace waits for when a message is registered).
// Run: pnpm bench (root), or tsx tests/bench/repeats.bench.ts [--json]

import { RepeatIndex } from '@otklik/domain';
import { createCorpus } from '../load/corpus';
import { emit } from './output';

const N = 100_000;
const QUERIES = 2_000;

// The load harness's synthetic messages (tests/load/corpus.ts), seeded, so every run indexes the same texts.
const corpus = createCorpus(42);
const doc = (caseId: string, at: number) => {
  const m = corpus.message();
  return { caseId, at, author: { name: m.author }, text: m.text, topic: m.topic, location: m.location };
};
const docs = Array.from({ length: N }, (_, i) => doc(`c${i}`, i * 60_000));

const index = new RepeatIndex();
let t0 = performance.now();
for (const d of docs) index.add(d);
const buildMs = performance.now() - t0;

const queries = Array.from({ length: QUERIES }, (_, i) => doc(`q${i}`, N * 60_000));
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
