// Production-calendar years imported by an administrator from the government's open data: one row per year,
// shared by every organisation (the federal calendar is the same for all). Deadlines use a stored year ahead of
// the decrees shipped in code; a year with neither falls back to the Labour Code.
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, personOrNull } from '../db/schema';

export const productionCalendarYears = pgTable('production_calendar_years', {
  year: integer().primaryKey(),
  /** What the days are shown as coming from (file name and import date). */
  source: text().notNull(),
  /** Every non-working date of the year ('YYYY-MM-DD'), weekends included. */
  daysOff: text().array().notNull(),
  shortenedDays: text().array().notNull().default(sql`'{}'::text[]`),
  transferredDaysOff: text().array().notNull().default(sql`'{}'::text[]`),
  /** Totals computed at import, printed for the administrator to compare with the decree. */
  workingDays: integer().notNull(),
  hours40: integer().notNull(),
  fileName: text().notNull(),
  importedAt: createdAt(),
  importedBy: personOrNull(),
});
