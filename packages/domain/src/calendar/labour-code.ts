// The federal status of every date of a year: from decree data when we have it, else from the Labour Code
// (art. 112 holidays and their moves, art. 95 shortened pre-holiday days). Independent of any organisation.

import { dayNumber, isoWeekday, parseIsoDate } from './dates';
import { ART_112_DATES, type ImportedCalendarYear } from './imported-year';
import { LABOUR_CODE_SOURCE, PRODUCTION_CALENDAR } from './production-calendar';

export type FederalKind = 'holiday' | 'transferred-day-off' | 'working-weekend';

export interface FederalYear {
  readonly year: number;
  readonly confirmed: boolean;
  readonly source: string;
  /** Special days by day number; dates not listed are ordinary (working on Mon–Fri, weekend on Sat–Sun). */
  readonly kinds: ReadonlyMap<number, FederalKind>;
  /** Day numbers of shortened pre-holiday working days. */
  readonly shortened: ReadonlySet<number>;
}

const cache = new Map<number, FederalYear>();

/**
 * The federal-status lookup of one calendar: imported years first (they are newer than the shipped decrees),
 * then the decrees shipped in code, then the Labour Code fallback.
 */
export function federalYears(imported: readonly ImportedCalendarYear[] = []): (year: number) => FederalYear {
  if (imported.length === 0) return federalYear;
  const own = new Map<number, FederalYear>();
  for (const data of imported) own.set(data.year, fromImported(data));
  return (year) => own.get(year) ?? federalYear(year);
}

/** Federal status of a year from the shipped data, cached (it never changes at run time). */
export function federalYear(year: number): FederalYear {
  let fy = cache.get(year);
  if (!fy) {
    fy = PRODUCTION_CALENDAR[year] ? fromDecree(year) : fromLabourCode(year);
    cache.set(year, fy);
  }
  return fy;
}

function fromDecree(year: number): FederalYear {
  const data = PRODUCTION_CALENDAR[year]!;
  const kinds = new Map<number, FederalKind>();
  for (const d of data.holidays) kinds.set(parseIsoDate(d), 'holiday');
  for (const t of data.transferredDaysOff) kinds.set(parseIsoDate(t.date), 'transferred-day-off');
  for (const d of data.workingWeekendDays) kinds.set(parseIsoDate(d), 'working-weekend');
  return {
    year,
    confirmed: true,
    source: data.source,
    kinds,
    shortened: new Set(data.shortenedDays.map(parseIsoDate)),
  };
}

/** Art. 112 holidays of a year as day numbers (Jan 1–8, Feb 23, Mar 8, May 1, May 9, Jun 12, Nov 4). */
function art112Holidays(year: number): number[] {
  return ART_112_DATES.map(([m, d]) => dayNumber(year, m, d));
}

const isWeekend = (dn: number): boolean => isoWeekday(dn) >= 6;

/**
 * An imported year lists every day off; the kinds are read from it: an art. 112 date is a holiday, any other
 * weekday off a transferred day off, and a Saturday or Sunday not listed a working weekend day.
 */
function fromImported(data: ImportedCalendarYear): FederalYear {
  const kinds = new Map<number, FederalKind>();
  const holidays = new Set(art112Holidays(data.year));
  const off = new Set(data.daysOff.map(parseIsoDate));
  for (const dn of off) {
    if (holidays.has(dn)) kinds.set(dn, 'holiday');
    else if (!isWeekend(dn)) kinds.set(dn, 'transferred-day-off');
  }
  for (let dn = dayNumber(data.year, 1, 1); dn < dayNumber(data.year + 1, 1, 1); dn++) {
    if (isWeekend(dn) && !off.has(dn)) kinds.set(dn, 'working-weekend');
  }
  return {
    year: data.year,
    confirmed: true,
    source: data.source,
    kinds,
    shortened: new Set(data.shortenedDays.map(parseIsoDate)),
  };
}

function fromLabourCode(year: number): FederalYear {
  const kinds = new Map<number, FederalKind>();
  const holidays = art112Holidays(year);
  for (const h of holidays) kinds.set(h, 'holiday');
  // Art. 112 part 2: a holiday on a day off moves to the next working day — except the January ones,
  // which only a Government decree can move.
  for (const h of holidays) {
    if (h < dayNumber(year, 2, 1) || !isWeekend(h)) continue;
    let t = h + 1;
    while (isWeekend(t) || kinds.has(t)) t++;
    kinds.set(t, 'transferred-day-off');
  }
  // Art. 95: the working day immediately before a non-working holiday is one hour shorter. Dec 31 counts
  // for next year's Jan 1; Jan 1's own eve belongs to the previous year.
  const shortened = new Set<number>();
  for (const h of [...holidays.slice(1), dayNumber(year + 1, 1, 1)]) {
    const eve = h - 1;
    if (!isWeekend(eve) && !kinds.has(eve)) shortened.add(eve);
  }
  return { year, confirmed: false, source: LABOUR_CODE_SOURCE, kinds, shortened };
}
