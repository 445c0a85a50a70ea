// A labelled form field with its error message tied to the input (aria-describedby), so screen readers read both.
import { cloneElement, type ReactElement, useId } from 'react';

export function Field(props: {
  readonly label: string;
  readonly error?: string | undefined;
  readonly children: ReactElement<Record<string, unknown>>;
  readonly hint?: string;
  /** Keeps the label for screen readers only (tables where the column header already says it). */
  readonly hideLabel?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        <span>{props.label}</span>
      </label>
      {cloneElement(props.children, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {props.hint && (
        <span id={hintId} className="muted">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}
