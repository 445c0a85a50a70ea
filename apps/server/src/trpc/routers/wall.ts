// The wall display: a read-only board by display token, without a session and without personal data
// (no authors, no message text, no names of people, no free-text location: only a settlement or district of the
// organisation's place directory).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { loadImportedYears } from '../../calendar/imported-years';
import { listBoardAll } from '../../cases/board';
import { toWallRow, zWallFilters } from '../../cases/rows';
import type { Db } from '../../db/connect';
import { organisations } from '../../db/schema';
import { loadPlaceDirectory } from '../../directory/places';
import { appError } from '../../errors/app-error';
import {
  DISPLAY_KEY_MESSAGES,
  DISPLAY_KEY_REVOKED,
  DISPLAY_KEY_UNKNOWN,
  findDisplayToken,
} from '../../intake/api-keys';
import { headSeq } from '../../realtime/changes';
import { zWallSettings, zWallSnapshot } from '../outputs';
import { publicProcedure, router } from '../trpc';

/** The live display of a token; a refusal carries `details.reason` (display-key-revoked / display-key-unknown), so the
 *  wall can say the key was revoked instead of showing stale data as a lost connection. */
async function requireDisplay(db: Db, token: string) {
  const display = await findDisplayToken(db, token);
  if (display?.state !== 'live') {
    const reason = display ? DISPLAY_KEY_REVOKED : DISPLAY_KEY_UNKNOWN;
    throw appError('UNAUTHORIZED', DISPLAY_KEY_MESSAGES[reason], {}, { reason });
  }
  return { ...display, filters: zWallFilters.parse(display.filters) };
}

const zToken = z.string().min(1).max(200);

/** What the wall shows besides its rows: the organisation's name and its working calendar, and the server's time. */
async function wallSettings(db: Db, organisationId: string, now: number) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return {
    organisation: {
      name: org!.name,
      timeZone: org!.timeZone,
      calendarOverrides: org!.calendarOverrides,
      calendarYears: await loadImportedYears(db),
    },
    serverTime: now,
  };
}

export const wallRouter = router({
  snapshot: publicProcedure
    .input(z.object({ token: zToken }))
    .output(zWallSnapshot)
    .query(async ({ ctx, input }) => {
      const display = await requireDisplay(ctx.deps.db, input.token);
      const settings = await wallSettings(ctx.deps.db, display.organisationId, ctx.deps.now());
      const seq = await headSeq(ctx.deps.db, display.organisationId);
      // Every open case, however many pages the board has.
      const rows = await listBoardAll(ctx.deps.db, display.organisationId, display.filters);
      const directory = await loadPlaceDirectory(ctx.deps.db, display.organisationId);
      return { ...settings, seq, cases: rows.map((r) => toWallRow(r, directory)) };
    }),
  /** The wall's periodic refresh once its rows are live: the organisation, its calendar and the server's time, no
   *  rows (those come with the changes); a revoked token is refused as by `snapshot`. */
  settings: publicProcedure
    .input(z.object({ token: zToken }))
    .output(zWallSettings)
    .query(async ({ ctx, input }) => {
      const display = await requireDisplay(ctx.deps.db, input.token);
      return wallSettings(ctx.deps.db, display.organisationId, ctx.deps.now());
    }),
});
