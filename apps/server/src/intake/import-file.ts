// The JSON/CSV import behind `otklik import`: parses a file into numbered records, delivers each through the
// same idempotent intake as the HTTP endpoint, and reports per line what happened. A line's problem is a key of the
// server's catalogue (or the domain's refusals) and its parameters: the CLI words it in its language.
import type { ServerMessageKey, ServerMessageParams } from '@otklik/contract';
import type { ServerDeps } from '../deps';
import { isAppError } from '../errors/app-error';
import { issueParams } from '../errors/input-issue';
import { CsvSyntaxError, parseCsv } from './csv';
import { intakeMessage, zIntakeMessage } from './message';
import { ISO_WITH_OFFSET, parsePostedAt } from './posted-at';

export interface ParseOptions {
  /** The organisation's IANA time zone: local times in the file are read in it. */
  readonly timeZone: string;
}

/** Why a line was not imported: a catalogue key and its parameters. */
export interface LineProblem {
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
}
const problem = <K extends ServerMessageKey>(key: K, params: ServerMessageParams<K>): LineProblem => ({
  key,
  params: params as Readonly<Record<string, unknown>>,
});

/** A posting time given as local time becomes epoch ms in the organisation's zone; a bad one is the line's error. */
function localPostedAt(value: unknown, timeZone: string): { value?: unknown; error?: LineProblem } {
  if (typeof value !== 'string' || ISO_WITH_OFFSET.test(value.trim())) return { value };
  const parsed = parsePostedAt(value, timeZone);
  return parsed.ok ? { value: parsed.at } : { error: problem('import.posted-at', { value: parsed.value }) };
}

export interface ImportRecord {
  /** Line of the file (JSON array: the element's position, 1-based). */
  line: number;
  value?: unknown;
  error?: LineProblem;
}

export interface ImportReport {
  total: number;
  created: number;
  existing: number;
  errors: { line: number; problem: LineProblem }[];
}

/** Why the intake refused a line: the refusal's own key when it has one. */
function intakeProblem(error: unknown): LineProblem {
  if (isAppError(error) && error.key !== null) return { key: error.key, params: error.params ?? {} };
  return problem('import.failed', { detail: error instanceof Error ? error.message : String(error) });
}

/** CSV columns; `attachments` holds space-separated URLs. */
export const CSV_COLUMNS = [
  'network',
  'external_id',
  'url',
  'author',
  'text',
  'posted_at',
  'visibility',
  'attachments',
];

function fromCsv(text: string, options: ParseOptions): ImportRecord[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return [{ line: error.line, error: problem('import.csv', { detail: error.detail }) }];
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ['network', 'external_id', 'url', 'author', 'text'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return [{ line: header.line, error: problem('import.missing-columns', { columns: missing }) }];
  }
  return rows.map(({ line, fields }) => {
    const get = (name: string) => {
      const i = names.indexOf(name);
      const v = i >= 0 ? fields[i]?.trim() : undefined;
      return v === '' ? undefined : v;
    };
    const postedAt = localPostedAt(get('posted_at'), options.timeZone);
    if (postedAt.error) return { line, error: postedAt.error };
    return {
      line,
      value: {
        network: get('network'),
        externalId: get('external_id'),
        url: get('url'),
        author: get('author'),
        text: fields[names.indexOf('text')] ?? '',
        ...(postedAt.value !== undefined ? { postedAt: postedAt.value } : {}),
        ...(get('visibility') ? { visibility: get('visibility') } : {}),
        attachments: (get('attachments') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((url) => ({ url })),
      },
    };
  });
}

/** JSON lines may give postedAt in local time too ("01.12.2026 10:00"): read in the organisation's zone. */
function withLocalTimes(records: ImportRecord[], options: ParseOptions): ImportRecord[] {
  return records.map((r) => {
    if (r.error || typeof r.value !== 'object' || r.value === null || !('postedAt' in r.value)) return r;
    const postedAt = localPostedAt(r.value.postedAt, options.timeZone);
    return postedAt.error
      ? { line: r.line, error: postedAt.error }
      : { line: r.line, value: { ...r.value, postedAt: postedAt.value } };
  });
}

function fromJson(text: string): ImportRecord[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let items: unknown;
    try {
      items = JSON.parse(text);
    } catch (error) {
      return [{ line: 1, error: problem('import.not-json', { detail: (error as Error).message }) }];
    }
    if (!Array.isArray(items)) return [{ line: 1, error: problem('import.not-array', {}) }];
    return items.map((value: unknown, i) => ({ line: i + 1, value }));
  }
  // NDJSON: one message per line, so one bad line does not hide the others.
  return text.split(/\r?\n/).flatMap((raw, i): ImportRecord[] => {
    if (raw.trim() === '') return [];
    try {
      return [{ line: i + 1, value: JSON.parse(raw) as unknown }];
    } catch {
      return [{ line: i + 1, error: problem('import.line-not-json', {}) }];
    }
  });
}

export function parseImportFile(text: string, format: 'json' | 'csv', options: ParseOptions): ImportRecord[] {
  return format === 'csv' ? fromCsv(text, options) : withLocalTimes(fromJson(text), options);
}

export async function importRecords(
  deps: ServerDeps,
  organisationId: string,
  records: readonly ImportRecord[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const report: ImportReport = { total: records.length, created: 0, existing: 0, errors: [] };
  for (const [i, record] of records.entries()) {
    if (record.error) {
      report.errors.push({ line: record.line, problem: record.error });
    } else {
      const parsed = zIntakeMessage.safeParse(record.value);
      if (!parsed.success) {
        report.errors.push({
          line: record.line,
          problem: problem('input.invalid', issueParams('message', parsed.error)),
        });
      } else {
        try {
          const result = await intakeMessage(deps, organisationId, parsed.data);
          if (result.created) report.created++;
          else report.existing++;
        } catch (error) {
          report.errors.push({ line: record.line, problem: intakeProblem(error) });
        }
      }
    }
    onProgress(i + 1, records.length);
  }
  return report;
}
