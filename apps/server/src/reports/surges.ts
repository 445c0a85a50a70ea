// Surges of activity (konyshevsky p.24, krasnoufimsk p.25, NAO p.29): runs the domain detector on the
// organisation's recent messages, stores surges, and alerts the head and the curators once per surge through the
// same notification feed the realtime layer writes. Surges resolve when the rate falls (checked on every run and
// whenever active surges are read).

import type { Notification } from '@otklik/contract';
import {
  type ActiveSurge,
  DEFAULT_SURGE_THRESHOLDS,
  detectSurges,
  type SurgeDimension,
  type SurgeThresholds,
  surgeThresholdsOf,
} from '@otklik/domain';
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { preparedPerDatabase } from '../db/prepared';
import { cases, organisations } from '../db/schema';
import { surges } from '../db/schema-reports';
import { organisationField } from '../directory/organisations';
import { activePeopleWithAnyRole } from '../directory/people';
import { insertNotifications, type NewNotification } from '../notifications/delivery-feed';

const DAY = 86_400_000;

export async function thresholdsOf(db: DbOrTx, organisationId: string): Promise<SurgeThresholds> {
  return surgeThresholdsOf(await organisationField(db, organisationId, 'surgeThresholds'));
}

async function alertsFor(
  db: DbOrTx,
  organisationId: string,
  opened: { dimension: SurgeDimension; value: string; caseIds: readonly string[]; count: number },
  windowMinutes: number,
): Promise<NewNotification[]> {
  // The head (immediately, konyshevsky p.24) and the curators, who link or route the cases behind it.
  const recipients = await activePeopleWithAnyRole(db, organisationId, ['head', 'curator']);
  const numbered = await db
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(inArray(cases.id, [...opened.caseIds]))
    .orderBy(desc(cases.detectedAt));
  // Stored as the catalogue's key: each reader's language counts by its own plural rule.
  const params = {
    dimension: opened.dimension,
    value: opened.value,
    count: opened.count,
    minutes: windowMinutes,
    numbers: numbered.map((c) => c.number),
  };
  return recipients.map((personId) => ({
    organisationId,
    personId,
    caseId: numbered[0]?.id ?? null,
    kind: 'alert-to-head' as const,
    message: { key: 'notification.surge' as const, params },
  }));
}

export interface SurgeRunResult {
  readonly opened: number;
  readonly grown: number;
  readonly resolved: number;
  /** Alerts stored by this run, for the caller to push live once the transaction has committed. */
  readonly alerts: readonly { personId: string; notification: Notification }[];
}

const messageColumns = { caseId: cases.id, at: cases.detectedAt, topic: cases.topic, location: cases.location };

/** A message of the window as detection's first read gives it: only its values count there, never its case. */
interface WindowMessage {
  readonly at: number;
  readonly topic: string | null;
  readonly location: string | null;
}

/** The window's messages that have a topic or a location (the others cannot surge), read through
 *  cases_org_detected_idx. */
async function windowMessages(tx: DbOrTx, organisationId: string, from: number, now: number): Promise<WindowMessage[]> {
  const rows = await tx
    .select({ at: cases.detectedAt, topic: cases.topic, location: cases.location })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        gt(cases.detectedAt, new Date(from)),
        lte(cases.detectedAt, new Date(now)),
        or(isNotNull(cases.topic), isNotNull(cases.location)),
      ),
    );
  return rows.map((r) => ({ at: r.at.getTime(), topic: r.topic, location: r.location }));
}

/** The weeks of history of the values that may surge: those with at least `minCount` messages in the window and
 *  those of the surges still open (cases_org_topic/location_detected_idx). */
