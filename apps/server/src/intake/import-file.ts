// The JSON/CSV import behind `otklik import`: parses a file into numbered records, delivers each through the
// same idempotent intake as the HTTP endpoint, and reports per line what happened.
import { firstInputIssue } from '@otklik/domain';
import type { ServerDeps } from '../deps';
import { CsvSyntaxError, parseCsv } from './csv';
import { intakeMessage, zIntakeMessage } from './message';
import { ISO_WITH_OFFSET, parsePostedAt } from './posted-at';

export interface ParseOptions {
  /** The organisation's IANA time zone: local times in the file are read in it. */
  readonly timeZone: string;
}

/** A posting time given as local time becomes epoch ms in the organisation's zone; a bad one is the line's error. */
function localPostedAt(value: unknown, timeZone: string): { value?: unknown; error?: string } {
  if (typeof value !== 'string' || ISO_WITH_OFFSET.test(value.trim())) return { value };
  const parsed = parsePostedAt(value, timeZone);
  return parsed.ok ? { value: parsed.at } : { error: `posted_at: ${parsed.error}` };
}

export interface ImportRecord {
  /** Line of the file (JSON array: the element's position, 1-based). */
  line: number;
  value?: unknown;
  error?: string;
}

export interface ImportReport {
  total: number;
  created: number;
  existing: number;
  errors: { line: number; message: string }[];
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
    if (error instanceof CsvSyntaxError) return [{ line: error.line, error: error.message }];
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = ['network', 'external_id', 'url', 'author', 'text'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return [{ line: header.line, error: `нет столбцов / missing columns: ${missing.join(', ')}` }];
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
      return [{ line: 1, error: `файл — не JSON / not valid JSON: ${(error as Error).message}` }];
    }
    if (!Array.isArray(items)) return [{ line: 1, error: 'ожидается массив / an array was expected' }];
    return items.map((value: unknown, i) => ({ line: i + 1, value }));
  }
  // NDJSON: one message per line, so one bad line does not hide the others.
  return text.split(/\r?\n/).flatMap((raw, i): ImportRecord[] => {
    if (raw.trim() === '') return [];
    try {
      return [{ line: i + 1, value: JSON.parse(raw) as unknown }];
    } catch {
      return [{ line: i + 1, error: 'строка — не JSON / the line is not valid JSON' }];
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
      report.errors.push({ line: record.line, message: record.error });
    } else {
      const parsed = zIntakeMessage.safeParse(record.value);
      if (!parsed.success) {
        const issue = firstInputIssue(parsed.error);
        const where = issue?.path ? `${issue.path}: ` : '';
        report.errors.push({ line: record.line, message: `${where}${issue?.message ?? 'неверные данные'}` });
      } else {
        try {
          const result = await intakeMessage(deps, organisationId, parsed.data);
          if (result.created) report.created++;
          else report.existing++;
        } catch (error) {
          report.errors.push({ line: record.line, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    onProgress(i + 1, records.length);
  }
  return report;
}
