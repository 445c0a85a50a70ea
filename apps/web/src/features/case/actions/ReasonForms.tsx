// Actions that need one reason or one line of text: return to the curator (krasnoufimsk p.11: a written reason),
// return for revision, link to a published answer (idrinsky 3.6), flag socially significant, approve.
import { type CaseCommandInput, type CommandType, stepDeadline } from '@otklik/domain';
import { type ReactNode, useState } from 'react';
import { profileFor } from '../../../api/profiles';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { useClock } from '../../../stores/clock';
import { useDirectory } from '../../../stores/directory';
import { useSession } from '../../../stores/session';
import type { CommandRunner } from '../use-command';
import { CommandForm } from './CommandForm';
import { myPendingDepartment } from './ContributionForm';
import { type ActionFormProps, fieldError } from './form-context';

export function ReturnForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const user = useSession((s) => s.user);
  const mine = myPendingDepartment(detail, user?.id ?? '', user?.departmentIds ?? []);
  const calendar = useDirectory((s) => s.calendars.get(detail.organisationId));
  const offsetMs = useClock((s) => s.offsetMs);
  const profile = profileFor(detail.profileId);
  const receivedAt = detail.state.assignments.find((a) => a.departmentId === mine?.departmentId)?.receivedAt ?? null;
  // konyshevsky p.8, krasnoufimsk p.11: after the window the return is still possible, and recorded as late.
  const window =
    profile && calendar && receivedAt !== null ? stepDeadline(profile, calendar, 'return', receivedAt) : null;
  const late = window?.ok === true && Date.now() + offsetMs > window.value.at;
  return (
    <TextCommandForm
      title={t.commands.return}
      runner={runner}
      label={t.forms.reason}
      field="reason"
      input="textarea"
      command={(reason) => ({ type: 'return', departmentId: mine?.departmentId ?? '', reason })}
    >
      {late && (
        <p className="notice" role="note">
          {t.forms.lateReturn}
        </p>
      )}
    </TextCommandForm>
  );
}

export const RevisionForm = oneTextForm('request-revision', {
  label: 'reason',
  field: 'reason',
  input: 'textarea',
  command: (reason) => ({ type: 'request-revision', reason }),
});

export function ApproveForm({ runner }: ActionFormProps) {
  const t = useT();
  return (
    <CommandForm
      title={t.commands.approve}
      runner={runner}
      submitLabel={t.commands.approve}
      onSubmit={() => void runner.run({ type: 'approve' })}
    />
  );
}

export const LinkPublishedForm = oneTextForm('link-published', {
  label: 'url',
  field: 'url',
  input: 'url',
  command: (url) => ({ type: 'link-published', url }),
});

export const FlagForm = oneTextForm('flag-socially-significant', {
  label: 'note',
  command: (note) => ({ type: 'flag-socially-significant', note: note || undefined }),
});

/** The form of a command given by one text alone: titled with the command's name, the text labelled `label`. */
function oneTextForm(
  type: CommandType,
  options: {
    readonly label: 'reason' | 'url' | 'note';
    readonly field?: string;
    readonly input?: 'textarea' | 'url';
    readonly command: (text: string) => CaseCommandInput;
  },
) {
  return function OneTextForm({ runner }: ActionFormProps) {
    const t = useT();
    return (
      <TextCommandForm
        title={t.commands[type]}
        runner={runner}
        label={t.forms[options.label]}
        field={options.field}
        input={options.input}
        command={options.command}
      />
    );
  };
}

/**
 * A command whose form is one text (a reason, a link, a note) and, above it, what `children` add. `field` is the
 * command's name for the text, under which a refusal is shown at the field; without it, refusals show only below.
 */
function TextCommandForm(props: {
  readonly title: string;
  readonly runner: CommandRunner;
  readonly label: string;
  readonly field?: string;
  readonly input?: 'textarea' | 'url' | 'text';
  readonly command: (text: string) => CaseCommandInput;
  readonly children?: ReactNode;
}) {
  const { runner } = props;
  const [value, setValue] = useState('');
  const change = (e: { target: { value: string } }) => setValue(e.target.value);
  return (
    <CommandForm title={props.title} runner={runner} onSubmit={() => void runner.run(props.command(value))}>
      {props.children}
      <Field label={props.label} error={props.field ? fieldError(runner, props.field) : undefined}>
        {props.input === 'textarea' ? (
          <textarea rows={3} value={value} onChange={change} />
        ) : (
          <input type={props.input === 'url' ? 'url' : undefined} value={value} onChange={change} />
        )}
      </Field>
    </CommandForm>
  );
}
