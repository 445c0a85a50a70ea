// The rules a case is decided with: its organisation's regulation profile (a preset or a custom one) and
// working-time calendar (time zone + overrides + the imported production-calendar years). Calendars are cached
// because building one precomputes a year.
import {
  type CaseState,
  createCalendar,
  type DomainContext,
  type DomainDirectory,
  getPreset,
  type ImportedCalendarYear,
  type Profile,
  parseProfile,
  type Role,
  sanitiseOverrides,
  type WorkingCalendar,
} from '@otklik/domain';
import { and, eq, sql } from 'drizzle-orm';
import { loadImportedYears } from '../calendar/imported-years';
import type { DbOrTx } from '../db/connect';
import { fromJson } from '../db/driver-values';
import { preparedPerDatabase } from '../db/prepared';
import { cases, organisations, people, regulationProfiles, topics } from '../db/schema';
import { getOrganisation } from '../directory/organisations';
import { appError, notFound } from '../errors/app-error';
import { log } from '../log';

const calendars = new Map<string, WorkingCalendar>();

/** The organisation's calendar from its stored overrides and the imported production-calendar years. A stored entry
 *  that is not a real date (written before input was validated, or by hand) is left out and reported once in the
 *  log: the rest of the calendar still works, and calendar.days shows the administrator what was ignored. */
export function calendarFor(
  timeZone: string,
  overrides: unknown,
  years: readonly ImportedCalendarYear[] = [],
): WorkingCalendar {
  // Keyed by everything it is built from: a re-imported year with other days is another calendar.
  const key = JSON.stringify([timeZone, overrides ?? {}, years]);
  let calendar = calendars.get(key);
  if (!calendar) {
    const { overrides: valid, problems } = sanitiseOverrides(overrides ?? {});
    if (problems.length > 0) {
      log.warn(
        { timeZone, ignored: problems.map((p) => `${p.path}=${JSON.stringify(p.value)}`) },
        'calendar: ignored invalid overrides',
      );
    }
    calendar = createCalendar({ timeZone, overrides: valid, years });
    if (calendars.size > 200) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

export async function loadProfile(db: DbOrTx, organisationId: string, profileId: string): Promise<Profile> {
  const preset = getPreset(profileId);
  if (preset) return preset;
  const [row] = await db
    .select()
    .from(regulationProfiles)
    .where(and(eq(regulationProfiles.id, profileId), eq(regulationProfiles.organisationId, organisationId)));
  if (!row) throw appError('NOT_FOUND', 'regulation.not-found', { profileId });
  // A profile stored before the clock model takes what it lacks from the preset it was copied from.
  const parsed = parseProfile(row.body, { base: row.basedOn ? getPreset(row.basedOn) : null });
  if (!parsed.ok) {
    throw appError(
      'INTERNAL',
      'regulation.damaged',
      { profileId },
      {
        errors: parsed.errors,
      },
    );
  }
  return parsed.profile;
}

export interface OrganisationRules extends DomainContext {
  readonly organisationId: string;
  readonly timeZone: string;
}

/** The organisation's calendar with `profileId` (a case keeps the profile it was registered under) or, by default,
 *  the organisation's current profile. */
export async function loadOrganisationRules(
  db: DbOrTx,
  organisationId: string,
  profileId?: string | null,
): Promise<OrganisationRules> {
  const org = await getOrganisation(db, organisationId);
  return {
    organisationId,
    timeZone: org.timeZone,
    profile: await loadProfile(db, organisationId, profileId ?? org.profileId),
    calendar: calendarFor(org.timeZone, org.calendarOverrides, await loadImportedYears(db)),
  };
}

/** What the decider may check against the directory: the topic directory (triage and re-categorisation choose from
 *  it) and the people (a substitute must be an executor of the same department). */
export async function loadDomainDirectory(db: DbOrTx, organisationId: string): Promise<DomainDirectory> {
  const [topicRows, peopleRows] = await Promise.all([
    db
      .select({ id: topics.id, name: topics.name, listed: topics.listed, active: topics.active })
      .from(topics)
      .where(eq(topics.organisationId, organisationId)),
    db
      .select({ id: people.id, departmentId: people.departmentId, roles: people.roles, active: people.active })
      .from(people)
      .where(eq(people.organisationId, organisationId)),
  ]);
  return {
    topics: topicRows.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, listed: t.listed })),
    people: peopleRows.map((p) => ({ ...p, roles: p.roles as Role[] })),
  };
}

/** The stored case a command acts on (its projection row's guard columns and folded state). */
export interface StoredCase {
  readonly version: number;
  readonly state: CaseState;
  readonly partyDepartmentIds: string[];
  readonly partyExecutorIds: string[];
}

