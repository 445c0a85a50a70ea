// Imported production-calendar years: stored once for the whole installation, read by every organisation's
// calendar. The years are cached briefly in memory (they change a few times a year); an import on this node
// clears the cache at once, other nodes see it within the cache's lifetime.
import { bilingualServerMessage, type CalendarFileProblem } from '@otklik/contract';
import { type ImportedCalendarYear, readOpenDataYear, type YearTotals } from '@otklik/domain';
import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { sqlState } from '../db/errors';
import { OpenDataFormatError, parseOpenDataCsv } from './open-data-csv';
import { productionCalendarYears } from './schema';

const CACHE_MS = 10_000;
/** Per database handle: tests and tools may hold several databases in one process. */
const caches = new WeakMap<object, { at: number; years: ImportedCalendarYear[] }>();

export function forgetImportedYears(db: DbOrTx): void {
  caches.delete(db);
}

export async function loadImportedYears(db: DbOrTx, now = Date.now()): Promise<ImportedCalendarYear[]> {
  const cache = caches.get(db);
  if (cache && now - cache.at < CACHE_MS && now >= cache.at) return cache.years;
  let rows: (typeof productionCalendarYears.$inferSelect)[];
  try {
    rows = await db.select().from(productionCalendarYears).orderBy(asc(productionCalendarYears.year));
  } catch (error) {
    // A schema from before the table (the migration tests run commands on one): no imported years.
    if (sqlState(error) === '42P01') return [];
    throw error;
  }
  const years = rows.map((r) => ({
    year: r.year,
    source: r.source,
    daysOff: r.daysOff,
    shortenedDays: r.shortenedDays,
    transferredDaysOff: r.transferredDaysOff,
  }));
  caches.set(db, { at: now, years });
  return years;
}

export interface ImportedYearSummary {
  readonly year: number;
  readonly source: string;
  readonly fileName: string;
  readonly importedAt: number;
  readonly workingDays: number;
  readonly hours40: number;
}

export async function listImportedYears(db: DbOrTx): Promise<ImportedYearSummary[]> {
  const rows = await db.select().from(productionCalendarYears).orderBy(asc(productionCalendarYears.year));
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    fileName: r.fileName,
    importedAt: r.importedAt.getTime(),
    workingDays: r.workingDays,
    hours40: r.hours40,
  }));
}

/** Problems the administrator must fix in the file (worded by the server catalogue), no stack trace. */
export class CalendarImportError extends Error {
  constructor(readonly problems: readonly CalendarFileProblem[]) {
    super(bilingualServerMessage('calendar.file-refused', { problems }));
    this.name = 'CalendarImportError';
  }
}

export interface ImportOutcome {
  readonly year: number;
  readonly totals: YearTotals;
  /** A year imported before was replaced. */
  readonly replaced: boolean;
}

/**
 * Reads an open-data CSV and stores the chosen years (all of a one-row file; with several rows, `years` must
 * name them). Every chosen year is checked first; nothing is stored unless all pass.
 */
export async function importOpenDataCsv(
  db: DbOrTx,
  options: {
    text: string;
    fileName: string;
    years?: readonly number[];
    importedBy?: string | null;
    now: number;
    /** Only read and check the file; store nothing. */
    dryRun?: boolean;
  },
): Promise<ImportOutcome[]> {
  let rows: ReturnType<typeof parseOpenDataCsv>;
  try {
    rows = parseOpenDataCsv(options.text);
  } catch (error) {
    if (error instanceof OpenDataFormatError) throw new CalendarImportError([error.problem]);
    throw error;
  }
  if (rows.length === 0) throw new CalendarImportError([{ code: 'no-years' }]);
  const present = rows.map((r) => r.year);
  let chosen = rows;
  if (options.years && options.years.length > 0) {
    const absent = options.years.filter((y) => !present.includes(y));
    if (absent.length > 0) {
      throw new CalendarImportError([{ code: 'year-absent', absent, present }]);
    }
    chosen = rows.filter((r) => options.years!.includes(r.year));
  } else if (rows.length > 1) {
    throw new CalendarImportError([{ code: 'several-years', present }]);
  }
  const date = new Date(options.now).toISOString().slice(0, 10);
  const source = `Открытые данные: производственный календарь (${options.fileName}, загружен ${date})`;
  const read = chosen.map((row) => ({ row, result: readOpenDataYear(row, source) }));
  const problems = read.flatMap(({ row, result }) =>
    result.ok
      ? []
      : result.issues.map(
          (issue): CalendarFileProblem =>
            ({ ...issue.params, code: issue.code, year: row.year }) as CalendarFileProblem,
        ),
  );
  if (problems.length > 0) throw new CalendarImportError(problems);
  const existing = new Set(
    (await db.select({ year: productionCalendarYears.year }).from(productionCalendarYears)).map((r) => r.year),
  );
  const outcomes: ImportOutcome[] = [];
  if (options.dryRun) {
    return read.flatMap(({ result }) =>
      result.ok ? [{ year: result.year.year, totals: result.totals, replaced: existing.has(result.year.year) }] : [],
    );
  }
  await db.transaction(async (tx) => {
    for (const { result } of read) {
      if (!result.ok) continue;
      const values = {
        source,
        daysOff: [...result.year.daysOff],
        shortenedDays: [...result.year.shortenedDays],
        transferredDaysOff: [...result.year.transferredDaysOff],
        workingDays: result.totals.workingDays,
        hours40: result.totals.hours40,
        fileName: options.fileName,
        importedAt: new Date(options.now),
        importedBy: options.importedBy ?? null,
      };
      await tx
        .insert(productionCalendarYears)
        .values({ year: result.year.year, ...values })
        .onConflictDoUpdate({ target: productionCalendarYears.year, set: values });
      outcomes.push({ year: result.year.year, totals: result.totals, replaced: existing.has(result.year.year) });
    }
  });
  forgetImportedYears(db);
  return outcomes;
}

/** Removes an imported year: its days fall back to the shipped decree or the Labour Code. */
export async function removeImportedYear(db: DbOrTx, year: number): Promise<boolean> {
  const rows = await db
    .delete(productionCalendarYears)
    .where(sql`${productionCalendarYears.year} = ${year}`)
    .returning({ year: productionCalendarYears.year });
  forgetImportedYears(db);
  return rows.length > 0;
}
