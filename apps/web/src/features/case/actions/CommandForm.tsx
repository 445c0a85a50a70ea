// The frame of every action form: a heading, the fields, the error of the last attempt and one submit button.
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../../i18n';
import type { CommandRunner } from '../use-command';

export function CommandForm(props: {
  readonly title: string;
  readonly runner: CommandRunner;
  readonly onSubmit: () => void;
  readonly children?: ReactNode;
  readonly submitLabel?: string;
  readonly danger?: boolean;
}) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className="command-form" onSubmit={submit} noValidate aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
      {props.runner.error && (
        <p className="error-message" role="alert">
          {props.runner.error}
        </p>
      )}
      <button type="submit" className={props.danger ? 'button-danger' : 'button-primary'} disabled={props.runner.busy}>
        {props.runner.busy ? t.forms.sending : (props.submitLabel ?? t.forms.submit)}
      </button>
    </form>
  );
}
