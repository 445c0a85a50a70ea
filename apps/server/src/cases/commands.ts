// Executes a case command: the domain decides, then the events, the projection and the alarm are written in one
// statement with optimistic concurrency on the case version, then the events-bus hook announces the committed events.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseEvent,
  type CaseParties,
  type CaseState,
  canSeeCase,
  changedForCommand,
  type DomainError,
  decide,
  evolve,
  initialState,
  partOfCommand,
  replay,
} from '@otklik/domain';
import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { ORGANISATION_EVENTS_LOCK_CLASS } from '../db/advisory-lock';
import { isSingleNode, type Tx } from '../db/connect';
import { fromJson, rowsOf } from '../db/driver-values';
import { isUniqueViolation } from '../db/errors';
import { caseEvents } from '../db/schema';
import { executeTemplate } from '../db/template-statement';
import type { ServerDeps } from '../deps';
import { AppError, appError, notFound } from '../errors/app-error';
import type { CommittedEvent } from '../events-bus';
import type { CommandOutcome } from '../metrics/metrics';
import { rememberStateBefore } from '../notifications/states-before';
import { alarmInstant, alarmWriteSql, nextAlarmAt } from '../scheduler/alarms';
import { notVisible, partiesOfRow } from './access';
import { loadCommandContext, type StoredCase } from './domain-context';
import { eventRowsJson, newEventRows } from './event-rows';
import { projectCase } from './projection';
import { checkCommandReferences } from './references';
import { type CaseRowShape, caseRowCells, caseRowShape } from './row-json';
import { writtenBoardRow, writtenRowColumns } from './rows';

export const SYSTEM_ACTOR: Actor = { personId: 'system', roles: ['system'], departmentIds: [] };

export interface CommandRequest {
  organisationId: string;
  actor: Actor;
  /** Absent for 'register', which creates the case. */
  caseId?: string;
  /** The version the user saw; when given, a newer case is a conflict even if the command would still apply. */
  expectedVersion?: number;
  /** Validated by the domain's zCaseCommand inside `decide`. */
  command: unknown;
  /** Defaults to the server clock (the demo seed passes past instants). */
  now?: number;
  /** Runs inside the command's transaction after the events are appended (e.g. the publication outbox row). */
  inTransaction?: (tx: Tx, caseId: string) => Promise<void>;
  /** Rows written with the command in its one statement (no transaction of its own), e.g. the outbox requests a
   *  manual publication cancels. Only for a command on an existing case. */
  alongside?: CommandAlongside;
}

/**
 * What a command writes beside its case row, inside its one statement: `held` (the body of a CTE of that name, rows
 * locked `for update`) is read before the organisation's lock is taken, so the statement never waits for those rows
 * while holding the lock; when `refuses` (a condition over `held`) is true, neither the lock nor anything else is
 * taken or written and the command fails with `refusal`; `write` (the body of a data-modifying CTE) runs only when
 * the case row is written (it reads `written`).
 */
export interface CommandAlongside {
  readonly held: SQL;
  readonly refuses: SQL;
  readonly write: SQL;
  readonly refusal: () => AppError;
}

export interface CommandResult {
  caseId: string;
  version: number;
  events: CommittedEvent[];
}

const conflict = (version: number) => appError('CONFLICT', 'case.changed-first', {}, { currentVersion: version });

export function domainErrorToAppError(error: DomainError): AppError {
  const code =
    error.code === 'forbidden'
      ? 'FORBIDDEN'
      : error.code === 'invalid-input' || error.code === 'unknown-topic'
        ? 'BAD_INPUT'
        : 'DOMAIN_REFUSED';
  return new AppError(
    code,
    error.message,
    { domainCode: error.code, ...(error.details ?? {}) },
    { key: error.key, params: error.params },
  );
}

/** The case as the command finds it; a case the person may not see is, to them, a case that does not exist (the
 *  system acts on every case). */
function visibleCase(stored: StoredCase | null, actor: Actor) {
  if (!stored) throw notFound('case');
  const parties = partiesOfRow(stored);
  if (actor.personId !== SYSTEM_ACTOR.personId && !canSeeCase(actor, parties)) throw notVisible();
  return { version: stored.version, state: stored.state, parties };
}

/** The user acted on `expectedVersion` and the case has moved on since: a conflict unless what the command acts on
 *  is unchanged (a department's part: another department's part sent meanwhile is not a conflict). */
async function checkSeenVersion(
  deps: ServerDeps,
  caseId: string,
  expectedVersion: number,
  command: unknown,
  before: { version: number; state: CaseState },
): Promise<void> {
  if (expectedVersion > before.version || partOfCommand(command) === null) throw conflict(before.version);
  const rows = await deps.db
    .select({ payload: caseEvents.payload })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), lte(caseEvents.version, expectedVersion)))
    .orderBy(asc(caseEvents.version));
  const seen = replay(rows.map((r) => r.payload));
  if (seen.version !== expectedVersion || changedForCommand(command, seen, before.state)) {
    throw conflict(before.version);
  }
}

