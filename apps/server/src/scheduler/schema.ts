// The scheduler's table: for each open case, the next instant a clock becomes at risk or breached. The leader
// reads the earliest rows instead of scanning every case, and the rows survive restarts.
import { index, integer, pgTable } from 'drizzle-orm/pg-core';
import { caseRef, instant, organisationRef } from '../db/schema';

export const clockAlarms = pgTable(
  'clock_alarms',
  {
    caseId: caseRef().primaryKey(),
    organisationId: organisationRef(),
    fireAt: instant().notNull(),
    /** The case version the alarm was computed from: a stale computation never overwrites a newer one. */
    caseVersion: integer().notNull(),
  },
  (t) => [index('clock_alarms_fire_at_idx').on(t.fireAt)],
);
