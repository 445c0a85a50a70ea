// The database schema of Otklik (drizzle-orm). Column names become snake_case through `casing: 'snake_case'`
// (see db/connect.ts and drizzle.config.ts); every instant is a `timestamp with time zone`.
import type {
  CalendarOverrides,
  CaseEvent,
  CaseState,
  ChainProgress,
  Clock,
  Profile,
  SurgeThresholds,
} from '@otklik/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  json,
  jsonb,
  type PgColumnBuilderBase,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { WallFilters } from '../cases/board';
import type { CompactClock } from '../cases/board-compact';

// The columns many tables share, written once. Every table file of the server (see drizzle.config.ts) takes them
// from here, so an instant or a reference means the same everywhere.
export const instant = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: 'date' }) : timestamp({ withTimezone: true, mode: 'date' });
/** Set by the database when the row is written (a creation time, or an update time the code sets again). */
export const createdAt = () => instant().notNull().defaultNow();
/** A row's own id, made by the database. */
const generatedId = () => uuid().primaryKey().defaultRandom();
/** The organisation a row belongs to: required, and removed with it. */
export const organisationRef = () =>
  uuid()
    .notNull()
    .references((): AnyPgColumn => organisations.id, { onDelete: 'cascade' });
/** The first columns of most tables: the row's own id and the organisation it belongs to. */
export const idAndOrganisation = () => ({ id: generatedId(), organisationId: organisationRef() });
/** A person a row belongs to or is about: required, and the row is removed with them. */
export const personRef = () =>
  uuid()
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' });
/** A person a row names (who acted, who is responsible): forgotten (null) when the person is removed. */
export const personOrNull = () => uuid().references((): AnyPgColumn => people.id, { onDelete: 'set null' });
/** The case a row belongs to: required, and removed with it. */
export const caseRef = () =>
  uuid()
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' });
/** The channel account a row came through or goes out by: required, and removed with it. */
const channelAccountRef = () =>
  uuid()
    .notNull()
    .references(() => channelAccounts.id, { onDelete: 'cascade' });

export const organisations = pgTable('organisations', {
  id: generatedId(),
  /** Short readable id used by the CLI (`--org konyshevsky`). */
  slug: text().notNull().unique(),
  name: text().notNull(),
  timeZone: text().notNull(),
  /** A preset id (e.g. 'konyshevsky-2020') or the id of a custom row in regulation_profiles. */
  profileId: text().notNull(),
  /** CalendarOverrides of @otklik/domain: local days off and extra working days. */
  calendarOverrides: jsonb().$type<CalendarOverrides>().notNull().default({}),
  /** Surge thresholds (many messages on one topic or location within a window), set by the administrator. */
  surgeThresholds: jsonb().$type<SurgeThresholds>(),
  /** Set by a region administrator: nobody of an archived organisation can sign in; its data stays. */
  archivedAt: instant(),
  /** Who receives the deficiency notices about the curator's breaches (konyshevsky p.22 "управляющий делами", NAO
   *  p.27 the deputy governor); null: nobody named yet. */
  curatorSupervisorId: personOrNull(),
  /** The same for the operator's (monitoring specialist's) breaches. */
  operatorSupervisorId: personOrNull(),
  createdAt: createdAt(),
});

/** A directory of the organisation (departments, topics, places): rows named uniquely within it, with `columns`. */
const directoryTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(name: N, columns: C) =>
  pgTable(name, { ...idAndOrganisation(), name: text().notNull(), ...columns, createdAt: createdAt() }, (t) => [
    uniqueIndex(`${name}_org_name_uq`).on(t.organisationId, t.name),
  ]);

export const departments = directoryTable('departments', {
  /** The supervising deputy receives deficiency notices about this department. */
  supervisingDeputyId: personOrNull(),
});

