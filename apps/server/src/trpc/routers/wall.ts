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
import { AppError } from '../../errors/app-error';
import { DISPLAY_KEY_REVOKED, DISPLAY_KEY_UNKNOWN, displayKeyMessages, findDisplayToken } from '../../intake/api-keys';
import { headSeq } from '../../realtime/changes';
import { zWallSnapshot } from '../outputs';
import { publicProcedure, router } from '../trpc';

/** The live display of a token; a refusal carries `details.reason` (display-key-revoked / display-key-unknown), so the
 *  wall can say the key was revoked instead of showing stale data as a lost connection. */
async function requireDisplay(db: Db, token: string) {
  const display = await findDisplayToken(db, token);
  if (display?.state !== 'live') {
    const reason = display ? DISPLAY_KEY_REVOKED : DISPLAY_KEY_UNKNOWN;
    throw new AppError('UNAUTHORIZED', displayKeyMessages[reason], { reason });
  }
  return { ...display, filters: zWallFilters.parse(display.filters) };
}

const zToken = z.string().min(1).max(200);

export const wallRouter = router({
  snapshot: publicProcedure
    .input(z.object({ token: zToken }))
    .output(zWallSnapshot)
    .query(async ({ ctx, input }) => {
      const display = await requireDisplay(ctx.deps.db, input.token);
      const [org] = await ctx.deps.db.select().from(organisations).where(eq(organisations.id, display.organisationId));
      const seq = await headSeq(ctx.deps.db, display.organisationId);
      // Every open case, however many pages the board has.
      const rows = await listBoardAll(ctx.deps.db, display.organisationId, display.filters);
      const directory = await loadPlaceDirectory(ctx.deps.db, display.organisationId);
      return {
        organisation: {
          name: org!.name,
          timeZone: org!.timeZone,
          calendarOverrides: org!.calendarOverrides,
          calendarYears: await loadImportedYears(ctx.deps.db),
        },
        serverTime: ctx.deps.now(),
        seq,
        cases: rows.map((r) => toWallRow(r, directory)),
      };
    }),
});
