// `otklik deadline`: one deadline from flags, or a stream of JSON-lines requests with --batch.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { installValidationMessages } from '@otklik/contract';
import { describeIssues } from '@otklik/domain';
import { describeParseError } from '../args';
import { computeDeadline, type DeadlineRequest, zDeadlineRequest } from '../deadline-request';
import { cliLang, say } from '../messages';

export const help = `Usage:
  otklik deadline --profile <preset-id> --from <ISO-8601 instant>
                  ( --work-minutes <±N> | --work-days <N> | --calendar-days <N>
                  | --step <step> [--category ordinary|fast-track|high] [--high] ) [--json]
  otklik deadline --batch < requests.jsonl

Computes a deadline in the working time of the profile's organisation (its time zone, the federal
production calendar with holidays, transferred days off, working Saturdays and shortened pre-holiday
days, Mon–Fri 09:00–18:00 with lunch 13:00–14:00).

Options:
  --profile <id>         preset id: konyshevsky-2020, idrinsky-2021, slavgorod-2020, krasnoufimsk-2021, nao-2020
  --from <instant>       start instant with a UTC offset, e.g. 2026-11-24T16:00:00+03:00 (or Z)
  --work-minutes <±N>    add N working minutes (negative subtracts)
  --work-days <N>        counting starts the next day; the end of working time of the N-th working day
  --calendar-days <N>    the end of working time of the N-th calendar day, or of the next working day
  --step <step>          the deadline of a step of the profile's regulation (triage, return, reroute,
                         contribution, answer, draft, approve, revise, publish, final, explain,
                         department-total, fast-track; the steps a preset has are listed when you give
                         one it has not)
  --category <c>         ordinary (default), fast-track or high (= ordinary of high importance) — only
                         with --step
  --high                 high importance (krasnoufimsk p.8.3: a flag on ordinary or fast-track) — only
                         with --step
  --json                 print {"deadline","rule","profile","timeZone","confirmed"} instead of one line
  --batch                read JSON lines from stdin, e.g.
                           {"profile":"nao-2020","from":"2026-11-24T11:00:00+03:00","workMinutes":120}
                         (or workDays / calendarDays / step + category + high) and write one JSON line per
                         request, in order, streaming; a bad line yields {"line":N,"error":"…"} and the
                         rest continue
  --help                 this text

Output: exactly one line, the deadline as ISO-8601 with seconds and the organisation's own UTC offset,
e.g. 2026-11-24T18:00:00+03:00. "confirmed": false (in --json and --batch) means the result depends on
a year with no government decree yet, computed from the Labour Code art. 112 holidays alone.

Exit codes: 0 success; 2 bad input (a one-line message on stderr); in --batch mode 2 when any line was bad.`;

/** Flags whose value is a number, maybe negative: `--work-minutes -240` means minus 240, not a missing value. */
const NUMBER_FLAGS = new Set(['--work-minutes', '--work-days', '--calendar-days']);

/**
 * parseArgs (strict) takes a value that starts with a dash for an option ("ambiguous") unless it is written
 * `--flag=-240`; a number after one of NUMBER_FLAGS is joined to it that way, anything else stays as it was.
 */
export function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (NUMBER_FLAGS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parseIntegerFlag(name: string, value: string | undefined): number | undefined | string {
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value.trim())) return say('deadline.whole-number', { flag: `--${name}`, value });
  return Number(value);
}

