// Output schemas of the procedures that send case rows, derived from the live messages' schemas of @otklik/contract:
// a row in a snapshot and the row of a live change are one row. Instants stay Dates here (sent as ISO strings, as
// before); keys a schema does not name are dropped, so a wall never receives a column added to the board later.
import { zWallRowMessage } from '@otklik/contract';
import { z } from 'zod';

/** A row of `wall.snapshot`: the live wall row without its `view` tag. */
export const zWallSnapshotRow = zWallRowMessage
  .omit({ view: true })
  .extend({ dueAt: z.date().nullable(), detectedAt: z.date() });

export const zImportedCalendarYear = z.object({
  year: z.number().int(),
  source: z.string(),
  daysOff: z.array(z.string()).readonly(),
  shortenedDays: z.array(z.string()).readonly(),
  transferredDaysOff: z.array(z.string()).readonly(),
});

export const zWallSettings = z.object({
  organisation: z.object({
    name: z.string(),
    timeZone: z.string(),
    // As stored: the browser's calendar sanitises it as the server's does (an entry left from an older version is
    // skipped there, not a refused snapshot here).
    calendarOverrides: z.unknown(),
    calendarYears: z.array(zImportedCalendarYear),
  }),
  serverTime: z.number(),
});

export const zWallSnapshot = zWallSettings.extend({
  seq: z.number().int().nonnegative(),
  cases: z.array(zWallSnapshotRow),
});