export const people = pgTable(
  'people',
  {
    ...idAndOrganisation(),
    fullName: text().notNull(),
    position: text().notNull().default(''),
    email: text(),
    phone: text(),
    /** Login name, unique across the installation (lower case). */
    login: text().notNull().unique(),
    /** argon2id hash; null = cannot log in (e.g. a person listed only as a contact). */
    passwordHash: text(),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    /** An administrator of the region: creates, renames and archives every organisation of this installation. */
    regionAdministrator: boolean().notNull().default(false),
    departmentId: uuid().references((): AnyPgColumn => departments.id, { onDelete: 'set null' }),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('people_org_idx').on(t.organisationId)],
);

export const absences = pgTable(
  'absences',
  {
    ...idAndOrganisation(),
    personId: personRef(),
    substituteId: personRef(),
    /** illness | leave | business-trip | study | other */
    reason: text().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('absences_person_idx').on(t.personId)],
);

/** The organisation's topic directory: a case's topic is chosen from it; NAO p.16's list of topics with a shorter answer
 *  is the set of topics marked `listed`. */
export const topics = directoryTable('topics', {
  /** Marked for the profile's listed-topic limits (NAO p.16). */
  listed: boolean().notNull().default(false),
  /** Retired topics stay for old cases but are no longer offered. */
  active: boolean().notNull().default(true),
});

/** The organisation's place directory: its settlements and districts. The wall display shows a case's place only as
 *  one of these (matched in the free-text location by @otklik/domain wallPlaceOf), never the free text itself. */
export const places = directoryTable('places', {
  /** settlement | district */
  kind: text().$type<'settlement' | 'district'>().notNull(),
});

/**
 * The body's official accounts per network (NAO p.2–7) and, when a token is stored, the connector that collects
 * their messages and publishes answers. Secrets (token, OK application secret, webhook secret) are one AES-256-GCM
 * box (channels/secret-box.ts) and never leave the server; the health columns feed the admin screen.
 */
export const channelAccounts = pgTable('channel_accounts', {
  ...idAndOrganisation(),
  network: text().notNull(),
  url: text().notNull(),
  title: text().notNull().default(''),
  createdAt: createdAt(),
  /** The network's id of the community, group, bot or channel (VK group id, OK group id, bot id). */
  externalId: text(),
  /** API base URL; null = the network's public one (a proxy or a test server otherwise). */
  apiBaseUrl: text(),
  /** Encrypted JSON of ChannelSecrets; null = a registry entry only (nothing collected or published). */
  secretBox: text(),
  /** Non-secret settings of the connector (ChannelSettings: application key, topics watched, VK confirmation…). */
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  /** 'polling' (the server asks) or 'webhook' (the network calls /api/channels/<network>/<id>). */
  mode: text().notNull().default('polling'),
  enabled: boolean().notNull().default(true),
  /** Where collection stopped (network-specific: VK long-poll ts, Telegram update_id, MAX marker, OK anchors). */
  cursor: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  lastCollectedAt: instant(),
  /** Posting time of the newest collected item: lag = collected at − posted at. */
  lastItemPostedAt: instant(),
  lastLagMs: integer(),
  lastErrorCode: text(),
  /** Rows from before 0014: the last error's two-language text; newer ones have only the key and parameters. */
  lastError: text(),
  /** The last error as a key of the server catalogue (@otklik/contract) and its parameters, worded by each reader. */
  lastErrorKey: text(),
  lastErrorParams: jsonb().$type<Record<string, unknown>>(),
  lastErrorAt: instant(),
  consecutiveFailures: integer().notNull().default(0),
  /** Do not call the network before this instant (rate limit answers, back-off after failures). */
  backoffUntil: instant(),
  tokenExpiresAt: instant(),
  /** When the curators were told the account is broken (once per breakage). */
  brokenNotifiedAt: instant(),
  /** The node collecting this account and until when (a lease row: one collector per account). */
  leaseOwner: text(),
  leaseUntil: instant(),
});

