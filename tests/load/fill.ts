// The fast path that fills the database before a load run: organisations, people, sessions and API keys through the
// server's own directory services, and stored cases as the command service would have written them — each case
// folded through the domain's decide/evolve, projected with the server's projectCase, and inserted in bulk (events
// and projection rows), instead of one HTTP request per command.
import { randomBytes, randomUUID } from 'node:crypto';
import { type Actor, createCalendar, getPreset, type Profile, type WorkingCalendar } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { createSession } from '../../apps/server/src/auth/sessions';
import { projectCase } from '../../apps/server/src/cases/projection';
import type { Db } from '../../apps/server/src/db/connect';
import { caseEvents, cases, notificationCursors } from '../../apps/server/src/db/schema';
import { createDepartment } from '../../apps/server/src/directory/departments';
import { createOrganisation } from '../../apps/server/src/directory/organisations';
import { createPerson } from '../../apps/server/src/directory/people';
import { createApiKey } from '../../apps/server/src/intake/api-keys';
import { pendingActions } from '../../apps/server/src/scheduler/alarms';
import { createCorpus, type SyntheticMessage } from './corpus';
import { type Assignee, foldCase, PROFILE_ID, STAGES, type Stage } from './lifecycle';

export interface FillOptions {
  readonly orgs: number;
  /** Stored cases per organisation. */
  readonly cases: number;
  /** Open cases per organisation among them (the most recent ones). */
  readonly open: number;
  /** Open cases per organisation whose due clocks are left unrecorded, for the scheduler to catch up. */
  readonly due: number;
  /** Board clients in all: each gets its own session, spread over the organisations. */
  readonly boards: number;
  readonly now: number;
  readonly seed: number;
  readonly log: (line: string) => void;
}

export interface Member {
  readonly id: string;
  readonly cookie: string;
  readonly actor: Actor;
}

export interface Executor extends Member {
  readonly departmentId: string;
}

export interface OpenCase {
  readonly id: string;
  version: number;
  stage: Stage;
  readonly message: SyntheticMessage;
  readonly assignee: Assignee;
}

export interface FilledOrg {
  readonly id: string;
  readonly slug: string;
  readonly apiKey: string;
  readonly curator: Member;
  readonly executors: readonly Executor[];
  /** Session cookies of the board clients of this organisation (observers). */
  readonly boardCookies: readonly string[];
  readonly openCases: OpenCase[];
}

export interface FillResult {
  readonly orgs: FilledOrg[];
  readonly storedCases: number;
  readonly storedEvents: number;
  /** At-risk and breach records the `due` cases wait for (what the scheduler has to catch up on). */
  readonly dueActions: number;
  readonly dueCaseIds: ReadonlySet<string>;
  readonly ms: number;
}

const SESSION_TTL_MS = 24 * 3_600_000;
const CHUNK = 250;
const DAY = 86_400_000;
/** Closed cases spread over the year before the open ones. */
const HISTORY_MS = 365 * DAY;

/**
 * The open ones over the last days at the same daily rate as the closed ones (a backlog, not a flood: a flood would
 * make every topic a surge), at least two days, at most sixty.
 */
function openWindowMs(options: FillOptions): number {
  const closed = options.cases - options.open;
  const sameRate = closed > 0 ? (HISTORY_MS * options.open) / closed : 2 * DAY;
  return Math.min(60 * DAY, Math.max(2 * DAY, sameRate));
}

const cookieOf = (token: string) => `otklik_session=${token}`;

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows in one statement with one parameter: the rows as a JSON array, unpacked by jsonb_to_recordset
 * with the columns and types of the drizzle schema (the query builder spends far longer binding thousands of
 * parameters than the database spends inserting them).
 */
