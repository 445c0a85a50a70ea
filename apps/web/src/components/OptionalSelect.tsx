// A choice of one entry of a directory (a person, a department) or none: the first option is "—" (empty value).
// Inside a Field, the label's id and the error's aria attributes reach the select itself.
import { useT } from '../i18n';
import { ChoiceSelect } from './ChoiceSelect';

export function OptionalSelect(props: {
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly id?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}) {
  const t = useT();
  const { options, ...rest } = props;
  const labels = new Map(options.map((o) => [o.id, o.label]));
  return (
    <ChoiceSelect
      {...rest}
      options={options.map((o) => o.id)}
      label={(id) => labels.get(id) ?? id}
      empty={t.admin.none}
    />
  );
}
