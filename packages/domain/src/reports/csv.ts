// CSV that Excel opens with Cyrillic intact: UTF-8 with a byte-order mark, CRLF lines, RFC 4180 quoting. The
// default delimiter is ';' and decimals use a comma, as a Russian-locale Excel expects (with ',' it shows one column).

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** ';' (default, Russian Excel) or ','. */
  readonly delimiter?: ';' | ',';
  /** Prefix the UTF-8 byte-order mark (default true). */
  readonly bom?: boolean;
}

export const BOM = '\uFEFF';

function cell(value: CsvCell, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' ? (delimiter === ';' ? String(value).replace('.', ',') : String(value)) : value;
  // A leading =, +, - or @ would make Excel run the cell as a formula (CSV injection); quote and prefix it.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const needsQuotes = safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim();
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const body = rows.map((r) => r.map((v) => cell(v, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}\r\n`;
}
