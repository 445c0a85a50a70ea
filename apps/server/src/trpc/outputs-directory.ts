// Output schemas of the sign-in, first-run, directory, organisation and intake-key procedures. A Date column stays a
// Date here (sent as an ISO string); a key a schema does not name is dropped, so a column added to a table later (a
// secret hash, a password) is never sent by accident: it must be named here first.
import { zSurgeThresholds } from '@otklik/domain';
import { z } from 'zod';
import { zWallFilters } from '../cases/rows';
import { zRole } from './inputs';
import { zImportedCalendarYear } from './outputs';

/** A mutation that answers only that it went through. */
export const zOk = z.object({ ok: z.literal(true) });

export const zSessionUser = z.object({
  personId: z.string(),
  organisationId: z.string(),
  fullName: z.string(),
  login: z.string(),
  position: z.string(),
  roles: z.array(zRole).readonly(),
  regionAdministrator: z.boolean(),
  departmentId: z.string().nullable(),
  departmentIds: z.array(z.string()).readonly(),
  substituteFor: z.array(z.string()).readonly(),
});

export const zSignedIn = z.object({ user: zSessionUser, sessionExpiresAt: z.number() });
export const zMe = z.object({ user: zSessionUser.nullable(), serverTime: z.number() });
export const zSignInMethods = z.object({
  oidc: z.object({ name: z.string(), startUrl: z.string() }).nullable(),
  ldap: z.boolean(),
});

export const zSetupStatus = z.object({ needed: z.boolean(), codeIssued: z.boolean() });
export const zSetupDone = z.object({ organisationId: z.string(), slug: z.string() });

export const zOrganisationRow = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  profileId: z.string(),
  curatorSupervisorId: z.string().nullable(),
  operatorSupervisorId: z.string().nullable(),
  // As stored: the browser's calendar sanitises it as the server's does (see outputs.ts, the wall's settings).
  calendarOverrides: z.unknown(),
  surgeThresholds: zSurgeThresholds.nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const zOrganisationWithCalendar = zOrganisationRow.extend({ calendarYears: z.array(zImportedCalendarYear) });

export const zTopicRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  listed: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
});

export const zPlaceRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  kind: z.enum(['settlement', 'district']),
  createdAt: z.date(),
});

export const zDepartmentRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  supervisingDeputyId: z.string().nullable(),
  createdAt: z.date(),
});

/** A person as the directory shows them: never the password hash, only whether one is set. */
export const zPersonView = z.object({
  id: z.string(),
  organisationId: z.string(),
  login: z.string(),
  fullName: z.string(),
  position: z.string(),
  departmentId: z.string().nullable(),
  roles: z.array(z.string()),
  regionAdministrator: z.boolean(),
  active: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.date(),
});

export const zAbsenceRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  personId: z.string(),
  substituteId: z.string(),
  reason: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  createdAt: z.date(),
});

/** An official account as every signed-in person may see it: no secrets, no settings. */
export const zChannelAccountLink = z.object({
  id: z.string(),
  organisationId: z.string(),
  network: z.string(),
  title: z.string(),
  url: z.string(),
  createdAt: z.date(),
});

/** The organisations' list: the row's identity and state, with its counts. */
export const zOrganisationListRow = zOrganisationRow
  .pick({ id: true, slug: true, name: true, timeZone: true, profileId: true, archivedAt: true, createdAt: true })
  .extend({ peopleCount: z.number(), openCases: z.number() });
export const zOrganisationCreated = z.object({ id: z.string(), slug: z.string(), adminLogin: z.string() });

export const zApiKeyRow = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
/** A new key: the only answer that carries the key itself (it is stored hashed). */
export const zApiKeyCreated = zApiKeyRow
  .pick({ id: true, name: true, prefix: true, createdAt: true })
  .extend({ key: z.string() });
export const zDisplayTokenRow = z.object({
  id: z.string(),
  name: z.string(),
  filters: zWallFilters,
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
/** A new display token: like a key, the only answer that carries it. */
export const zDisplayTokenCreated = zDisplayTokenRow
  .pick({ id: true, name: true, createdAt: true })
  .extend({ token: z.string() });
