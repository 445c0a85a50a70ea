// A choice of one row of a list (a topic, a department, a person) by its id, optionally with "—" first for none.
// Inside a Field, the label's id and the error's aria attributes reach the select itself.
export function RowSelect<R extends { readonly id: string }>(props: {
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly rows: readonly R[];
  /** The words of a row's option. */
  readonly label: (row: R) => string;
  /** A first option "—" with the empty value: nothing chosen yet. */
  readonly orNone?: boolean;
  readonly id?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}) {
  const { value, onChange, rows, label, orNone, ...rest } = props;
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {orNone && <option value="">—</option>}
      {rows.map((r) => (
        <option key={r.id} value={r.id}>
          {label(r)}
        </option>
      ))}
    </select>
  );
}
