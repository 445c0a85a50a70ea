// The live connection as a small badge; when lost it says so in words and heals itself (socket.io reconnects).
import { useT } from '../i18n';
import { useUi } from '../stores/ui';

export function ConnectionBadge() {
  const t = useT();
  const status = useUi((s) => s.connection);
  return (
    <span className={`connection connection-${status}`} role="status" aria-live="polite" data-connection={status}>
      <span className="connection-dot" aria-hidden="true" />
      <span className={status === 'online' ? 'visually-hidden' : ''}>{t.app.connection[status]}</span>
    </span>
  );
}
