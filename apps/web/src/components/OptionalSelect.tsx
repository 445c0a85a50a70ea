// A choice of one entry of a directory (a person, a department) or none: the first option is "—" (empty value).
// Inside a Field, the label's id and the error's aria attributes reach the select itself.
import { useT } from '../i18n';

export function OptionalSelect(props: {
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly id?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}) {
  const t = useT();
  const { value, onChange, options, ...aria } = props;
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t.admin.none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
