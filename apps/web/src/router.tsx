// Routes: sign-in, the first-run page and the wall display stand alone (the wall never asks for a login); everything else is inside the
// signed-in shell.
import { createBrowserRouter } from 'react-router';
import { AppShell } from './app/AppShell';
import { HomeRedirect } from './app/HomeRedirect';
import { NotFound } from './app/NotFound';
import { RootLayout } from './app/RootLayout';
import { RouteError } from './app/RouteError';
import { HeadPage } from './pages/head/HeadPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { PasswordScreen } from './screens/account/PasswordScreen';
import { AdminScreen } from './screens/admin/AdminScreen';
import { BoardScreen } from './screens/board/BoardScreen';
import { CaseScreen } from './screens/case/CaseScreen';
import { TasksScreen } from './screens/inbox/TasksScreen';
import { LoginScreen } from './screens/login/LoginScreen';
import { RegisterScreen } from './screens/register/RegisterScreen';
import { FirstRunScreen } from './screens/setup/FirstRunScreen';
import { WallScreen } from './screens/wall/WallScreen';

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
          { path: '/admin/*', Component: AdminScreen },
          { path: '/reports', Component: ReportsPage },
          { path: '/head', Component: HeadPage },
          { path: '/account/password', Component: PasswordScreen },
          { path: '*', Component: NotFound },
        ],
      },
    ],
  },
]);