/** The message a registration comes from, when it names one (intake, imports, connectors). */
function messageOf(command: unknown): { network: string; externalId: string } | undefined {
  const { network, externalId } = (command ?? {}) as { network?: unknown; externalId?: unknown };
  return typeof network === 'string' && typeof externalId === 'string' ? { network, externalId } : undefined;
}

const externalIdTaken = (message: { externalId: string | null; network: string }) =>
  appError('CONFLICT', 'case.external-id-taken', {}, { externalId: message.externalId, network: message.network });

/** Executes a case command, timed by type and outcome in the server's metrics. */
export function executeCaseCommand(deps: ServerDeps, request: CommandRequest): Promise<CommandResult> {
  return deps.metrics.timeCommand(request.command, () => executeUntimed(deps, request), commandOutcome);
}

function commandOutcome(error: unknown): CommandOutcome {
  if (!(error instanceof AppError)) return 'error';
  if (error.code === 'CONFLICT') return 'conflict';
  return error.code === 'INTERNAL' ? 'error' : 'refused';
}

async function executeUntimed(deps: ServerDeps, request: CommandRequest): Promise<CommandResult> {
  const now = request.now ?? deps.now();
  const isRegister = (request.command as { type?: unknown } | null)?.type === 'register';
  let caseId: string;
  let before: { version: number; state: CaseState; parties?: CaseParties };
  let command = request.command;
  if (!isRegister && !request.caseId) throw appError('BAD_INPUT', 'case.id-required', {});
  // The organisation, the case, the topics and the people in one statement; for a registration from a message
  // (network, external id), the case that message already became, if any.
  const message = isRegister ? messageOf(request.command) : undefined;
  const { stored, rules, directory, departmentIds } = await loadCommandContext(
    deps.db,
    request.organisationId,
    isRegister ? null : (request.caseId ?? null),
    message,
  );
  if (isRegister) {
    // Refused as the unique index would refuse its write (below), without deciding and writing first.
    if (stored && message) throw externalIdTaken(message);
    caseId = randomUUID();
    before = { version: 0, state: initialState };
    command = { ...(request.command as object), caseId };
  } else {
    caseId = request.caseId as string;
    before = visibleCase(stored, request.actor);
  }
  if (request.expectedVersion !== undefined && request.expectedVersion !== before.version) {
    await checkSeenVersion(deps, caseId, request.expectedVersion, command, before);
  }
  await checkCommandReferences(deps.db, request.organisationId, command, {
    departmentIds,
    personIds: directory.people?.map((p) => p.id) ?? [],
  });
  const decision = decide(before.state, command, request.actor, now, { ...rules, directory });
  if (!decision.ok) throw domainErrorToAppError(decision.error);
  const events: readonly CaseEvent[] = decision.events;
  const after = events.reduce(evolve, before.state);
  const row = projectCase(after, rules.profile, rules.calendar, now, before.parties);
  const actorId = request.actor.personId === 'system' ? null : request.actor.personId;

  const committedRows = newEventRows({
    caseId,
    organisationId: request.organisationId,
    version: before.version,
    actorId,
    events,
  });
  const shape = caseRowShape(row);
  // With several nodes (PostgreSQL) the write reads what the broadcast needs: the batch's previous seq and the named
  // row (no statement after the commit, none queued behind the commands). On one node (PGlite) the bus's tracker knows
  // the previous seq, and a window's one read of its rows costs less than these reads in every command.
  const severalNodes = !isSingleNode(deps.database);
  // The scheduler's alarm for the new state, written with the case: it never lags behind it.
  const alarm = events.length === 0 ? undefined : row.isOpen ? nextAlarmAt(after, rules, deps.now()) : null;
  const alongside = request.alongside && !isRegister ? request.alongside : undefined;
  const form: CommandWriteForm = {
    isRegister,
    shape,
    hasEvents: committedRows.length > 0,
    alarm: alarm === undefined ? 'keep' : alarm === null ? 'clear' : 'set',
    severalNodes,
    alongside,
  };
  // Every value the statement's placeholders name (WRITE); the row and the events are one JSON parameter each, read
  // into the tables' column types, so the statement's text stays the same between commands of one form.
  const values: Record<keyof typeof WRITE, unknown> = {
    caseId,
    organisationId: request.organisationId,
    lockKey: `otklik:case-events:${request.organisationId}`,
    row: JSON.stringify(caseRowCells(row, shape)),
    version: before.version,
    events: JSON.stringify(eventRowsJson(committedRows)),
    alarmAt: typeof alarm === 'number' ? alarmInstant(alarm).toISOString() : null,
    alarmVersion: after.version,
    personId: row.responsiblePersonId,
    departmentId: row.responsibleDepartmentId,
    now: new Date(now).toISOString(),
  };
  // Built once per form (its text and parameters), unless rows beside the case bring values of their own.
  const formKey = alongside ? null : commandWriteKey(form);
  let seqs: number[];
  let prevSeq: number | undefined;
  let named: Parameters<typeof writtenBoardRow>[1] & { number?: number | string | null } = {};
  try {
    // The command's writes are one statement (no transaction of their own: one statement is atomic); a command
    // with work of its own in the transaction (the publication outbox) runs the statement inside one.
    const run = async (db: Tx | ServerDeps['db']): Promise<number[]> => {
      const [result] = rowsOf<{
        written: number | string;
        seqs: unknown;
        refused: boolean | null;
        prev: number | string | null;
        number: number | string | null;
        personName: unknown;
        departmentName: unknown;
        away: unknown;
      }>(await executeTemplate(db, formKey, () => writeCommandSql(form), values));
      if (result?.refused && request.alongside) throw request.alongside.refusal();
      // No row replaced: another writer moved the case on (nothing else was written: every write waits for it).
      if (Number(result?.written ?? 0) === 0) throw conflict(before.version + 1);
      // Not read on one node: the bus's tracker knows it (null there is not "no event before").
      prevSeq = severalNodes ? Number(result?.prev ?? 0) : undefined;
      if (result) named = result;
      return fromJson<(number | string)[]>(result?.seqs ?? '[]').map(Number);
    };
    const hook = request.inTransaction;
    seqs =
      hook && events.length > 0
        ? await deps.db.transaction(async (tx) => {
            const written = await run(tx);
            await hook(tx, caseId);
            return written;
          })
        : await run(deps.db);
  } catch (error) {
    // Two writers that passed the version check at once: the unique (case_id, version) index stops the second.
    if (isUniqueViolation(error) && !isRegister) throw conflict(before.version + 1);
    // A registration whose (network, external id) is already a case of the organisation.
    if (isUniqueViolation(error) && isRegister) {
      throw externalIdTaken({ externalId: row.externalId, network: row.network });
    }
    throw error;
  }
  // The rows as written: only the sequence numbers come from the database. Announced as the commanding person's,
  // the events the domain records as the system's too (their rows and the catch-up feed carry null): kept as it was.
  const committed: CommittedEvent[] = committedRows.map((e, i) => ({
    seq: seqs[i] as number,
    caseId,
    organisationId: request.organisationId,
    version: e.version,
    type: e.type,
    actorId,
    occurredAt: (e.occurredAt as Date).getTime(),
    // As the database gives it back (what JSON keeps of the event), like the catch-up feed.
    payload: JSON.parse(JSON.stringify(e.payload)),
  }));
  // The state this command was decided on is the case at `before.version`: the outbox starts from it.
  if (committed.length > 0) rememberStateBefore(deps.db, request.organisationId, caseId, before.version, before.state);
  deps.bus.emitCommitted(committed, {
    prevSeq,
    row: severalNodes
      ? writtenBoardRow(
          { caseId, organisationId: request.organisationId, number: Number(named.number), row, now },
          named,
        )
      : undefined,
  });
  return { caseId, version: after.version, events: committed };
}

