// The reason a person is away (the domain's ABSENCE_REASONS), chosen in the absences screen and when a curator names
// a substitute on a case.
import { ABSENCE_REASONS, type AbsenceReason } from '@otklik/domain';
import { useT } from '../i18n';
import { ChoiceSelect } from './ChoiceSelect';
import { Field } from './Field';

export function AbsenceReasonField(props: {
  readonly value: AbsenceReason;
  readonly onChange: (reason: AbsenceReason) => void;
  readonly error?: string | undefined;
}) {
  const t = useT();
  return (
    <Field label={t.admin.reason} error={props.error}>
      <ChoiceSelect
        value={props.value}
        onChange={props.onChange}
        options={ABSENCE_REASONS}
        label={(r) => t.admin.reasons[r]}
      />
    </Field>
  );
}