async function historyToCheck(
  tx: DbOrTx,
  organisationId: string,
  now: number,
  thresholds: SurgeThresholds,
  active: readonly ActiveSurge[],
  recent: readonly WindowMessage[],
) {
  const windowStart = now - thresholds.windowMinutes * 60_000;
  const since = now - thresholds.baselineWeeks * 7 * DAY - thresholds.windowMinutes * 60_000;
  const wanted: Record<SurgeDimension, Set<string>> = { topic: new Set(), location: new Set() };
  for (const dimension of thresholds.dimensions) {
    const counts = new Map<string, number>();
    for (const r of recent) {
      const value = r[dimension];
      if (value && r.at > windowStart) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const [value, count] of counts) if (count >= thresholds.minCount) wanted[dimension].add(value);
    for (const a of active) if (a.dimension === dimension) wanted[dimension].add(a.value);
  }
  const byValue: SQL[] = [];
  if (wanted.topic.size > 0) byValue.push(inArray(cases.topic, [...wanted.topic]));
  if (wanted.location.size > 0) byValue.push(inArray(cases.location, [...wanted.location]));
  if (byValue.length === 0) return [];
  return tx
    .select(messageColumns)
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), gte(cases.detectedAt, new Date(since)), or(...byValue)));
}

/**
 * The messages detection needs, read through indexes instead of every case of the last weeks: the window first,
 * then the weeks of history of only the values that may surge — those with at least `minCount` messages in the
 * window, and those of the surges still open. detectSurges skips every other value (fewer than minCount in the
 * window and no open surge), and a value it skips stays skipped on a subset of its messages, so the decision is the
 * one all the messages would give.
 */
export async function messagesToCheck(
  tx: DbOrTx,
  organisationId: string,
  now: number,
  thresholds: SurgeThresholds,
  active: readonly ActiveSurge[],
) {
  const recent = await windowMessages(tx, organisationId, now - thresholds.windowMinutes * 60_000, now);
  return historyToCheck(tx, organisationId, now, thresholds, active, recent);
}

/** The window each organisation's thresholds had at its last run on this node: a run reads that much of the window
 *  with its thresholds, in the same statement, before it knows them (the administrator seldom changes them). */
const windowRead = new Map<string, number>();

/** A run's first read, one statement: the thresholds, the surges still open and the messages (with a topic or a
 *  location) of the last `windowMinutes` up to `now`. Built once per database. */
function runReadQuery(db: DbOrTx) {
  return db
    .select({
      thresholds: organisations.surgeThresholds,
      active: sql<unknown>`(select coalesce(json_agg(json_build_object('id', s.id, 'dimension', s.dimension, 'value', s.value, 'caseIds', s.case_ids)), '[]') from surges s where s.organisation_id = "organisations"."id" and s.resolved_at is null)`,
      recent: sql<unknown>`(select coalesce(json_agg(json_build_array((extract(epoch from c.detected_at) * 1000)::float8, c.topic, c.location)), '[]') from cases c where c.organisation_id = "organisations"."id" and c.detected_at > ${sql.placeholder('from')}::timestamptz and c.detected_at <= ${sql.placeholder('now')}::timestamptz and (c.topic is not null or c.location is not null))`,
    })
    .from(organisations)
    .where(eq(organisations.id, sql.placeholder('organisationId')));
}
const preparedRunRead = preparedPerDatabase((db) => runReadQuery(db).prepare('surge_run_read'));

/** What a run decides on: the thresholds, the surges open and the messages that may surge. Usually two statements at
 *  most (the second only when some value may surge); a third when the thresholds now say a longer window than the
 *  one read with them. */
export async function readSurgeRun(db: DbOrTx, organisationId: string, now: number) {
  const readMinutes = windowRead.get(organisationId) ?? DEFAULT_SURGE_THRESHOLDS.windowMinutes;
  const [row] = await preparedRunRead(db).execute({
    organisationId,
    from: new Date(now - readMinutes * 60_000).toISOString(),
    now: new Date(now).toISOString(),
  });
  const thresholds = surgeThresholdsOf(row?.thresholds);
  windowRead.set(organisationId, thresholds.windowMinutes);
  const active = fromJson<ActiveSurge[]>(row?.active ?? '[]');
  const recent =
    thresholds.windowMinutes > readMinutes
      ? await windowMessages(db, organisationId, now - thresholds.windowMinutes * 60_000, now)
      : fromJson<[number, string | null, string | null][]>(row?.recent ?? '[]').map(([at, topic, location]) => ({
          at,
          topic,
          location,
        }));
  const rows = await historyToCheck(db, organisationId, now, thresholds, active, recent);
  return { thresholds, active, rows };
}

