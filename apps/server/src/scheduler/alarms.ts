// The next instant a case needs the scheduler: the earliest unrecorded at-risk or breach moment of its open clocks,
// kept in clock_alarms. Refreshed after every committed change and rebuilt in full when a node starts leading.
import { type CaseState, computeClocks, type DomainContext, firstBreachedInstant } from '@otklik/domain';
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { loadOrganisationRules } from '../cases/domain-context';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import type { SqlValue } from '../db/template-statement';
import { clockAlarms } from './schema';

export type ClockAction = { kind: 'at-risk' | 'breached'; clockId: string; at: number };

/** Every at-risk and breach moment not yet recorded, in time order; `at` is the true instant of each. */
export function pendingActions(state: CaseState, ctx: DomainContext, now: number): ClockAction[] {
  const actions: ClockAction[] = [];
  for (const clock of computeClocks(state, ctx.profile, ctx.calendar, now).active) {
    const record = state.clocks.find((r) => r.id === clock.id);
    if (!record || record.breachedAt !== null) continue;
    if (record.atRiskAt === null) actions.push({ kind: 'at-risk', clockId: clock.id, at: clock.atRiskAt });
    // The domain's first breached instant after the due instant (or after the re-categorisation that moved the
    // deadline into the past, never earlier).
    actions.push({ kind: 'breached', clockId: clock.id, at: firstBreachedInstant(clock.breachAt) });
  }
  return actions.sort((a, b) => a.at - b.at || (a.kind === 'at-risk' ? -1 : 1));
}

export function nextAlarmAt(state: CaseState, ctx: DomainContext, now: number): number | null {
  return pendingActions(state, ctx, now)[0]?.at ?? null;
}

interface CaseRow {
  id: string;
  organisationId: string;
  version: number;
  isOpen: boolean;
  state: unknown;
}

/** Writes the alarms of several cases in two statements; null = the case needs none. */
async function writeAlarms(db: DbOrTx, items: readonly { row: CaseRow; fireAt: number | null }[]): Promise<void> {
  const clear = items.filter((i) => i.fireAt === null || !i.row.isOpen);
  const set = items.filter((i) => i.fireAt !== null && i.row.isOpen);
  if (clear.length > 0) {
    // A computation from an older version of the case never removes one from a newer version.
    const pairs = sql.join(
      clear.map((i) => sql`(${clockAlarms.caseId} = ${i.row.id} and ${clockAlarms.caseVersion} <= ${i.row.version})`),
      sql` or `,
    );
    await db.delete(clockAlarms).where(sql`(${pairs})`);
  }
  if (set.length > 0) {
    await db
      .insert(clockAlarms)
      .values(
        set.map((i) => ({
          caseId: i.row.id,
          organisationId: i.row.organisationId,
          fireAt: alarmInstant(i.fireAt as number),
          caseVersion: i.row.version,
        })),
      )
      .onConflictDoUpdate({
        target: clockAlarms.caseId,
        set: { fireAt: sql`excluded.fire_at`, caseVersion: sql`excluded.case_version` },
        // …nor replaces it.
        setWhere: sql`${clockAlarms.caseVersion} <= excluded.case_version`,
      });
  }
}

/** An alarm's instant as written: rounded up to whole milliseconds. A Date keeps whole milliseconds and drops the
 *  fraction: an alarm at 24,862.4 ms stored as 24,862 fired a pass at 24,862 that found nothing due yet, so the case
 *  looked stuck and waited a minute (CI, issue 11). Never earlier than the instant it stands for. */
export const alarmInstant = (fireAt: number): Date => new Date(Math.ceil(fireAt));

/**
 * The alarm of one case at `version` as one data-modifying statement to embed (a case command's `WITH`), run only
 * when `onlyIf` holds: the same rules as `writeAlarms` — the instant `at` (`alarmInstant`, as ISO text; null clears
 * the alarm), and a computation from an older version never replacing or removing a newer one. The values may be
 * placeholders (the command's write is built once per form, db/template-statement.ts).
 */
export function alarmWriteSql(
  c: { id: SqlValue<string>; organisationId: SqlValue<string>; version: SqlValue<number> },
  at: SqlValue<string> | null,
  onlyIf: SQL,
): SQL {
  if (at === null) {
    return sql`delete from clock_alarms
       where case_id = ${c.id}::uuid and case_version <= ${c.version}::int and ${onlyIf}
      returning 1`;
  }
  return sql`insert into clock_alarms (case_id, organisation_id, fire_at, case_version)
      select ${c.id}::uuid, ${c.organisationId}::uuid, ${at}::timestamptz, ${c.version}::int where ${onlyIf}
      on conflict (case_id) do update set fire_at = excluded.fire_at, case_version = excluded.case_version
       where clock_alarms.case_version <= excluded.case_version
      returning 1`;
}

/** Sets (or clears, fireAt null) the alarms of several cases at their versions, in one or two statements. */
export async function writeAlarmsOf(
  db: DbOrTx,
  items: readonly { id: string; organisationId: string; version: number; fireAt: number | null }[],
): Promise<void> {
  if (items.length === 0) return;
  await writeAlarms(
    db,
    items.map((i) => ({
      row: { id: i.id, organisationId: i.organisationId, version: i.version, isOpen: i.fireAt !== null, state: null },
      fireAt: i.fireAt,
    })),
  );
}

const caseColumns = {
  id: cases.id,
  organisationId: cases.organisationId,
  version: cases.version,
  isOpen: cases.isOpen,
  state: cases.state,
};

export async function refreshAlarm(db: DbOrTx, caseId: string, now: number): Promise<void> {
  const [row] = await db.select(caseColumns).from(cases).where(eq(cases.id, caseId));
  if (!row) return;
  const state = row.state;
  // A case keeps the profile it was registered under.
  const ctx = row.isOpen ? await loadOrganisationRules(db, row.organisationId, state.profileId) : null;
  await writeAlarms(db, [{ row, fireAt: ctx ? nextAlarmAt(state, ctx, now) : null }]);
}

const PAGE = 500;

/** Recomputes the alarm of every open case (in pages), e.g. after a restart or a crash between commit and refresh. */
export async function rebuildAlarms(db: DbOrTx, now: number): Promise<number> {
  const contexts = new Map<string, Promise<DomainContext>>();
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const page = await db
      .select(caseColumns)
      .from(cases)
      .where(and(eq(cases.isOpen, true), gt(cases.id, after)))
      .orderBy(asc(cases.id))
      .limit(PAGE);
    const items: { row: CaseRow; fireAt: number | null }[] = [];
    for (const row of page) {
      const state = row.state;
      const key = `${row.organisationId}|${state.profileId ?? ''}`;
      let ctx = contexts.get(key);
      if (!ctx) {
        ctx = loadOrganisationRules(db, row.organisationId, state.profileId);
        contexts.set(key, ctx);
      }
      items.push({ row, fireAt: nextAlarmAt(state, await ctx, now) });
    }
    // One upsert per page: 10,000 open cases cost 20 statements, and requests get the database in between.
    await writeAlarms(db, items);
    total += page.length;
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) break;
    after = last.id;
  }
  // Alarms of cases closed by a node that crashed before refreshing them.
  await db
    .delete(clockAlarms)
    .where(inArray(clockAlarms.caseId, db.select({ id: cases.id }).from(cases).where(eq(cases.isOpen, false))));
  return total;
}
