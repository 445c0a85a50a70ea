// Reads a V8 .cpuprofile (node --cpu-prof) and sums where the time went: self time per function and per area (the
// package or source folder a function lives in), so a load run can say what grows without opening DevTools.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  readonly name: string;
  readonly ms: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time by area: a package (`drizzle-orm`, `@electric-sql/pglite`), a folder of our sources, or V8 itself. */
  readonly areas: ProfileShare[];
  readonly functions: ProfileShare[];
  /** Inclusive time of our own source functions (self + callees), the most expensive first. */
  readonly inclusive: ProfileShare[];
}

/** The area of a script URL: `node_modules/.pnpm/<pkg>@…/node_modules/<pkg>/…` → <pkg>; our sources by folder. */
export function areaOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    return '(native)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node:internal';
  const src = /\/(apps|packages|tests)\/([^/]+)\/(?:src\/)?([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]}/${src[3]}`;
  return url;
}

/** Our own files by path below the package (`domain/src/calendar/zone.ts`), others by area. */
function placeOf(url: string, area: string): string {
  const ours = /\/(?:apps|packages|tests)\/(.+)$/.exec(url);
  return ours && !url.includes('/node_modules/') ? (ours[1] ?? area) : area;
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    if (area === '(idle)') continue;
    total += us;
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${placeOf(url, area)}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    // Inclusive time of our own functions: each sample counts once for every distinct one on its stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || !/\/(apps|packages)\//.test(frame.url) || frame.url.includes('/node_modules/')) continue;
      const key = `${frame.functionName || '(anonymous)'} ${placeOf(frame.url, areaOf(frame.url, frame.functionName))}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const shares = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: total ? (100 * us) / total : 0 }));
  return { totalMs: total / 1000, areas: shares(areas), functions: shares(functions), inclusive: shares(inclusive) };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const rows = (title: string, xs: ProfileShare[]) => [
    title,
    ...xs.map((x) => `  ${x.percent.toFixed(1).padStart(5)} %  ${x.ms.toFixed(0).padStart(7)} ms  ${x.name}`),
  ];
  return [
    `CPU profile: ${summary.totalMs.toFixed(0)} ms of samples (idle excluded)`,
    ...rows('By area (self time):', summary.areas),
    ...rows('Hottest functions (self time):', summary.functions),
    ...rows('Our functions (inclusive):', summary.inclusive),
  ].join('\n');
}

// `tsx tests/load/profile-summary.ts <file.cpuprofile>` prints the summary of a profile taken by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx tests/load/profile-summary.ts <file.cpuprofile>\n');
    process.exit(2);
  }
  process.stdout.write(`${formatProfileSummary(summariseProfile(file))}\n`);
}
