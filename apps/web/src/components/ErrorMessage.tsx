// A server error as a readable message in an alert region, with an optional retry.
import { toReadableError } from '../api/errors';
import { useT } from '../i18n';

export function ErrorMessage(props: { readonly error: unknown; readonly onRetry?: () => void }) {
  const t = useT();
  if (props.error === null || props.error === undefined) return null;
  const e = toReadableError(props.error, t);
  return (
    <div className="error-message" role="alert">
      <span>{e.message}</span>
      {props.onRetry && (
        <button type="button" className="button-secondary" onClick={props.onRetry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}
