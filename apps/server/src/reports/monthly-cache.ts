// The last monthly summary computed per organisation and month, so a drill-down lists exactly the cases behind the
// number the person is looking at (and does not refold every history on each click). The page's own load always
// recomputes; a drill-down reuses that result for up to 10 minutes.
import type { DbOrTx } from '../db/connect';
import { buildMonthlyReport, type MonthlyReport } from './monthly';

const REUSE_MS = 10 * 60_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, { at: number; report: Promise<MonthlyReport> }>();

interface Options {
  db: DbOrTx;
  organisationId: string;
  month: string;
  now: number;
}

const keyOf = (o: Options) => `${o.organisationId}|${o.month}`;

export function computeMonthlyReport(o: Options): Promise<MonthlyReport> {
  const report = buildMonthlyReport(o);
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(keyOf(o), { at: o.now, report });
  // A failed computation is not reused.
  report.catch(() => entries.delete(keyOf(o)));
  return report;
}

export function recentMonthlyReport(o: Options): Promise<MonthlyReport> {
  const hit = entries.get(keyOf(o));
  if (hit && o.now - hit.at >= 0 && o.now - hit.at < REUSE_MS) return hit.report;
  return computeMonthlyReport(o);
}