/** Which case each collected item became, and the thread a reply must go to (network-specific). */
export const channelMessages = pgTable(
  'channel_messages',
  {
    ...idAndOrganisation(),
    accountId: channelAccountRef(),
    externalId: text().notNull(),
    caseId: caseRef(),
    /** ThreadRef of channels/types.ts: where and how to reply (public comment or private message). */
    thread: jsonb().$type<Record<string, unknown>>().notNull(),
    postedAt: instant(),
    collectedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('channel_messages_account_external_uq').on(t.accountId, t.externalId),
    index('channel_messages_case_idx').on(t.caseId),
  ],
);

/**
 * Publications requested through a channel account (one row per request, id = the domain's requestId), written in
 * the same transaction as the publication-requested event. States: pending → sending → sent → recorded; a failure
 * goes back to pending with a later next_attempt_at, or to failed when a person must act; cancelled when the case
 * was published by hand or closed meanwhile.
 */
export const publicationOutbox = pgTable(
  'publication_outbox',
  {
    id: uuid().primaryKey(),
    organisationId: organisationRef(),
    caseId: caseRef(),
    accountId: channelAccountRef(),
    kind: text().notNull(),
    thread: jsonb().$type<Record<string, unknown>>().notNull(),
    text: text().notNull(),
    attachments: jsonb().$type<{ kind: string; url: string; name?: string }[]>().notNull().default([]),
    state: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: instant().notNull().defaultNow(),
    /** A worker that claimed the row (state 'sending') owns it until then; after, another may check and resend. */
    claimedUntil: instant(),
    lastErrorCode: text(),
    /** As on the channel accounts: the text of rows from before 0014, else a catalogue key and its parameters. */
    lastError: text(),
    lastErrorKey: text(),
    lastErrorParams: jsonb().$type<Record<string, unknown>>(),
    networkPostId: text(),
    networkUrl: text(),
    sentAt: instant(),
    recordedAt: instant(),
    requestedBy: personOrNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('publication_outbox_due_idx').on(t.state, t.nextAttemptAt),
    index('publication_outbox_case_idx').on(t.caseId),
  ],
);

/** Custom regulation profiles; the five presets live in @otklik/domain and are not copied here. */
export const regulationProfiles = pgTable('regulation_profiles', {
  id: text().primaryKey(),
  organisationId: organisationRef(),
  name: text().notNull(),
  basedOn: text(),
  body: jsonb().$type<Profile>().notNull(),
  createdAt: createdAt(),
  updatedAt: createdAt(),
});

