// The outcome of an admin form (the readable error, or "Saved") and its submit button, busy while it saves.
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

/** The form's outcome followed by its submit button (disabled while the form is saving). */
export function FormSubmit(props: {
  readonly form: { readonly error: ReadableError | null; readonly saved: boolean; readonly busy: boolean };
  readonly label: string;
}) {
  return (
    <>
      <FormStatus error={props.form.error} saved={props.form.saved} />
      <button type="submit" className="button-primary" disabled={props.form.busy}>
        {props.label}
      </button>
    </>
  );
}
