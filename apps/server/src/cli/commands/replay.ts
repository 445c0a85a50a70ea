// `otklik replay`: the regulation sandbox. Plays a scenario (JSON lines on stdin) against a preset or a profile file
// through the domain's real decider, without a database, and prints every clock, every breach with whom it is charged
// to and whom to notify, and every holder's share of the case's time.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  createCalendar,
  type DomainError,
  describeIssues,
  getPreset,
  PRESET_IDS,
  type Profile,
  parseProfile,
  profileIssueText,
  type RefusalLang,
  refusalIn,
  Sandbox,
  type SandboxReport,
  sandboxText,
  zScenarioHeader,
} from '@otklik/domain';
import { parseStrict } from '../args';
import { cliLang, say } from '../messages';

export const help = `Usage:
  otklik replay --profile <preset-id | path to a profile JSON> [--json] [--lang ru|en] < scenario.jsonl

Plays one case through the rules of a regulation profile, without a database: the same decider the server
uses, with breaches recorded at the instant they happen (as the server's scheduler does). Prints every clock
that has a limit, in order of start (what started it, when it was due, when it stopped, when it was breached
and who held it), every breach with the party it is charged to and the supervisor a deficiency notice goes to,
and every holder's share of the case's time in working minutes.

Scenario (JSON lines, UTF-8):
  line 1   {"departments":["roads","zhkh"]}
           each department gets one executor; "operator" and "curator" always exist. Optional:
           "topics":[{"name":"Отопление","listed":true}] is the organisation's topic directory (NAO p.16).
  then     one command per line:
           {"at":"<ISO instant with offset>","by":"operator"|"curator"|"<department id>","do":"<command>",…}
           register      category (ordinary|fast-track), high (true|false), topic, place, postedAt, visibility
                         (public|private)
           triage        (category, high, topic, place to change what register said)
           route         departments (ordered list), mode (single|sequential|parallel)
           return        reason                      (by the department)
           reroute       departments, reason         (after a return)
           move          departments, reason         (at any time: parts already sent are kept)
           part          a department's contribution (text optional)
           forward       the curator forwards the chain to its next executor (konyshevsky p.16, NAO p.22.2)
           draft         kind (answer|intermediate|clarification|explanation), evidence (solved|not-confirmed,
                         for a fast-track answer), reason (for an explanation)
           revise-request reason
           approve
           publish
           recategorise  any of category, high, topic, place; reason
           reject        ground (a rejection ground code of the profile)
           close         no more commands; clocks still open stay open

Output with --json, one JSON object per line:
  {"clock":"<step>","holder":"operator"|"curator"|"<department id>","startedAt":"…","dueAt":"…",
   "stoppedAt":"…"|null,"breachedAt":"…"|null}                       one per clock, in order of start
  {"breach":"<step>","at":"…","holder":"…","notify":"<supervisor>"}    one per breach
  {"holders":{"operator":<working minutes>,"curator":…,"<department id>":…}}
Instants are in the profile's time zone with seconds, as \`otklik deadline\` prints them. The supervisor of a
department is "deputy:<department id>" (its supervising deputy); of the curator and the operator
"supervisor:curator" and "supervisor:operator" (the person the organisation names). Without --json the same,
as a readable table.

A refused command prints {"line":N,"error":"…"} (without --json: a line on stderr) and the replay goes on. Every
message (a refused line, the decider's refusals, a bad profile file) is worded in OTKLIK_LANG, Russian by default;
--lang overrides it.

Options:
  --profile <id|path>  a preset (${PRESET_IDS.join(', ')}) or a profile JSON file (a copy of a preset; a file
                       without the clock model may say "basedOn":"<preset id>")
  --json               JSON lines instead of a table
  --lang ru|en         the language of the messages (default OTKLIK_LANG, or ru)
  --help               this text

Exit codes: 0 every line applied; 2 bad options, a bad first line, or any refused line.

Example:
  printf '%s\\n' \\
    '{"departments":["health"]}' \\
    '{"at":"2026-11-24T09:00:00+05:00","by":"operator","do":"register","category":"ordinary"}' \\
    '{"at":"2026-11-24T09:10:00+05:00","by":"curator","do":"triage","topic":"Здравоохранение","place":"Красноуфимск"}' \\
    '{"at":"2026-11-24T09:20:00+05:00","by":"curator","do":"route","departments":["health"]}' \\
    '{"at":"2026-11-24T15:30:00+05:00","by":"health","do":"draft","kind":"answer"}' \\
    '{"at":"2026-11-24T15:55:00+05:00","by":"curator","do":"approve"}' \\
    '{"at":"2026-11-24T16:20:00+05:00","by":"curator","do":"publish"}' \\
  | otklik replay --profile krasnoufimsk-2021 --json`;

