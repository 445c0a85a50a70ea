// The ground of a rejection (REGULATIONS 10: one of the profile's grounds, in the reader's language) and a note: what
// the rejection form and a triage of an unprocessable message both ask.
import { profileTextIn } from '@otklik/contract';
import { profileFor } from '../../../api/profiles';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { type ActionFormProps, fieldError } from './form-context';

export function GroundFields(props: {
  readonly profileId: string;
  readonly runner: ActionFormProps['runner'];
  /** Null where the form asks only for the note (a processable triage). */
  readonly ground: { readonly value: string; readonly onChange: (ground: string) => void } | null;
  readonly note: string;
  readonly onNote: (note: string) => void;
}) {
  const t = useT();
  const grounds = profileFor(props.profileId)?.rejectionGrounds ?? [];
  const { ground } = props;
  return (
    <>
      {ground && (
        <Field label={t.forms.ground} error={fieldError(props.runner, 'ground')}>
          <select value={ground.value} onChange={(e) => ground.onChange(e.target.value)}>
            <option value="">—</option>
            {grounds.map((g) => (
              <option key={g.code} value={g.code}>
                {profileTextIn(g.label, t.lang.code as 'ru' | 'en')}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t.forms.note}>
        <input value={props.note} onChange={(e) => props.onNote(e.target.value)} />
      </Field>
    </>
  );
}
