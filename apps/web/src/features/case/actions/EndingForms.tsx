// Other endings of a case (REGULATIONS 10): rejection with the profile's ground, an explanation (idrinsky 3.7), and
// conversion to an official appeal under 59-FZ with the author's consent (idrinsky 3.8).
import { useState } from 'react';
import { CheckField } from '../../../components/CheckField';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';
import { GroundFields } from './GroundFields';

export function RejectForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  return (
    <CommandForm
      title={t.commands.reject}
      runner={runner}
      danger
      onSubmit={() => void runner.run({ type: 'reject', ground, note: note || undefined })}
    >
      <GroundFields
        profileId={detail.profileId}
        runner={runner}
        ground={{ value: ground, onChange: setGround }}
        note={note}
        onNote={setNote}
      />
    </CommandForm>
  );
}

const EXPLANATION_REASONS = ['outside-competence', 'bypass-law', 'court-ruling', 'answered-repeatedly'] as const;

export function ExplanationForm({ runner }: ActionFormProps) {
  const t = useT();
  const [reason, setReason] = useState<(typeof EXPLANATION_REASONS)[number]>('outside-competence');
  const [text, setText] = useState('');
  return (
    <CommandForm
      title={t.commands['send-explanation']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'send-explanation', reason, text })}
    >
      <Field label={t.forms.explanationReason}>
        <ChoiceSelect
          value={reason}
          onChange={setReason}
          options={EXPLANATION_REASONS}
          label={(r) => t.forms.explanationReasons[r]}
        />
      </Field>
      <Field label={t.forms.text} error={fieldError(runner, 'text')}>
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
    </CommandForm>
  );
}

export function AppealForm({ runner }: ActionFormProps) {
  const t = useT();
  const [consent, setConsent] = useState(false);
  const [v, setV] = useState({ fullName: '', address: '', phone: '', registrationNumber: '' });
  const input = (k: keyof typeof v, type = 'text') => (
    <Field label={t.forms[k]} error={fieldError(runner, k)}>
      <input type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </Field>
  );
  return (
    <CommandForm
      title={t.commands['convert-to-appeal']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'convert-to-appeal', consent: consent as true, ...v })}
    >
      <CheckField label={t.forms.consent} checked={consent} onChange={setConsent} />
      {fieldError(runner, 'consent') && <p className="field-error">{fieldError(runner, 'consent')}</p>}
      {input('fullName')}
      {input('address')}
      {input('phone', 'tel')}
      {input('registrationNumber')}
    </CommandForm>
  );
}