const fail = (message: string): number => {
  process.stderr.write(`otklik replay: ${message}\n`);
  return 2;
};

async function loadProfile(spec: string, lang: RefusalLang): Promise<Profile | string> {
  const preset = getPreset(spec);
  if (preset) return preset;
  if (!spec.includes('/') && !spec.includes('\\') && !spec.endsWith('.json')) {
    return say('replay.unknown-profile', { profile: spec, known: PRESET_IDS.join(', ') }, lang);
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(spec, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return say('replay.no-profile-file', { path: spec }, lang);
    const detail = error instanceof SyntaxError ? say('replay.profile-not-json', {}, lang) : String(error);
    return say('replay.unreadable-profile-file', { path: spec, detail }, lang);
  }
  const basedOn =
    data && typeof data === 'object' && typeof (data as { basedOn?: unknown }).basedOn === 'string'
      ? getPreset((data as { basedOn: string }).basedOn)
      : undefined;
  const parsed = parseProfile(data, { base: basedOn ?? null });
  if (!parsed.ok) {
    const problems = parsed.errors.map((e) => `${e.path}: ${profileIssueText(e, lang)}`).join('; ');
    return say('replay.invalid-profile-file', { path: spec, problems }, lang);
  }
  return parsed.profile;
}

function parseJson(line: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(line) };
  } catch {
    return { ok: false };
  }
}

function printJson(report: SandboxReport): void {
  const out: string[] = [];
  for (const c of report.clocks) out.push(JSON.stringify(c));
  for (const b of report.breaches) out.push(JSON.stringify(b));
  out.push(JSON.stringify({ holders: report.holders }));
  process.stdout.write(`${out.join('\n')}\n`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function printTable(report: SandboxReport, lang: RefusalLang): void {
  const parts = [
    say('replay.clocks', {}, lang),
    report.clocks.length === 0
      ? say('replay.no-clocks', {}, lang)
      : table(
          ['clock', 'holder', 'started', 'due', 'stopped', 'breached'],
          report.clocks.map((c) => [c.clock, c.holder, c.startedAt, c.dueAt, c.stoppedAt ?? '—', c.breachedAt ?? '—']),
        ),
    '',
    say('replay.breaches', {}, lang),
    report.breaches.length === 0
      ? say('replay.none', {}, lang)
      : table(
          ['breach', 'at', 'holder', 'notify'],
          report.breaches.map((b) => [b.breach, b.at, b.holder, b.notify ?? '—']),
        ),
    '',
    say('replay.held', {}, lang),
    table(
      ['holder', 'minutes'],
      Object.entries(report.holders).map(([k, v]) => [k, String(v)]),
    ),
  ];
  process.stdout.write(`${parts.join('\n')}\n`);
}

export async function run(argv: string[]): Promise<number> {
  let values: { profile?: string | undefined; json?: boolean | undefined; lang?: string | undefined };
  try {
    values = parseStrict(argv, {
      profile: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.profile === undefined) return fail(say('replay.missing-profile', {}));
  const lang = values.lang ?? cliLang();
  if (lang !== 'ru' && lang !== 'en') return fail(say('replay.bad-lang', { value: lang }));
  const profile = await loadProfile(values.profile, lang);
  if (typeof profile === 'string') return fail(profile);
  const json = values.json === true;
  const refuse = (lineNo: number, reason: string | DomainError) => {
    const error = typeof reason === 'string' ? reason : refusalIn(reason, lang satisfies RefusalLang);
    if (json) process.stdout.write(`${JSON.stringify({ line: lineNo, error })}\n`);
    else process.stderr.write(`${say('line.refused', { line: lineNo, text: error }, lang)}\n`);
  };

  const calendar = createCalendar({ timeZone: profile.timeZone });
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const notJson = sandboxText('scenario.not-json', {}, lang);
  let lineNo = 0;
  let refused = 0;
  let sandbox: Sandbox | null = null;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    const data = parseJson(line);
    if (sandbox === null) {
      const header = data.ok ? zScenarioHeader.safeParse(data.value) : null;
      if (!header?.success) {
        const detail = header ? describeIssues(header.error, lang) : null;
        refuse(lineNo, detail === null ? notJson : sandboxText('scenario.first-line', { detail }, lang));
        return 2;
      }
      sandbox = new Sandbox(profile, calendar, header.data, lang);
      continue;
    }
    const error = data.ok ? sandbox.apply(data.value) : notJson;
    if (error !== null) {
      refused += 1;
      refuse(lineNo, error);
    }
  }
  if (sandbox === null) return fail(sandboxText('scenario.empty', {}, lang));
  const report = sandbox.report();
  if (json) printJson(report);
  else printTable(report, lang);
  return refused > 0 ? 2 : 0;
}