export interface CommandContext {
  /** null: no such case in the organisation (or none asked for). */
  readonly stored: StoredCase | null;
  readonly rules: OrganisationRules;
  readonly directory: DomainDirectory;
  /** Every department of the organisation: the ids a command names are checked against them (cases/references). */
  readonly departmentIds: readonly string[];
}

/** Which case the command context's statement reads with the organisation: by id (the placeholder `caseId`), by the
 *  message it was registered from (`network`, `externalId`: is a registration's message already a case?), or none. */
type ContextCase = 'byId' | 'byMessage' | 'none';

/** The command context's statement, with the case or without. */
function commandContextQuery(db: DbOrTx, withCase: ContextCase) {
  return db
    .select({
      timeZone: organisations.timeZone,
      profileId: organisations.profileId,
      calendarOverrides: organisations.calendarOverrides,
      caseVersion: cases.version,
      caseState: cases.state,
      casePartyDepartmentIds: cases.partyDepartmentIds,
      casePartyExecutorIds: cases.partyExecutorIds,
      // Spelled out (correlated subqueries; drizzle qualifies columns only when a select joins).
      topics: sql<unknown>`(select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'listed', t.listed)), '[]') from topics t where t.organisation_id = "organisations"."id" and t.active)`,
      people: sql<unknown>`(select coalesce(json_agg(json_build_object('id', p.id, 'departmentId', p.department_id, 'roles', p.roles, 'active', p.active)), '[]') from people p where p.organisation_id = "organisations"."id")`,
      departmentIds: sql<unknown>`(select coalesce(json_agg(d.id), '[]') from departments d where d.organisation_id = "organisations"."id")`,
    })
    .from(organisations)
    .leftJoin(
      cases,
      withCase === 'byId'
        ? and(eq(cases.id, sql.placeholder('caseId')), eq(cases.organisationId, organisations.id))
        : withCase === 'byMessage'
          ? and(
              eq(cases.organisationId, organisations.id),
              eq(cases.network, sql.placeholder('network')),
              eq(cases.externalId, sql.placeholder('externalId')),
            )
          : sql`false`,
    )
    .where(eq(organisations.id, sql.placeholder('organisationId')));
}

/** Built once per database (drizzle's query building was ~15 % of a command's CPU): by case, by message, without. */
const preparedContexts = preparedPerDatabase((db) => ({
  byId: commandContextQuery(db, 'byId').prepare('command_context_case'),
  byMessage: commandContextQuery(db, 'byMessage').prepare('command_context_message'),
  none: commandContextQuery(db, 'none').prepare('command_context'),
}));

const preparedContext = (db: DbOrTx, withCase: ContextCase) => preparedContexts(db)[withCase];

/**
 * Everything a command is decided with, in one statement: the organisation, the case (by `caseId`, or by the
 * message a registration comes from),
 * the topic directory, the people and the departments' ids. A custom regulation profile costs one more read; the imported calendar years
 * are cached (calendar/imported-years.ts).
 */
export async function loadCommandContext(
  db: DbOrTx,
  organisationId: string,
  caseId: string | null,
  /** Without `caseId`: the case registered from this message, if any (`stored`). */
  message?: { readonly network: string; readonly externalId: string },
): Promise<CommandContext> {
  const [row] = await (caseId !== null
    ? preparedContext(db, 'byId').execute({ organisationId, caseId })
    : message
      ? preparedContext(db, 'byMessage').execute({ organisationId, ...message })
      : preparedContext(db, 'none').execute({ organisationId }));
  if (!row) throw notFound('organisation');
  const stored: StoredCase | null =
    // Both null together: no such case (the left join found no row).
    row.caseVersion === null || row.caseState === null
      ? null
      : {
          version: row.caseVersion,
          state: row.caseState,
          partyDepartmentIds: row.casePartyDepartmentIds ?? [],
          partyExecutorIds: row.casePartyExecutorIds ?? [],
        };
  const profileId = stored?.state.profileId ?? row.profileId;
  const [profile, years] = await Promise.all([loadProfile(db, organisationId, profileId), loadImportedYears(db)]);
  return {
    stored,
    rules: {
      organisationId,
      timeZone: row.timeZone,
      profile,
      calendar: calendarFor(row.timeZone, row.calendarOverrides, years),
    },
    directory: {
      topics: fromJson<{ id: string; name: string; listed: boolean }[]>(row.topics),
      people: fromJson<{ id: string; departmentId: string | null; roles: Role[]; active: boolean }[]>(row.people),
    },
    departmentIds: fromJson<string[]>(row.departmentIds),
  };
}