/** Runs detection for one organisation at `now` and applies the decision in one transaction. */
export async function runSurgeDetection(db: Db, organisationId: string, now: number): Promise<SurgeRunResult> {
  // Reads first: most messages change no surge, and then no transaction is opened (the writes below are each safe
  // to repeat: an opened surge is unique per value, a grown one keeps the greatest count). The thresholds, the
  // active surges and the window in one statement (this runs on every registration and triage).
  const { thresholds, active, rows } = await readSurgeRun(db, organisationId, now);
  const decision = detectSurges({
    messages: rows.map((r) => ({ caseId: r.caseId, at: r.at.getTime(), topic: r.topic, location: r.location })),
    active,
    thresholds,
    now,
  });
  if (decision.opened.length === 0 && decision.grown.length === 0 && decision.resolved.length === 0) {
    return { opened: 0, grown: 0, resolved: 0, alerts: [] };
  }
  return db.transaction(async (tx) => {
    const at = new Date(now);
    const notices: NewNotification[] = [];
    let opened = 0;
    for (const o of decision.opened) {
      const inserted = await tx
        .insert(surges)
        .values({
          organisationId,
          dimension: o.dimension,
          value: o.value,
          startedAt: at,
          lastSeenAt: at,
          caseIds: [...o.caseIds],
          peakCount: o.count,
          threshold: o.threshold,
          baseline: o.baseline,
        })
        .onConflictDoNothing()
        .returning({ id: surges.id });
      if (inserted.length === 0) continue;
      opened++;
      notices.push(...(await alertsFor(tx, organisationId, o, thresholds.windowMinutes)));
    }
    for (const g of decision.grown) {
      await tx
        .update(surges)
        .set({
          caseIds: [...(active.find((s) => s.id === g.id)?.caseIds ?? []), ...g.addedCaseIds],
          lastSeenAt: at,
          peakCount: sql`greatest(${surges.peakCount}, ${g.count})`,
        })
        .where(eq(surges.id, g.id));
    }
    if (decision.resolved.length > 0) {
      await tx
        .update(surges)
        .set({ resolvedAt: at })
        .where(
          inArray(
            surges.id,
            decision.resolved.map((r) => r.id),
          ),
        );
    }
    const stored = await insertNotifications(tx, notices, now);
    const alerts = stored.map((notification, i) => ({ personId: notices[i]?.personId ?? '', notification }));
    return { opened, grown: decision.grown.length, resolved: decision.resolved.length, alerts };
  });
}

export type SurgeRow = typeof surges.$inferSelect;

/** Active surges (resolving those whose rate fell first), most recent first. */
export async function listActiveSurges(db: Db, organisationId: string, now: number): Promise<SurgeRow[]> {
  await runSurgeDetection(db, organisationId, now);
  return db
    .select()
    .from(surges)
    .where(and(eq(surges.organisationId, organisationId), isNull(surges.resolvedAt)))
    .orderBy(desc(surges.startedAt));
}

export async function listRecentSurges(db: DbOrTx, organisationId: string, since: number): Promise<SurgeRow[]> {
  return db
    .select()
    .from(surges)
    .where(
      and(
        eq(surges.organisationId, organisationId),
        or(isNull(surges.resolvedAt), gte(surges.startedAt, new Date(since))),
      ),
    )
    .orderBy(desc(surges.startedAt))
    .limit(100);
}
