// The warning shown while the next 60 days depend on a year with no production-calendar data (its deadlines come
// from the Labour Code fallback and may move once the decree is out). Region administrators (who load the years for
// every organisation) get a link to the import.
import { Link } from 'react-router';
import { api } from '../api/trpc';
import { fill, useT } from '../i18n';
import { useSession } from '../stores/session';
import { useAsync } from './use-async';

export function CalendarWarning(props: { readonly nonce?: number }) {
  const t = useT();
  const isAdmin = useSession((s) => s.user?.regionAdministrator === true);
  const status = useAsync(() => api.calendar.status.query(), [props.nonce]);
  const unconfirmed = status.data?.unconfirmed;
  if (!unconfirmed) return null;
  const from = new Intl.DateTimeFormat(t.lang.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.parse(`${unconfirmed.from}T00:00:00Z`),
  );
  return (
    <p className="notice calendar-warning" role="status" data-testid="calendar-warning">
      {fill(t.productionCalendar.warning, { date: from, years: unconfirmed.years.join(', ') })}{' '}
      {isAdmin ? <Link to="/admin/calendar">{t.productionCalendar.toImport}</Link> : t.productionCalendar.askAdmin}
    </p>
  );
}