async function insertMany(db: Db, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const config = getTableConfig(table);
  const columns = config.columns.filter((c) => c.name in first);
  const names = columns.map((c) => `"${snakeCase(c.name)}"`).join(', ');
  const types = columns
    .map((c) => `"${snakeCase(c.name)}" ${c.getSQLType().replace(/^bigserial$/, 'bigint')}`)
    .join(', ');
  // Top-level keys only: the jsonb columns keep their camelCase fields.
  const json = JSON.stringify(
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snakeCase(k), v]))),
  );
  await db.execute(
    sql`insert into ${sql.identifier(config.name)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as x(${sql.raw(types)})`,
  );
}

async function createMembers(db: Db, options: FillOptions, index: number, boardSessions: number) {
  const tag = randomBytes(3).toString('hex');
  const org = await createOrganisation(db, {
    slug: `load-${index + 1}-${tag}`,
    name: `Нагрузочная администрация ${index + 1}`,
    timeZone: 'Europe/Moscow',
    profileId: PROFILE_ID,
  });
  const session = async (personId: string) =>
    cookieOf((await createSession(db, { personId, now: options.now, ttlMs: SESSION_TTL_MS })).token);
  // Accounts are only signed in through sessions made here: no password (and no argon2 hashing) needed.
  const person = (key: string, fullName: string, roles: ('curator' | 'executor' | 'observer')[], dept?: string) =>
    createPerson(db, {
      organisationId: org.id,
      fullName,
      login: `${key}-${index + 1}-${tag}`,
      roles,
      departmentId: dept ?? null,
    });
  const curator = await person('curator', 'Куратор Нагрузочный', ['curator']);
  const executors: Executor[] = [];
  for (const name of ['Дороги и транспорт', 'ЖКХ', 'Благоустройство']) {
    const dept = await createDepartment(db, { organisationId: org.id, name });
    for (let k = 1; k <= 2; k++) {
      const p = await person(`exec${executors.length + 1}`, `Исполнитель ${name} ${k}`, ['executor'], dept.id);
      executors.push({
        id: p.id,
        departmentId: dept.id,
        cookie: await session(p.id),
        actor: { personId: p.id, roles: ['executor'], departmentIds: [dept.id], substituteFor: [] },
      });
    }
  }
  const observer = await person('observer', 'Наблюдатель Нагрузочный', ['observer']);
  const boardCookies: string[] = [];
  for (let k = 0; k < boardSessions; k++) boardCookies.push(await session(observer.id));
  const key = await createApiKey(db, org.id, 'load harness');
  return {
    org,
    apiKey: key.key,
    curator: {
      id: curator.id,
      cookie: await session(curator.id),
      actor: { personId: curator.id, roles: ['curator'], departmentIds: [], substituteFor: [] } as Actor,
    },
    executors,
    boardCookies,
  };
}

/** Detection instants, oldest first: closed cases over the past year, then the open ones (see openWindowMs). */
function detectionInstants(options: FillOptions, rand: () => number): Float64Array {
  const closed = options.cases - options.open;
  const out = new Float64Array(options.cases);
  const openWindow = openWindowMs(options);
  const openFrom = options.now - openWindow;
  for (let i = 0; i < closed; i++) out[i] = Math.floor(openFrom - HISTORY_MS + rand() * HISTORY_MS);
  // The open ones stop an hour before now, so the newest has at least had time to be triaged.
  for (let i = closed; i < options.cases; i++) out[i] = Math.floor(openFrom + rand() * (openWindow - 3_600_000));
  out.subarray(0, closed).sort();
  out.subarray(closed).sort();
  return out;
}