function fromFlags(argv: string[]): DeadlineRequest | string {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    // parseArgs calls a value that starts with a dash "ambiguous": here it is a missing value.
    const message = error instanceof Error ? error.message : '';
    const flag = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message)?.[1];
    return flag ? say('deadline.needs-number', { flag }) : describeParseError(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) return say('usage.unexpected-argument', { value: positionals[0] ?? '' });
  if (values.profile === undefined) return say('deadline.missing-profile', {});
  if (values.from === undefined) return say('deadline.missing-from', {});
  const request: Record<string, unknown> = { profile: values.profile, from: values.from };
  for (const [flag, key] of [
    ['work-minutes', 'workMinutes'],
    ['work-days', 'workDays'],
    ['calendar-days', 'calendarDays'],
  ] as const) {
    const n = parseIntegerFlag(flag, values[flag]);
    if (typeof n === 'string') return n;
    if (n !== undefined) request[key] = n;
  }
  if (values.step !== undefined) request.step = values.step;
  if (values.category !== undefined) request.category = values.category;
  if (values.high !== undefined) request.high = values.high;
  const checked = zDeadlineRequest.safeParse(request);
  if (!checked.success)
    return describeIssues(checked.error, cliLang()).replace(/\b(workMinutes|workDays|calendarDays)\b/g, flagName);
  return checked.data;
}

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: joinNegativeNumbers(argv),
    strict: true,
    allowPositionals: true,
    allowNegative: false,
    options: {
      profile: { type: 'string' },
      from: { type: 'string' },
      'work-minutes': { type: 'string' },
      'work-days': { type: 'string' },
      'calendar-days': { type: 'string' },
      step: { type: 'string' },
      category: { type: 'string' },
      high: { type: 'boolean' },
      json: { type: 'boolean' },
      batch: { type: 'boolean' },
    },
  });
}

/**
 * Answers leave in chunks, not one write per line (a write per line was a fifth of the batch's CPU): a chunk goes
 * out when it reaches 64 KB, and whatever is pending as soon as the input pauses, so a request typed or piped one
 * line at a time still gets its answer at once.
 */
function chunkedWriter(stream: NodeJS.WritableStream) {
  let pending: string[] = [];
  let size = 0;
  let scheduled = false;
  const flush = (): boolean => {
    scheduled = false;
    if (pending.length === 0) return true;
    const text = pending.join('');
    pending = [];
    size = 0;
    return stream.write(text);
  };
  return {
    async write(text: string): Promise<void> {
      pending.push(text);
      size += text.length;
      if (size >= 64 * 1024) {
        if (!flush()) await once(stream, 'drain');
      } else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    async end(): Promise<void> {
      if (!flush()) await once(stream, 'drain');
    },
  };
}

async function runBatch(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const out = chunkedWriter(process.stdout);
  let lineNo = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const answer = answerLine(line, lineNo);
    if ('error' in answer) failures += 1;
    await out.write(`${JSON.stringify(answer)}\n`);
  }
  await out.end();
  return failures > 0 ? 2 : 0;
}

function answerLine(line: string, lineNo: number): object {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return { line: lineNo, error: say('deadline.not-json', {}) };
  }
  const checked = zDeadlineRequest.safeParse(data);
  if (!checked.success) return { line: lineNo, error: describeIssues(checked.error, cliLang()) };
  const outcome = computeDeadline(checked.data);
  return outcome.ok ? outcome.answer : { line: lineNo, error: outcome.error };
}

export async function run(argv: string[]): Promise<number> {
  // zod keeps the type a refused value had, so a request's problem reads in Russian as well as in English.
  installValidationMessages();
  if (argv.includes('--batch')) {
    const others = argv.filter((a) => a !== '--batch');
    if (others.length > 0) {
      process.stderr.write(`otklik deadline: ${say('deadline.batch-from-stdin', { value: others[0] ?? '' })}\n`);
      return 2;
    }
    return runBatch();
  }
  const request = fromFlags(argv);
  if (typeof request === 'string') {
    process.stderr.write(`otklik deadline: ${request}\n`);
    return 2;
  }
  const outcome = computeDeadline(request);
  if (!outcome.ok) {
    process.stderr.write(
      `otklik deadline: ${outcome.error.replace(/\b(workMinutes|workDays|calendarDays)\b/g, flagName)}\n`,
    );
    return 2;
  }
  process.stdout.write(
    argv.includes('--json') ? `${JSON.stringify(outcome.answer)}\n` : `${outcome.answer.deadline}\n`,
  );
  return 0;
}
