// The signed-in person's notification feed (deficiency notices, alerts, new tasks): list and mark read.
// Rows are written by the notification delivery (notifications/delivery*.ts) and pushed live over the socket.
import { z } from 'zod';
import { listNotifications, markRead } from '../../notifications/delivery-feed';
import { zId } from '../inputs';
import { protectedProcedure, router } from '../trpc';

export const notificationsRouter = router({
  list: protectedProcedure
    .input(
      z.object({ onlyUnread: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).default({}),
    )
    .query(({ ctx, input }) => listNotifications(ctx.deps.db, ctx.user.personId, input)),
  markRead: protectedProcedure
    .input(z.object({ ids: z.array(zId).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => ({
      unread: await markRead(ctx.deps.db, ctx.user.personId, input.ids, ctx.deps.now()),
    })),
});
