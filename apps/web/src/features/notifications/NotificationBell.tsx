// The bell: unread count on the button, the live feed in a panel (Escape or a click outside closes it).
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { markNotificationsRead } from '../../api/notifications';
import { formatDateTime } from '../../components/format';
import { plural, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { type NotificationItem, useNotifications } from '../../stores/notifications';
import { notificationWords } from './words';

export function NotificationBell() {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  const items = useNotifications((s) => s.items);
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const [open, setOpen] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = items.filter((i) => !i.read).length;

  useEffect(() => {
    if (!open) return;
    // Keyboard users land in the panel; Escape returns them to the bell.
    panelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const markAll = () => {
    const ids = items.filter((i) => !i.read).map((i) => i.id);
    if (ids.length) markNotificationsRead(ids).catch(() => {});
  };

  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        aria-label={
          unread
            ? `${t.notifications.bell}: ${plural(t.notifications.unread, unread, t.lang.locale)}`
            : t.notifications.bell
        }
        onClick={() => setOpen((o) => !o)}
      >
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id="bell-panel"
          ref={panelRef}
          className="bell-panel"
          role="dialog"
          aria-label={t.notifications.bell}
          tabIndex={-1}
        >
          <div className="bell-head">
            <strong>{t.notifications.bell}</strong>
            {unread > 0 && (
              <button type="button" className="button-link" onClick={markAll}>
                {t.notifications.markAll}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted">{t.notifications.empty}</p>
          ) : (
            <ul className="bell-list">
              {items.slice(0, 50).map((n) => (
                <li key={n.id} className={`${n.read ? '' : 'unread'} ${n.urgent ? 'urgent' : ''}`}>
                  <NotificationText notification={n} lang={lang} />
                  <span className="muted">{formatDateTime(n.createdAt, timeZone, t.lang.locale)}</span>
                  {n.caseId && (
                    <Link
                      to={`/cases/${n.caseId}`}
                      onClick={() => {
                        setOpen(false);
                        if (!n.read) markNotificationsRead([n.id]).catch(() => {});
                      }}
                    >
                      {t.notifications.open}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function NotificationText(props: { notification: NotificationItem; lang: 'ru' | 'en' }) {
  const { title, body } = notificationWords(props.notification, props.lang);
  return (
    <>
      <strong>{title}</strong>
      {body && <p>{body}</p>}
    </>
  );
}