/** What a command's write statement is made of besides its values: commands of one form share its text. */
interface CommandWriteForm {
  /** A new case's row is inserted; an existing one replaced only at the version decided on. */
  readonly isRegister: boolean;
  /** The columns the row sets. */
  readonly shape: CaseRowShape;
  readonly hasEvents: boolean;
  /** The case's alarm: left alone (no event), cleared (the case closed) or set. */
  readonly alarm: 'keep' | 'clear' | 'set';
  /** Read the batch's previous seq and the named row's columns: with several nodes. On one node (PGlite) every
   *  commit passes through this process's bus in order and realtime/prev-seq.ts knows the seq without a read. */
  readonly severalNodes: boolean;
  readonly alongside: CommandAlongside | undefined;
}

/** The placeholders of a command's write, one per value that changes between commands. */
const WRITE = {
  caseId: sql.placeholder('caseId'),
  organisationId: sql.placeholder('organisationId'),
  lockKey: sql.placeholder('lockKey'),
  /** The case row as JSON (row-json.ts). */
  row: sql.placeholder('row'),
  /** The version the command was decided on (an update replaces only that one). */
  version: sql.placeholder('version'),
  /** The events as a JSON array (event-rows.ts). */
  events: sql.placeholder('events'),
  alarmAt: sql.placeholder('alarmAt'),
  alarmVersion: sql.placeholder('alarmVersion'),
  personId: sql.placeholder('personId'),
  departmentId: sql.placeholder('departmentId'),
  now: sql.placeholder('now'),
} as const;

