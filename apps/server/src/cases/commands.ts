// Executes a case command: the domain decides, then the events and the projection are written in one transaction
// with optimistic concurrency on the case version, then the events-bus hook announces the committed events.
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
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { ORGANISATION_EVENTS_LOCK_CLASS } from '../db/advisory-lock';
import type { Tx } from '../db/connect';
import { isUniqueViolation } from '../db/errors';
import { caseEvents, cases } from '../db/schema';
import type { ServerDeps } from '../deps';
import { AppError, appError, notFound } from '../errors/app-error';
import type { CommittedEvent } from '../events-bus';
import type { CommandOutcome } from '../metrics/metrics';
import { nextAlarmAt, writeAlarm } from '../scheduler/alarms';
import { notVisible, partiesOfRow } from './access';
import { loadCommandContext, type StoredCase } from './domain-context';
import { type CommittedEventRow, committedEventColumns, newEventRows, toCommittedEvent } from './event-rows';
import { projectCase } from './projection';
import { checkCommandReferences } from './references';

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
  // The organisation, the case, the topics and the people in one statement.
  const { stored, rules, directory, departmentIds } = await loadCommandContext(
    deps.db,
    request.organisationId,
    isRegister ? null : (request.caseId ?? null),
  );
  if (isRegister) {
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

  /** Replaces the projection row; false when another writer replaced the version we decided on first. */
  const updateCase = async (tx: Tx): Promise<boolean> => {
    // The guard of optimistic concurrency: only the version we decided on may be replaced.
    const updated = await tx
      .update(cases)
      .set(row)
      .where(and(eq(cases.id, caseId), eq(cases.version, before.version)))
      .returning({ id: cases.id });
    return updated.length > 0;
  };
  let inserted: CommittedEventRow[];
  try {
    inserted = await deps.db.transaction(async (tx) => {
      // Serialises appends per organisation so that `seq` order equals commit order within it: a client that
      // applied seq N never later receives a smaller seq of the same organisation (realtime relies on it).
      await tx.execute(
        sql`select pg_advisory_xact_lock(${ORGANISATION_EVENTS_LOCK_CLASS}, hashtext(${`otklik:case-events:${request.organisationId}`}))`,
      );
      // A new case's row comes first (its events and alarm refer to it).
      if (isRegister) await tx.insert(cases).values({ id: caseId, organisationId: request.organisationId, ...row });
      // The rest is sent together (one wait where the driver pipelines, as postgres.js does): under the
      // organisation's lock their order does not matter, and one failing fails the transaction.
      const [written, rows] = await Promise.all([
        isRegister || updateCase(tx),
        events.length === 0
          ? []
          : tx
              .insert(caseEvents)
              .values(
                newEventRows({
                  caseId,
                  organisationId: request.organisationId,
                  version: before.version,
                  actorId,
                  events,
                }),
              )
              .returning(committedEventColumns),
        // The scheduler's alarm for the new state, in the same transaction: it never lags behind the case.
        events.length === 0
          ? null
          : writeAlarm(
              tx,
              { id: caseId, organisationId: request.organisationId, version: after.version },
              row.isOpen ? nextAlarmAt(after, rules, deps.now()) : null,
            ),
      ]);
      // No row replaced: another writer moved the case on (events written beside it roll back with this).
      if (!written) throw conflict(before.version + 1);
      if (events.length === 0) return [];
      if (request.inTransaction) await request.inTransaction(tx, caseId);
      return rows;
    });
  } catch (error) {
    // Two writers that passed the version check at once: the unique (case_id, version) index stops the second.
    if (isUniqueViolation(error) && !isRegister) throw conflict(before.version + 1);
    // A registration whose (network, external id) is already a case of the organisation.
    if (isUniqueViolation(error) && isRegister) {
      throw appError('CONFLICT', 'case.external-id-taken', {}, { externalId: row.externalId, network: row.network });
    }
    throw error;
  }
  const committed: CommittedEvent[] = inserted
    .sort((a, b) => a.seq - b.seq)
    // Announced as the commanding person's, the events the domain records as the system's too (their rows and the
    // catch-up feed carry null): kept as it was.
    .map((e) => ({ ...toCommittedEvent(e), actorId }));
  deps.bus.emitCommitted(committed);
  return { caseId, version: after.version, events: committed };
}
