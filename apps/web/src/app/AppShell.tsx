// The signed-in frame: skip link, header with navigation by role, live-connection state, bell, language and user.
import { mayOpen } from '@otklik/domain';
import { useEffect } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { signOut } from '../api/session';
import { Loading } from '../components/Loading';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { UrgentAlert } from '../features/notifications/UrgentAlert';
import { useT } from '../i18n';
import { startRealtime, stopRealtime } from '../realtime/socket';
import { useSession } from '../stores/session';
import { ConnectionBadge } from './ConnectionBadge';
import { LanguageSwitch } from './LanguageSwitch';

export function AppShell() {
  const t = useT();
  const location = useLocation();
  const status = useSession((s) => s.status);
  const user = useSession((s) => s.user);

  useEffect(() => {
    if (status !== 'authenticated') return;
    startRealtime({ kind: 'session' });
    return () => stopRealtime();
  }, [status]);

  if (status === 'unknown') return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  // The domain's table of areas decides the menu; the server checks the same table.
  const may = (area: Parameters<typeof mayOpen>[0]) => mayOpen(area, user.roles);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.app.skip}
      </a>
      <header className="app-header">
        <NavLink to="/" className="app-logo">
          {t.app.name}
        </NavLink>
        <nav aria-label={t.nav.menu} className="app-nav">
          {may('board') && <NavLink to="/board">{t.nav.board}</NavLink>}
          {may('register') && <NavLink to="/register">{t.register.nav}</NavLink>}
          {may('inbox') && <NavLink to="/inbox">{t.nav.inbox}</NavLink>}
          {may('head') && <NavLink to="/head">{t.head.nav}</NavLink>}
          {may('reports') && <NavLink to="/reports">{t.reports.nav}</NavLink>}
          {may('admin') && <NavLink to="/admin">{t.nav.admin}</NavLink>}
        </nav>
        <div className="app-tools">
          <ConnectionBadge />
          <NotificationBell />
          <LanguageSwitch />
          <NavLink
            to="/account/password"
            className="app-user"
            title={`${user.roles.map((r) => t.roles[r]).join(', ')} · ${t.account.nav}`}
          >
            {user.fullName}
          </NavLink>
          <button type="button" className="button-link" onClick={() => void signOut()}>
            {t.nav.logout}
          </button>
        </div>
      </header>
      <UrgentAlert />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
