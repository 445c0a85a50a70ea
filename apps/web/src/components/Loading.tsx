// Loading and empty states, announced politely to screen readers.
import { useT } from '../i18n';

export function Loading(props: { readonly label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {props.label ?? t.app.loading}
    </div>
  );
}

export function Empty(props: { readonly children: string }) {
  return (
    <p className="empty" role="status">
      {props.children}
    </p>
  );
}
