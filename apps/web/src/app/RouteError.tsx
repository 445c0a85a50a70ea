// When a screen fails to render, a readable message with a way out instead of a blank page or a stack trace.
import { useRouteError } from 'react-router';
import { toReadableError } from '../api/errors';
import { useT } from '../i18n';

export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <main className="page route-error" id="main">
      <h1>{t.errors.generic}</h1>
      <p role="alert">{toReadableError(error, t).message}</p>
      <p>
        <a href="/">{t.app.toBoard}</a> ·{' '}
        <button type="button" className="button-link" onClick={() => window.location.reload()}>
          {t.app.retry}
        </button>
      </p>
    </main>
  );
}
