// Tables of access and accountability: the audit log (who signed in, failed, was locked out, changed a password, a
// role or the directory) and the counters of failed sign-ins (rate-limiter-flexible's Drizzle store, shared by every
// node through the database, PGlite included).
import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant, organisations, personOrNull } from './schema';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: createdAt(),
    /** Null for what belongs to no organisation (a failed sign-in with an unknown login). */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    /** The person who acted (null: unknown login, the system). */
    actorId: personOrNull(),
    /** The login as it was then (a person may be renamed or removed later). */
    actorLogin: text(),
    /** What happened, e.g. 'sign-in', 'sign-in.failed', 'person.roles-changed' (see audit/actions.ts). */
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    /** The client address (through the trusted proxies, see OTKLIK_TRUST_PROXY). */
    ip: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_org_at_idx').on(t.organisationId, t.at), index('audit_log_action_idx').on(t.action)],
);

/** Column names fixed by rate-limiter-flexible's RateLimiterDrizzle (key, points, expire). */
export const loginLimits = pgTable('login_limits', {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: instant(),
});
