// Reading an import file as people make them: Excel's CSV in UTF-8 with or without a BOM, or in Windows-1251
// (Russian Excel's "CSV (разделители — запятые)"), with ';' or ',' or a tab between fields; parsed by csv-parse
// (quotes, doubled quotes, line breaks inside quotes), each record keeping the line it starts on.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { z } from 'zod';

export interface CsvRecord {
  line: number;
  fields: string[];
}

export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1251';

/** Decodes the bytes of an import file: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else 1251. */
export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}

/** The delimiter of the header line: whichever of ';', ',' and tab occurs most outside quotes (';' on a tie). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    /** The CSV reader's own words. */
    readonly detail: string,
  ) {
    super(`CSV: ${detail}`);
  }
}

const zRows = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let rows: z.infer<typeof zRows>;
  try {
    // csv-parse's types do not follow `info: true`; the shape is checked instead of assumed.
    rows = zRows.parse(
      parse(text, {
        delimiter: detectDelimiter(text),
        relax_column_count: true,
        skip_empty_lines: false,
        info: true,
      }),
    );
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new CsvSyntaxError(line, (error as Error).message);
  }
  const out: CsvRecord[] = [];
  let previousEnd = 0;
  for (const { record, info } of rows) {
    const start = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length === 1 && record[0] === '') continue; // an empty line
    out.push({ line: start, fields: record });
  }
  return out;
}
