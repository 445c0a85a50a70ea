// A choice of one value from a fixed list (a domain enumeration, a directory's entries), each option shown in words.
// Inside a Field, the label's id and the error's aria attributes reach the select itself.
import type { Ref } from 'react';

export function ChoiceSelect<V extends string>(props: {
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly options: readonly V[];
  /** The words of an option. */
  readonly label: (value: V) => string;
  /** A first option with the empty value ("none"), shown with these words. */
  readonly empty?: string;
  readonly id?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
  readonly 'data-field'?: string;
  readonly ref?: Ref<HTMLSelectElement>;
}) {
  const { value, onChange, options, label, empty, ...rest } = props;
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
