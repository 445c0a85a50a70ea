// The root of every page: asks the server who is signed in once, and gives the shared components their texts.
import { type UiTexts, UiTextsProvider } from '@otklik/ui';
import { useEffect, useMemo } from 'react';
import { Outlet } from 'react-router';
import { loadMe } from '../api/session';
import { useT } from '../i18n';

export function RootLayout() {
  const t = useT();
  useEffect(() => {
    // A failed start-up leaves the session 'anonymous': the login page shows, and the wall needs no session.
    loadMe().catch(() => {});
  }, []);
  const texts = useMemo<UiTexts>(() => ({ ...t.countdown, locale: t.lang.locale, status: t.clockStatus }), [t]);
  return (
    <UiTextsProvider texts={texts}>
      <Outlet />
    </UiTextsProvider>
  );
}
