// The scheduler's pass over due cases, batched: one statement reads every due case with its state, the rules are
// loaded once per organisation and profile, each case's due at-risk and breach records are decided in memory (the
// same decider and projection as any command, each at its true instant), and one transaction writes them all —
// the organisations' advisory locks, the case rows and their events in one statement (each row guarded by its
// version, the events of the rows replaced only), the alarms in one upsert. A case a person changed meanwhile is
// left for the next pass. Issue 15: 200 due cases took 6.5 s one command (and its statements) at a time.
import { type CaseEvent, type CaseState, decide, evolve } from '@otklik/domain';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { partiesOfRow } from '../cases/access';
import { SYSTEM_ACTOR } from '../cases/commands';
import { type CommandContext, loadCommandContext, loadProfile } from '../cases/domain-context';
import { eventRowsJson, newEventRows } from '../cases/event-rows';
import { projectCase } from '../cases/projection';
import { caseRowCells, caseRowShape } from '../cases/row-json';
import { ORGANISATION_EVENTS_LOCK_CLASS } from '../db/advisory-lock';
import type { Tx } from '../db/connect';
import { fromJson, rowsOf } from '../db/driver-values';
import { cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import type { CommittedEvent } from '../events-bus';
import { nextAlarmAt, pendingActions, writeAlarmsOf } from './alarms';
import { clockAlarms } from './schema';

export interface CatchUpResult {
  /** Cases whose alarm was due (read in this pass). */
  readonly due: number;
  /** Cases processed: their records written (or none due after all) and their alarm moved on. */
  readonly done: readonly string[];
  /** Cases a person changed meanwhile: the next pass tries again. */
  readonly retry: readonly string[];
  /** Cases that could not be decided (a broken profile, a bug): the scheduler backs off from them. */
  readonly failed: readonly { caseId: string; error: string }[];
}

interface Planned {
  caseId: string;
  organisationId: string;
  before: number;
  after: CaseState;
  events: CaseEvent[];
  /** The command types decided, for the metrics. */
  commands: string[];
  row: ReturnType<typeof projectCase> | null;
  fireAt: number | null;
  isOpen: boolean;
}

/**
 * The case rows and their events as one statement with two parameters, each a JSON array read into the tables' own
 * column types by PostgreSQL (`json_populate_record`): every row replaced only at the version its records were
 * decided on, and the events of the rows replaced appended in version order. Returns the ids replaced (the others a
 * person changed meanwhile) and the appended events' (seq, case, version). Issue 15: built as 5,600 bound and cast
 * values plus a 720-row insert, drizzle's query building and its garbage were most of a 200-case pass.
 */
async function writeGuarded(
  tx: Tx,
  planned: readonly Planned[],
): Promise<{ matched: Set<string>; seqs: Map<string, number> }> {
  const first = planned[0]?.row;
  if (!first) return { matched: new Set(), seqs: new Map() };
  const shape = caseRowShape(first);
  const rows = planned.map((p) => ({ id: p.caseId, before: p.before, row: caseRowCells(p.row!, shape) }));
  const events = eventRowsJson(
    planned.flatMap((p) =>
      // The scheduler decides as the system: every event is `by: 'system'`, stored without an actor.
      newEventRows({
        caseId: p.caseId,
        organisationId: p.organisationId,
        version: p.before,
        actorId: null,
        events: p.events,
      }),
    ),
  );
  const result = await tx.execute(sql`with written as (
      update "cases" as c set ${shape.set}
        from json_array_elements(${JSON.stringify(rows)}::json) as g(j)
        cross join lateral json_populate_record(null::cases, g.j -> 'row') as v
       where c.id = (g.j ->> 'id')::uuid and c.version = (g.j ->> 'before')::int
      returning c.id),
    appended as (
      insert into case_events (case_id, organisation_id, version, type, actor_id, actor_kind, occurred_at, payload)
      select e.case_id, e.organisation_id, e.version, e.type, e.actor_id, e.actor_kind, e.occurred_at, e.payload
        from json_array_elements(${JSON.stringify(events)}::json) with ordinality as g(j, n)
        cross join lateral json_populate_record(null::case_events, g.j) as e
       where e.case_id in (select id from written)
       order by g.n
      returning seq, case_id, version)
    select (select coalesce(json_agg(w.id), '[]') from written w) as written,
           (select coalesce(json_agg(json_build_array(a.seq, a.case_id, a.version)), '[]') from appended a) as seqs`);
  const [out] = rowsOf<{ written: unknown; seqs: unknown }>(result);
  const seqs = new Map<string, number>();
  for (const [seq, caseId, version] of fromJson<[number | string, string, number][]>(out?.seqs ?? '[]')) {
    seqs.set(`${caseId}|${version}`, Number(seq));
  }
  return { matched: new Set(fromJson<string[]>(out?.written ?? '[]')), seqs };
}

/** Records what fell due in up to `limit` cases (the earliest alarms first), skipping `skip`. */
export async function catchUpDue(
  deps: ServerDeps,
  now: number,
  limit: number,
  skip: (caseId: string) => boolean = () => false,
): Promise<CatchUpResult> {
  const rows = (
    await deps.db
      .select({
        id: cases.id,
        organisationId: cases.organisationId,
        version: cases.version,
        isOpen: cases.isOpen,
        state: cases.state,
        partyDepartmentIds: cases.partyDepartmentIds,
        partyExecutorIds: cases.partyExecutorIds,
      })
      .from(clockAlarms)
      .innerJoin(cases, eq(cases.id, clockAlarms.caseId))
      .where(lte(clockAlarms.fireAt, new Date(now)))
      .orderBy(asc(clockAlarms.fireAt))
      .limit(limit)
  ).filter((r) => !skip(r.id));
  if (rows.length === 0) return { due: 0, done: [], retry: [], failed: [] };

  // Rules and directory once per organisation, the profile once per (organisation, profile).
  const contexts = new Map<string, Promise<CommandContext>>();
  const profiles = new Map<string, Promise<CommandContext['rules']['profile']>>();
  const contextOf = (organisationId: string) => {
    let c = contexts.get(organisationId);
    if (!c) {
      c = loadCommandContext(deps.db, organisationId, null);
      contexts.set(organisationId, c);
    }
    return c;
  };
  const planned: Planned[] = [];
  const failed: { caseId: string; error: string }[] = [];
  const plan = async (r: (typeof rows)[number]): Promise<Planned> => {
    const state = r.state;
    const ctx = await contextOf(r.organisationId);
    const key = `${r.organisationId}|${state.profileId ?? ''}`;
    let profile = profiles.get(key);
    if (!profile) {
      profile = state.profileId
        ? loadProfile(deps.db, r.organisationId, state.profileId)
        : Promise.resolve(ctx.rules.profile);
      profiles.set(key, profile);
    }
    const rules = { ...ctx.rules, profile: await profile };
    let after = state;
    const events: CaseEvent[] = [];
    const commands: string[] = [];
    let at = now;
    if (r.isOpen) {
      for (const action of pendingActions(state, rules, now)) {
        if (action.at > now) break;
        // Recorded at the true instant, also when it fell while no node was running.
        const type = action.kind === 'at-risk' ? 'record-clock-at-risk' : 'record-clock-breached';
        const decision = decide(after, { type, clockId: action.clockId }, SYSTEM_ACTOR, action.at, {
          ...rules,
          directory: ctx.directory,
        });
        // Refused: already recorded, or the clock closed meanwhile.
        if (!decision.ok) continue;
        events.push(...decision.events);
        commands.push(type);
        after = decision.events.reduce(evolve, after);
        at = action.at;
      }
    }
    const parties = partiesOfRow(r);
    const row = events.length > 0 ? projectCase(after, rules.profile, rules.calendar, at, parties) : null;
    const isOpen = row ? row.isOpen : r.isOpen;
    return {
      caseId: r.id,
      organisationId: r.organisationId,
      before: r.version,
      after,
      events,
      commands,
      row,
      isOpen,
      fireAt: isOpen ? nextAlarmAt(after, rules, deps.now()) : null,
    };
  };
  for (const r of rows) {
    try {
      planned.push(await plan(r));
    } catch (error) {
      failed.push({ caseId: r.id, error: String(error) });
    }
  }

  const changing = planned.filter((p) => p.row !== null);
  const retry: string[] = [];
  const committed = await deps.db.transaction(async (tx) => {
    // The organisations' locks (as every command takes them), in one order: seq order stays commit order.
    for (const organisationId of [...new Set(changing.map((p) => p.organisationId))].sort()) {
      await tx.execute(
        sql`select pg_advisory_xact_lock(${ORGANISATION_EVENTS_LOCK_CLASS}, hashtext(${`otklik:case-events:${organisationId}`}))`,
      );
    }
    const { matched, seqs } = await writeGuarded(tx, changing);
    const written: Planned[] = [];
    for (const p of changing) {
      if (matched.has(p.caseId)) written.push(p);
      else retry.push(p.caseId);
    }
    // The alarms of every case read, written or not changed (none due after all, or closed), in one upsert.
    await writeAlarmsOf(
      tx,
      planned
        .filter((p) => !retry.includes(p.caseId))
        .map((p) => ({
          id: p.caseId,
          organisationId: p.organisationId,
          version: p.row ? p.after.version : p.before,
          fireAt: p.isOpen ? p.fireAt : null,
        })),
    );
    return { written, seqs };
  });
  // One announcement per case, its events in order (as one command's would be), in seq order across cases. The
  // events as written: only the sequence numbers come from the database; the payload as the database gives it back
  // (what JSON keeps of the event), as a command announces its own.
  const announced = committed.written.map((p) =>
    p.events.map(
      (event, i): CommittedEvent => ({
        seq: committed.seqs.get(`${p.caseId}|${p.before + i + 1}`) as number,
        caseId: p.caseId,
        organisationId: p.organisationId,
        version: p.before + i + 1,
        type: event.type,
        actorId: null,
        occurredAt: new Date(event.at).getTime(),
        payload: JSON.parse(JSON.stringify(event)),
      }),
    ),
  );
  for (const list of announced.sort((a, b) => (a[0]?.seq ?? 0) - (b[0]?.seq ?? 0))) deps.bus.emitCommitted(list);
  for (const p of changing) {
    if (retry.includes(p.caseId)) deps.metrics.countCommand({ type: p.commands[0] }, 'conflict');
    else for (const type of p.commands) deps.metrics.countCommand({ type }, 'ok');
  }
  return { due: rows.length, done: planned.map((p) => p.caseId).filter((id) => !retry.includes(id)), retry, failed };
}

/** Of `caseIds`, those whose alarm is still due at `now` (something refuses to record it). */
export async function stillDue(deps: ServerDeps, caseIds: readonly string[], now: number): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await deps.db
    .select({ caseId: clockAlarms.caseId })
    .from(clockAlarms)
    .where(and(inArray(clockAlarms.caseId, [...caseIds]), lte(clockAlarms.fireAt, new Date(now))));
  return new Set(rows.map((r) => r.caseId));
}
