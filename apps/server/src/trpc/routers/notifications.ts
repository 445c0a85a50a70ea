// The signed-in person's notification feed (deficiency notices, alerts, new tasks); marking read goes over the
// socket (notifications:mark-read).
// Rows are written by the notification delivery (notifications/delivery*.ts) and pushed live over the socket.
import { zNotificationsPage } from '@otklik/contract';
import { z } from 'zod';
import { listNotifications } from '../../notifications/delivery-feed';
import { protectedProcedure, router } from '../trpc';

export const notificationsRouter = router({
  list: protectedProcedure
    .input(
      z.object({ onlyUnread: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).default({}),
    )
    .output(zNotificationsPage)
    .query(({ ctx, input }) => listNotifications(ctx.deps.db, ctx.user.personId, input)),
});