const commandWriteKey = (form: CommandWriteForm) =>
  [form.isRegister ? 'insert' : 'update', form.shape.signature, form.hasEvents, form.alarm, form.severalNodes].join(
    '|',
  );

/**
 * A command's writes as one statement: the organisation's lock, the case row (inserted, or replaced at the version
 * decided on), its events and its alarm. The events and the alarm are written only when the case row was (each reads
 * the row's `returning`), so a lost race writes nothing. The events take their `seq` after the organisation's lock
 * (the case row reads it first), so `seq` order is commit order within an organisation, as realtime relies on.
 * Either write reads the organisation's lock first (as every writer of its cases and events does: no two wait for
 * each other). With `alongside`, its rows are locked before the organisation's lock and its write made with the case
 * row. Returns one row: `written` (0: the version moved on), `seqs` (the events' seq in version order), `refused`
 * (the alongside rows refused the command: nothing was written, no lock taken), `prev` (the batch's previous seq,
 * with several nodes), the case's `number` and the named row's columns (rows.ts writtenRowColumns).
 */
function writeCommandSql(form: CommandWriteForm): SQL {
  const w = WRITE;
  const takeLock = sql`pg_advisory_xact_lock(${ORGANISATION_EVENTS_LOCK_CLASS}, hashtext(${w.lockKey}))`;
  const { alongside, shape } = form;
  const parts: SQL[] = alongside
    ? [
        // The rows beside the case first (their row locks before the organisation's: whoever holds the latter never
        // waits for them), then the lock, taken only when nothing refuses (no row then: nothing below is written).
        sql`held as materialized (${alongside.held})`,
        sql`lock as materialized (select ${takeLock} as l from (select count(*) from held) as h where not (${alongside.refuses}))`,
      ]
    : // Materialised and read below: a CTE nobody reads is not run.
      [sql`lock as materialized (select ${takeLock} as l)`];
  parts.push(
    form.isRegister
      ? sql`written as (insert into cases (id, organisation_id, ${shape.names})
          select (select ${w.caseId}::uuid from lock), ${w.organisationId}::uuid, ${shape.values}
            from json_populate_record(null::cases, ${w.row}::json) as v
          returning id, number)`
      : sql`written as (update cases as c set ${shape.set}
            from json_populate_record(null::cases, ${w.row}::json) as v
           where c.id = ${w.caseId}::uuid and c.version = ${w.version}::int and exists (select 1 from lock)
          returning c.id, c.number)`,
  );
  if (form.hasEvents) {
    parts.push(sql`appended as (
      insert into case_events (case_id, organisation_id, version, type, actor_id, actor_kind, occurred_at, payload)
      select e.case_id, e.organisation_id, e.version, e.type, e.actor_id, e.actor_kind, e.occurred_at, e.payload
        from json_populate_recordset(null::case_events, ${w.events}::json) as e
       where exists (select 1 from lock) and exists (select 1 from written)
       order by e.version
      returning seq, version)`);
  }
  // Written only when the case row was.
  if (form.alarm !== 'keep') {
    const alarm = { id: w.caseId, organisationId: w.organisationId, version: w.alarmVersion };
    const at = form.alarm === 'set' ? w.alarmAt : null;
    parts.push(sql`alarm as (${alarmWriteSql(alarm, at, sql`exists (select 1 from written)`)})`);
  }
  if (alongside) parts.push(sql`alongside as (${alongside.write})`);
  const seqs = form.hasEvents
    ? sql`(select coalesce(json_agg(a.seq order by a.version), '[]') from appended a)`
    : sql`'[]'::json`;
  const refused = alongside ? sql`not exists (select 1 from lock)` : sql`false`;
  // The organisation's seq before the batch, read after the lock with a snapshot of its own (migration 0017): the
  // broadcast's `prevSeq`, without a read after the commit.
  const prev =
    form.hasEvents && form.severalNodes
      ? sql`(select otklik_events_before(${w.organisationId}::uuid, min(a.seq)) from appended a)`
      : sql`null`;
  // The row's named form comes from this write (realtime's live row, cases/rows.ts): what it reads besides.
  const named = form.severalNodes
    ? Object.entries(
        writtenRowColumns({
          organisationId: w.organisationId,
          personId: w.personId,
          departmentId: w.departmentId,
          at: w.now,
        }),
      ).map(([name, value]) => sql`, ${value} as ${sql.identifier(name)}`)
    : [];
  return sql`with ${sql.join(parts, sql`, `)}
    select (select count(*) from written)::int as written, ${seqs} as seqs, ${refused} as refused, ${prev} as prev,
      (select w.number from written w) as number${sql.join(named, sql``)}`;
}
