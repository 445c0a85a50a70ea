// The monthly summary and its drill-downs come from one report: the summary names the instant it describes (`asOf`)
// and a drill-down asks for the report as of that instant. It is kept per organisation, month and instant, so a
// drill-down reuses the summary's result (no refold of every history per click); when it is gone (evicted, another
// node, a restart) it is built again as of the same instant from the events up to it, which lists the same cases.
import type { DbOrTx } from '../db/connect';
import { buildMonthlyReport, type MonthlyReport } from './monthly';

/** How long the head's overview reuses the latest report of a month. */
const REUSE_MS = 10 * 60_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, Promise<MonthlyReport>>();
/** The instant of the latest report per organisation and month. */
const latest = new Map<string, number>();

interface Options {
  db: DbOrTx;
  organisationId: string;
  month: string;
}

const monthKey = (o: Options) => `${o.organisationId}|${o.month}`;

/** The report of the month as of `asOf`: the one built then, or the same built again. */
export function monthlyReportAsOf(o: Options & { asOf: number }): Promise<MonthlyReport> {
  const key = `${monthKey(o)}|${o.asOf}`;
  const hit = entries.get(key);
  if (hit) return hit;
  const report = buildMonthlyReport({
    db: o.db,
    organisationId: o.organisationId,
    month: o.month,
    now: o.asOf,
    asOfNow: true,
  });
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, report);
  const previous = latest.get(monthKey(o));
  if (previous === undefined || previous < o.asOf) latest.set(monthKey(o), o.asOf);
  // A failed computation is not reused.
  report.catch(() => entries.delete(key));
  return report;
}

/** The latest report of the month if it is recent (at most 10 minutes old at `now`), else one as of `now`: for views
 *  that show a month's figures beside other things (the head's overview) without a drill-down of their own. */
export function recentMonthlyReport(o: Options & { now: number }): Promise<MonthlyReport> {
  const at = latest.get(monthKey(o));
  const fresh = at !== undefined && o.now - at >= 0 && o.now - at < REUSE_MS;
  return monthlyReportAsOf({ ...o, asOf: fresh ? at : o.now });
}

/** Forgets every kept report (as a restart or another node would not have them). */
export function forgetMonthlyReports(): void {
  entries.clear();
  latest.clear();
}
