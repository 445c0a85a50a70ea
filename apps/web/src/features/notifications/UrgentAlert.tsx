// An alert to the head (socially significant message, surge) as a banner across every page, with the page title
// blinking, until someone acknowledges it: impossible to miss.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { markNotificationsRead } from '../../api/notifications';
import { plural, useT } from '../../i18n';
import { useNotifications } from '../../stores/notifications';
import { notificationWords } from './words';

export function UrgentAlert() {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  const urgent = useNotifications((s) => s.items.find((i) => i.urgent && !i.read));
  const others = useNotifications((s) => s.items.filter((i) => i.urgent && !i.read).length - 1);

  useEffect(() => {
    if (!urgent) return;
    const original = document.title;
    let on = false;
    const timer = setInterval(() => {
      on = !on;
      document.title = on ? `⚠ ${notificationWords(urgent, lang).title}` : original;
    }, 1000);
    return () => {
      clearInterval(timer);
      document.title = original;
    };
  }, [urgent, lang]);

  if (!urgent) return null;
  const words = notificationWords(urgent, lang);
  return (
    <div className="urgent-alert" role="alert" data-testid="urgent-alert">
      <div>
        <strong>{t.notifications.urgentTitle}</strong>
        <p className="urgent-text">
          {words.title}
          {words.body ? ` — ${words.body}` : ''}
          {others > 0 ? ` (${plural(t.notifications.more, others, t.lang.locale)})` : ''}
        </p>
      </div>
      <div className="urgent-actions">
        {urgent.caseId && <Link to={`/cases/${urgent.caseId}`}>{t.notifications.open}</Link>}
        <button type="button" className="button-secondary" onClick={() => void markNotificationsRead([urgent.id])}>
          {t.notifications.acknowledge}
        </button>
      </div>
    </div>
  );
}
