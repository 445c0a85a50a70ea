// Tables of the reports area: surges of activity (many messages on one topic or location within a window), kept
// open while the rate stays above the organisation's threshold and resolved automatically when it falls.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idAndOrganisation, instant } from './schema';

export const surges = pgTable(
  'surges',
  {
    ...idAndOrganisation(),
    /** 'topic' | 'location' */
    dimension: text().notNull(),
    value: text().notNull(),
    startedAt: instant().notNull(),
    lastSeenAt: instant().notNull(),
    /** Null while the surge is active. */
    resolvedAt: instant(),
    /** Every case the surge took in (the alert lists them). */
    caseIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Messages in the window when it opened, the threshold it crossed and the usual rate it was compared with. */
    peakCount: integer().notNull(),
    threshold: integer().notNull(),
    baseline: real().notNull().default(0),
  },
  (t) => [
    index('surges_org_active_idx').on(t.organisationId, t.resolvedAt),
    // One active surge per organisation, dimension and value: a second detector run cannot open a duplicate.
    uniqueIndex('surges_one_active_uq').on(t.organisationId, t.dimension, t.value).where(sql`resolved_at is null`),
  ],
);
