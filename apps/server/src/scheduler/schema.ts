// The scheduler's table: for each open case, the next instant a clock becomes at risk or breached. The leader
// reads the earliest rows instead of scanning every case, and the rows survive restarts.
import { index, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases, organisations } from '../db/schema';

export const clockAlarms = pgTable(
  'clock_alarms',
  {
    caseId: uuid()
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fireAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    /** The case version the alarm was computed from: a stale computation never overwrites a newer one. */
    caseVersion: integer().notNull(),
  },
  (t) => [index('clock_alarms_fire_at_idx').on(t.fireAt)],
);
