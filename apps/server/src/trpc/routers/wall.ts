// The wall display: a read-only board by display token, without a session and without personal data
// (no authors, no message text, no names of people).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { listBoard } from '../../cases/board';
import { latestSeq } from '../../cases/queries';
import { organisations } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { findDisplayToken } from '../../intake/api-keys';
import { publicProcedure, router } from '../trpc';

const zWallFilters = z.object({ departmentId: z.string().optional(), category: z.string().optional() }).catch({});

export const wallRouter = router({
  snapshot: publicProcedure.input(z.object({ token: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const display = await findDisplayToken(ctx.deps.db, input.token);
    if (!display) {
      throw new AppError(
        'UNAUTHORIZED',
        'Ключ табло недействителен или отозван / the display token is invalid or revoked',
      );
    }
    const [org] = await ctx.deps.db.select().from(organisations).where(eq(organisations.id, display.organisationId));
    const filters = zWallFilters.parse(display.filters);
    const seq = await latestSeq(ctx.deps, display.organisationId);
    const rows = await listBoard(ctx.deps.db, display.organisationId, filters);
    return {
      organisation: { name: org!.name, timeZone: org!.timeZone, calendarOverrides: org!.calendarOverrides },
      serverTime: ctx.deps.now(),
      seq,
      cases: rows.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        currentStep: r.currentStep,
        dueAt: r.dueAt,
        responsibleDepartmentId: r.responsibleDepartmentId,
        responsibleDepartmentName: r.responsibleDepartmentName,
        category: r.category,
        topic: r.topic,
        location: r.location,
        network: r.network,
        flags: r.flags,
        clocks: r.clocks,
        isOpen: r.isOpen,
        detectedAt: r.detectedAt,
      })),
    };
  }),
});
