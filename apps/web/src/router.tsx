// Routes: sign-in, the first-run page and the wall display stand alone (the wall never asks for a login); everything else is inside the
// signed-in shell. The pages only some people open (reports and the head's overview with their charts, the admin
// screens) are separate chunks, loaded when first visited, so the board and the case screen start without them.
import { createBrowserRouter } from 'react-router';
import { AppShell } from './app/AppShell';
import { HomeRedirect } from './app/HomeRedirect';
import { NotFound } from './app/NotFound';
import { RootLayout } from './app/RootLayout';
import { RouteError } from './app/RouteError';
import { PasswordScreen } from './features/account/PasswordScreen';
import { BoardScreen } from './features/board/BoardScreen';
import { CaseScreen } from './features/case/CaseScreen';
import { TasksScreen } from './features/inbox/TasksScreen';
import { LoginScreen } from './features/login/LoginScreen';
import { RegisterScreen } from './features/register/RegisterScreen';
import { FirstRunScreen } from './features/setup/FirstRunScreen';
import { WallScreen } from './features/wall/WallScreen';

export const router = createBrowserRouter([
  {
    Component: RootLayout,
    ErrorBoundary: RouteError,
    children: [
      { path: '/login', Component: LoginScreen },
      { path: '/setup', Component: FirstRunScreen },
      { path: '/wall', Component: WallScreen },
      {
        Component: AppShell,
        children: [
          { path: '/', Component: HomeRedirect },
          { path: '/board', Component: BoardScreen },
          { path: '/cases/:caseId', Component: CaseScreen },
          { path: '/inbox', Component: TasksScreen },
          { path: '/register', Component: RegisterScreen },
          {
            path: '/admin/*',
            lazy: async () => ({ Component: (await import('./features/admin/AdminScreen')).AdminScreen }),
          },
          {
            path: '/reports',
            lazy: async () => ({ Component: (await import('./features/reports/ReportsPage')).ReportsPage }),
          },
          { path: '/head', lazy: async () => ({ Component: (await import('./features/head/HeadPage')).HeadPage }) },
          { path: '/account/password', Component: PasswordScreen },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
