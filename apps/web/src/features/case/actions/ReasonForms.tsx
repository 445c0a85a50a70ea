// Actions that need one reason or one line of text: return to the curator (krasnoufimsk p.11: a written reason),
// return for revision, link to a published answer (idrinsky 3.6), flag socially significant, approve.
import { stepDeadline } from '@otklik/domain';
import { useState } from 'react';
import { profileFor } from '../../../api/profiles';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { useClock } from '../../../stores/clock';
import { useDirectory } from '../../../stores/directory';
import { useSession } from '../../../stores/session';
import { CommandForm } from './CommandForm';
import { myPendingDepartment } from './ContributionForm';
import { type ActionFormProps, fieldError } from './form-context';

export function ReturnForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const user = useSession((s) => s.user);
  const mine = myPendingDepartment(detail, user?.id ?? '', user?.departmentIds ?? []);
  const [reason, setReason] = useState('');
  const calendar = useDirectory((s) => s.calendars.get(detail.organisationId));
  const offsetMs = useClock((s) => s.offsetMs);
  const profile = profileFor(detail.profileId);
  const receivedAt = detail.state.assignments.find((a) => a.departmentId === mine?.departmentId)?.receivedAt ?? null;
  // konyshevsky p.8, krasnoufimsk p.11: after the window the return is still possible, and recorded as late.
  const window =
    profile && calendar && receivedAt !== null ? stepDeadline(profile, calendar, 'return', receivedAt) : null;
  const late = window?.ok === true && Date.now() + offsetMs > window.value.at;
  return (
    <CommandForm
      title={t.commands.return}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'return', departmentId: mine?.departmentId ?? '', reason })}
    >
      {late && (
        <p className="notice" role="note">
          {t.forms.lateReturn}
        </p>
      )}
      <Field label={t.forms.reason} error={fieldError(runner, 'reason')}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </CommandForm>
  );
}

export function RevisionForm({ runner }: ActionFormProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <CommandForm
      title={t.commands['request-revision']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'request-revision', reason })}
    >
      <Field label={t.forms.reason} error={fieldError(runner, 'reason')}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </CommandForm>
  );
}

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

export function LinkPublishedForm({ runner }: ActionFormProps) {
  const t = useT();
  const [url, setUrl] = useState('');
  return (
    <CommandForm
      title={t.commands['link-published']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'link-published', url })}
    >
      <Field label={t.forms.url} error={fieldError(runner, 'url')}>
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
    </CommandForm>
  );
}

export function FlagForm({ runner }: ActionFormProps) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <CommandForm
      title={t.commands['flag-socially-significant']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'flag-socially-significant', note: note || undefined })}
    >
      <Field label={t.forms.note}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