async function fillCases(
  db: Db,
  options: FillOptions,
  rules: { profile: Profile; calendar: WorkingCalendar },
  members: Awaited<ReturnType<typeof createMembers>>,
  organisationId: string,
  seed: number,
): Promise<{ open: OpenCase[]; events: number; dueActions: number; dueCaseIds: string[] }> {
  const corpus = createCorpus(seed);
  const at = detectionInstants(options, corpus.rand);
  const closed = options.cases - options.open;
  const open: OpenCase[] = [];
  let events = 0;
  let dueActions = 0;
  const dueCaseIds: string[] = [];
  for (let from = 0; from < options.cases; from += CHUNK) {
    const caseRows: (typeof cases.$inferInsert)[] = [];
    const eventRows: (typeof caseEvents.$inferInsert)[] = [];
    for (let i = from; i < Math.min(options.cases, from + CHUNK); i++) {
      const isOpen = i >= closed;
      const executor = members.executors[i % members.executors.length]!;
      const assignee = { departmentId: executor.departmentId, executorId: executor.id };
      const message = corpus.message();
      const id = randomUUID();
      // Open cases stand at every stage in turn; the first `due` of them keep their due clocks unrecorded.
      const steps = isOpen ? (i - closed) % STAGES.length : STAGES.length;
      const isDue = isOpen && i - closed < options.due;
      const folded = foldCase(rules, {
        caseId: id,
        message,
        link: `https://vk.com/wall-1_${seed}_${i}`,
        externalId: `fill-${seed}-${i}`,
        detectedAt: at[i]!,
        steps,
        curator: members.curator.actor,
        executor: executor.actor,
        assignee,
        recordUntil: isDue ? null : options.now,
      });
      if (isDue) {
        dueActions += pendingActions(folded.state, rules, options.now).filter((a) => a.at <= options.now).length;
        dueCaseIds.push(id);
      }
      const row = projectCase(folded.state, rules.profile, rules.calendar, options.now);
      caseRows.push({ id, organisationId, ...row, createdAt: new Date(at[i]!) });
      folded.events.forEach(({ event, actorId }, k) => {
        eventRows.push({
          caseId: id,
          organisationId,
          version: k + 1,
          type: event.type,
          actorId,
          actorKind: actorId === null ? 'system' : 'person',
          occurredAt: new Date(event.at),
          recordedAt: new Date(event.at),
          payload: event,
        });
      });
      if (isOpen) open.push({ id, version: folded.state.version, stage: STAGES[steps]!, message, assignee });
    }
    await insertMany(db, cases, caseRows);
    await insertMany(db, caseEvents, eventRows);
    events += eventRows.length;
  }
  // Notification delivery starts after the stored history, as it does for an organisation that was running.
  await db
    .insert(notificationCursors)
    .values({
      organisationId,
      lastSeq: sql`(select coalesce(max(${caseEvents.seq}), 0) from ${caseEvents} where ${caseEvents.organisationId} = ${organisationId})`,
    })
    .onConflictDoNothing();
  return { open, events, dueActions, dueCaseIds };
}

export async function fillDatabase(db: Db, options: FillOptions): Promise<FillResult> {
  const started = performance.now();
  const profile = getPreset(PROFILE_ID);
  if (!profile) throw new Error(`preset ${PROFILE_ID} is missing`);
  const rules = { profile, calendar: createCalendar({ timeZone: profile.timeZone }) };
  const orgs: FilledOrg[] = [];
  let storedEvents = 0;
  let dueActions = 0;
  const dueCaseIds = new Set<string>();
  for (let i = 0; i < options.orgs; i++) {
    const boardSessions = Math.floor(options.boards / options.orgs) + (i < options.boards % options.orgs ? 1 : 0);
    const members = await createMembers(db, options, i, boardSessions);
    const filled = await fillCases(db, options, rules, members, members.org.id, options.seed + i);
    storedEvents += filled.events;
    dueActions += filled.dueActions;
    for (const id of filled.dueCaseIds) dueCaseIds.add(id);
    orgs.push({
      id: members.org.id,
      slug: members.org.slug,
      apiKey: members.apiKey,
      curator: members.curator,
      executors: members.executors,
      boardCookies: members.boardCookies,
      openCases: filled.open,
    });
    options.log(
      `  organisation ${i + 1}/${options.orgs}: ${options.cases.toLocaleString('en')} cases, ` +
        `${filled.events.toLocaleString('en')} events (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return {
    orgs,
    storedCases: options.orgs * options.cases,
    storedEvents,
    dueActions,
    dueCaseIds,
    ms: performance.now() - started,
  };
}