/** The projection of each case's events that the board queries. */
export const cases = pgTable(
  'cases',
  {
    ...idAndOrganisation(),
    /** Human-facing number, increasing across the installation. */
    number: bigserial({ mode: 'number' }).notNull().unique(),
    /** Number of events applied; the optimistic-concurrency token. */
    version: integer().notNull(),
    status: text().notNull(),
    currentStep: text(),
    /** The earliest due instant among the active clocks (null when no clock runs). */
    dueAt: instant(),
    responsiblePersonId: personOrNull(),
    responsibleDepartmentId: uuid().references(() => departments.id, { onDelete: 'set null' }),
    /** Every department the case is routed to, and their executors: filters of the board and "my tasks". */
    departmentIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    executorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Departments and executors that hold or held the case (domain caseParties, never shrinking): who may see it. */
    partyDepartmentIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    partyExecutorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    category: text().notNull().default('ordinary'),
    topic: text(),
    location: text(),
    network: text().notNull(),
    externalId: text(),
    url: text(),
    author: text(),
    text: text().notNull(),
    isPublic: boolean().notNull().default(true),
    postedAt: instant(),
    detectedAt: instant().notNull(),
    flags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Active clocks as computed by the domain SLA module at the last change. */
    clocks: jsonb().$type<readonly Clock[]>().notNull().default([]),
    /** The folded domain state, so a command is decided without replaying every event. */
    state: jsonb().$type<CaseState>().notNull(),
    /** The chain's progress (the domain's chainProgress of the state), so the board never reads the folded state. */
    chain: jsonb().$type<ChainProgress | null>(),
    /** The clocks as the board snapshot sends them (cases/board-compact.ts), as compact JSON text: `json`, not
     *  `jsonb`, so PostgreSQL hands the text back as written and the snapshot passes it through unparsed. */
    boardClocks: json().$type<readonly CompactClock[]>().notNull().default([]),
    /** The deadline rules those clocks name, by key (the snapshot sends each once a page). */
    boardRules: jsonb().$type<Readonly<Record<string, Clock['rule']>>>().notNull().default({}),
    isOpen: boolean().notNull().default(true),
    closedAt: instant(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index('cases_org_open_idx').on(t.organisationId, t.isOpen),
    index('cases_due_idx').on(t.dueAt),
    uniqueIndex('cases_org_network_external_uq').on(t.organisationId, t.network, t.externalId),
    // Recent messages of an organisation (surge detection's window, the repeat index's bounded build) and the
    // history of one topic or location (a surge's baseline), without reading every stored case.
    index('cases_org_detected_idx').on(t.organisationId, t.detectedAt),
    index('cases_org_topic_detected_idx').on(t.organisationId, t.topic, t.detectedAt).where(sql`topic is not null`),
    index('cases_org_location_detected_idx')
      .on(t.organisationId, t.location, t.detectedAt)
      .where(sql`location is not null`),
    // Earlier cases of one author, beyond the repeat index's window.
    index('cases_org_author_idx').on(t.organisationId, t.author),
  ],
);

/** Append-only event log: per-case version plus a global sequence for catch-up after reconnect. */
export const caseEvents = pgTable(
  'case_events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    caseId: caseRef(),
    organisationId: organisationRef(),
    version: integer().notNull(),
    type: text().notNull(),
    /** Null for system actors (intake, scheduler). */
    actorId: personOrNull(),
    actorKind: text().notNull().default('person'),
    occurredAt: instant().notNull(),
    recordedAt: createdAt(),
    payload: jsonb().$type<CaseEvent>().notNull(),
  },
  (t) => [
    uniqueIndex('case_events_case_version_uq').on(t.caseId, t.version),
    index('case_events_org_seq_idx').on(t.organisationId, t.seq),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    ...idAndOrganisation(),
    caseId: uuid().references(() => cases.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    /** Path relative to the attachments directory; null when only referenced by URL. */
    storageKey: text(),
    sourceUrl: text(),
    uploadedBy: personOrNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);

export const notifications = pgTable(
  'notifications',
  {
    ...idAndOrganisation(),
    personId: personRef(),
    caseId: uuid().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    // Rows from before 0013 have only the two-language text; newer ones a key of the notification catalogue
    // (@otklik/contract) and its parameters, worded in each reader's language, and an empty title and body.
    title: text().notNull(),
    body: text().notNull().default(''),
    messageKey: text(),
    messageParams: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    readAt: instant(),
  },
  (t) => [index('notifications_person_idx').on(t.personId, t.readAt)],
);

/**
 * How far notification delivery has read each organisation's event log (case_events.seq): notifications are
 * computed, stored and the cursor advanced in one transaction, so a crash never loses nor repeats them. Per
 * organisation because seq follows commit order only within one (commands lock the organisation, not the log).
 */
export const notificationCursors = pgTable('notification_cursors', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
  updatedAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text().primaryKey(),
    personId: personRef(),
    createdAt: createdAt(),
    expiresAt: instant().notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

export const apiKeys = pgTable('api_keys', {
  ...idAndOrganisation(),
  name: text().notNull(),
  keyHash: text().notNull().unique(),
  /** First characters of the key, shown in the admin UI to tell keys apart. */
  prefix: text().notNull(),
  createdAt: createdAt(),
  lastUsedAt: instant(),
  revokedAt: instant(),
});

export const displayTokens = pgTable('display_tokens', {
  ...idAndOrganisation(),
  name: text().notNull(),
  tokenHash: text().notNull().unique(),
  /** Board filters the wall shows (departments, categories…). */
  filters: jsonb().$type<WallFilters>().notNull().default({}),
  createdAt: createdAt(),
  revokedAt: instant(),
});
