// The whole tRPC API, one router per area; the web app imports `AppRouter` (as a type only) from here.
import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { calendarRouter } from './routers/calendar';
import { casesRouter } from './routers/cases';
import { channelsRouter } from './routers/channels';
import { directoryRouter } from './routers/directory';
import { intakeRouter } from './routers/intake';
import { notificationsRouter } from './routers/notifications';
import { organisationsRouter } from './routers/organisations';
import { profilesRouter } from './routers/profiles';
import { reportsRouter } from './routers/reports';
import { setupRouter } from './routers/setup';
import { wallRouter } from './routers/wall';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  cases: casesRouter,
  channels: channelsRouter,
  directory: directoryRouter,
  profiles: profilesRouter,
  calendar: calendarRouter,
  intake: intakeRouter,
  notifications: notificationsRouter,
  reports: reportsRouter,
  wall: wallRouter,
  organisations: organisationsRouter,
  setup: setupRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
