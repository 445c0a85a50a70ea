// A choice of one row of a list (a topic, a department, a person) by its id, optionally with "—" first for none.
// Inside a Field, the label's id and the error's aria attributes reach the select itself.
import { ChoiceSelect } from './ChoiceSelect';

type SelectAttributes = Pick<Parameters<typeof ChoiceSelect>[0], 'id' | 'aria-invalid' | 'aria-describedby'>;

export function RowSelect<R extends { readonly id: string }>(
  props: SelectAttributes & {
    readonly value: string;
    readonly onChange: (id: string) => void;
    readonly rows: readonly R[];
    /** The words of a row's option. */
    readonly label: (row: R) => string;
    /** A first option "—" with the empty value: nothing chosen yet. */
    readonly orNone?: boolean;
  },
) {
  const { rows, label, orNone, ...rest } = props;
  const labels = new Map(rows.map((r) => [r.id, label(r)]));
  return (
    <ChoiceSelect
      {...rest}
      options={rows.map((r) => r.id)}
      label={(id) => labels.get(id) ?? id}
      empty={orNone ? '—' : undefined}
    />
  );
}
