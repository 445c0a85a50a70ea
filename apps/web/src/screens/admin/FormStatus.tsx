// The outcome of an admin form: the readable error, or "Saved".
import type { ReadableError } from '../../api/errors';
import { useT } from '../../i18n';

export function FormStatus(props: { readonly error: ReadableError | null; readonly saved: boolean }) {
  const t = useT();
  if (props.error) {
    return (
      <p className="error-message" role="alert">
        {props.error.message}
      </p>
    );
  }
  return props.saved ? (
    <p className="success-message" role="status">
      {t.admin.saved}
    </p>
  ) : null;
}
