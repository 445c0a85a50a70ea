// The monthly summary of one organisation: loads the histories, folds them with the organisation's rules and
// returns the summary with the names of its people and departments. Shared by the tRPC router and the CLI.
import {
  type MonthlySummary,
  monthRange,
  type Profile,
  parseMonth,
  previousMonth,
  summariseMonth,
} from '@otklik/domain';
import { inArray } from 'drizzle-orm';
import { loadOrganisationRules, loadProfile } from '../cases/domain-context';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import { calendarRefused } from '../errors/app-error';
import { loadHistories } from './histories';
import { type Directory, loadDirectory } from './names';

export interface MonthlyReport {
  readonly organisationId: string;
  /** The instant the summary describes (its `now`): a report built again as of it lists the same cases. */
  readonly asOf: number;
  readonly summary: MonthlySummary;
  readonly directory: Directory;
  /** Numbers of the cases the summary lists by id (the most overdue), for people to recognise them. */
  readonly caseNumbers: Record<string, number>;
}

export function checkMonth(month: string): string {
  const p = parseMonth(month);
  if (!p.ok) throw calendarRefused(p.error);
  return month.trim();
}

export async function buildMonthlyReport(options: {
  db: DbOrTx;
  organisationId: string;
  month: string;
  now: number;
  /** Only the events up to `now` (a report that must list the same cases when built again later). */
  asOfNow?: boolean;
}): Promise<MonthlyReport> {
  const { db, organisationId, now } = options;
  const month = checkMonth(options.month);
  const rules = await loadOrganisationRules(db, organisationId);
  const current = monthRange(month, rules.timeZone);
  const previous = monthRange(previousMonth(month), rules.timeZone);
  const [histories, directory] = await Promise.all([
    loadHistories(db, organisationId, {
      from: previous.start,
      to: current.end,
      ...(options.asOfNow ? { upTo: now } : {}),
    }),
    loadDirectory(db, organisationId),
  ]);
  // Cases keep the profile they were registered under; load each distinct one once.
  const profiles = new Map<string, Profile>([[rules.profile.id, rules.profile]]);
  for (const events of histories) {
    const first = events[0];
    const id = first?.type === 'case-registered' ? first.profileId : null;
    if (id && !profiles.has(id)) {
      profiles.set(id, await loadProfile(db, organisationId, id).catch(() => rules.profile));
    }
  }
  const summary = summariseMonth({
    histories,
    month,
    timeZone: rules.timeZone,
    calendar: rules.calendar,
    profileFor: (id) => (id ? (profiles.get(id) ?? rules.profile) : rules.profile),
    now,
  });
  const topIds = summary.topOverdue.map((c) => c.caseId);
  const numbered = topIds.length
    ? await db.select({ id: cases.id, number: cases.number }).from(cases).where(inArray(cases.id, topIds))
    : [];
  return {
    organisationId,
    asOf: now,
    summary,
    directory,
    caseNumbers: Object.fromEntries(numbered.map((c) => [c.id, c.number])),
  };
}
