// The whole tRPC API, one router per area; the web app imports `AppRouter` (as a type only) from here.
import { authRouter } from './routers/auth';
import { casesRouter } from './routers/cases';
import { directoryRouter } from './routers/directory';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  cases: casesRouter,
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;
