// The one shape of an administration screen: a table of what exists and a form below it that adds a new entry or,
// after "Изменить" on a row, changes that entry; "Удалить" removes one. Loading, refusals next to their fields, focus
// after a save (back to the edited row's button, or the cleared form's first field) and the cancel of an edit are
// here once; a screen says only its columns, its fields and which procedures save and remove.
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import type { AsyncState } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormStatus } from './FormStatus';
import { type AdminForm, type FocusAfterSave, firstFieldOf, useAdminForm } from './use-admin-form';

export interface AdminColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
}

/** The section of a screen whose data loads first: its heading, then a spinner, a retry, or the content. */
export function AdminSection<T>(props: {
  readonly title: string;
  readonly hint?: ReactNode;
  readonly list: AsyncState<T>;
  readonly children: (data: T) => ReactNode;
  readonly sectionRef?: React.Ref<HTMLDivElement>;
}) {
  const { list } = props;
  return (
    <div className="admin-section" ref={props.sectionRef}>
      <h2>{props.title}</h2>
      {props.hint && <p className="muted">{props.hint}</p>}
      {list.data === undefined ? (
        list.error ? (
          <ErrorMessage error={list.error} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : (
        props.children(list.data)
      )}
    </div>
  );
}

/** A table of entries with one cell per column and, last, the row's buttons (or none). */
export function AdminTable<Row extends { readonly id: string | number }>(props: {
  readonly rows: readonly Row[];
  readonly columns: readonly AdminColumn<Row>[];
  readonly actions?: (row: Row) => ReactNode;
  /** The (visually hidden) header of the buttons' column. */
  readonly actionsHeader?: string;
  readonly current?: string | number | null;
  readonly rowClass?: (row: Row) => string | undefined;
}) {
  const t = useT();
  if (props.rows.length === 0) return <p className="muted">{t.admin.noData}</p>;
  return (
    <DataTable
      className="admin-table"
      headers={[
        ...props.columns.map((c) => c.header),
        ...(props.actions ? [<span className="visually-hidden">{props.actionsHeader ?? t.admin.edit}</span>] : []),
      ]}
    >
      {props.rows.map((row) => (
        <tr key={row.id} aria-current={props.current === row.id ? 'true' : undefined} className={props.rowClass?.(row)}>
          {props.columns.map((c) => (
            <td key={c.header}>{c.cell(row)}</td>
          ))}
          {props.actions && <td className="admin-row-actions">{props.actions(row)}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

export interface AdminListFormProps<Row extends { readonly id: string }, Draft> {
  readonly rows: readonly Row[];
  readonly columns: readonly AdminColumn<Row>[];
  /** How a row is named in its buttons' labels (for screen readers) and in the heading of its edit form. */
  readonly rowName: (row: Row) => string;
  /** The heading of the form while a row is edited (default: "Изменить: <name>"). */
  readonly editHeading?: (row: Row) => string;
  /** A new entry's values. */
  readonly empty: Draft;
  /** The form's values for a row; without it rows are not edited here. */
  readonly draftOf?: (row: Row) => Draft;
  /** Sends the form: `editing` is the edited row's id, null for a new entry. */
  readonly save: (draft: Draft, editing: string | null) => Promise<unknown>;
  readonly remove?: (row: Row) => Promise<unknown>;
  /** After a save or a removal: reload the list (and what else depends on it). */
  readonly onChanged: () => void;
  /**
   * The form's fields for the values; `set` changes some of them; `form.field(name)` is the server's refusal;
   * `editing`: a row is edited (a screen whose edit form differs from its create form shows other fields).
   */
  readonly fields: (draft: Draft, set: (patch: Partial<Draft>) => void, form: AdminForm, editing: boolean) => ReactNode;
  /** The heading of the form for a new entry (default: "Добавить"). */
  readonly addHeading?: string;
  /** The form's own check before sending; false: nothing is sent (the fields say why). */
  readonly check?: (draft: Draft) => boolean;
  /** Where focus goes after a new entry is saved (default: the cleared form's first field). */
  readonly focusAfterAdd?: FocusAfterSave;
  /** The screen's own form state, when a row's buttons submit through it too (default: the form's own). */
  readonly form?: AdminForm;
  /** A row's own buttons, after "Изменить" and "Удалить", and the header of their column. */
  readonly rowActions?: (row: Row) => ReactNode;
  readonly actionsHeader?: string;
  readonly rowClass?: (row: Row) => string | undefined;
  /** Under the table: the outcome of changes made in its cells. */
  readonly belowTable?: ReactNode;
  /** Between the form's outcome and its button: what a save produced (a secret, a login). */
  readonly notice?: ReactNode;
  /** Whether a save says "Сохранено" (default: yes; a screen whose notice says more turns it off). */
  readonly showSaved?: boolean;
}

export function AdminListForm<Row extends { readonly id: string }, Draft>(props: AdminListFormProps<Row, Draft>) {
  const t = useT();
  const ownForm = useAdminForm();
  const form = props.form ?? ownForm;
  const rowAction = useAdminForm();
  const [draft, setDraft] = useState<Draft>(props.empty);
  /** The row being edited; null: the form adds a new entry. */
  const [editing, setEditing] = useState<string | null>(null);
  const table = useRef<HTMLDivElement>(null);
  const editButton = (id: string) => table.current?.querySelector<HTMLElement>(`[data-edit="${id}"]`);
  const firstField = () => firstFieldOf(form.ref.current)?.focus();

  const reset = () => {
    setEditing(null);
    setDraft(props.empty);
  };
  /** Leaves an edit unsaved (its button or Escape): focus goes back to the edited row's button. */
  const cancel = () => {
    const id = editing;
    reset();
    if (id) editButton(id)?.focus();
  };
  const headingId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (props.check && !props.check(draft)) return;
    const id = editing;
    const ok = await form.submit(() => props.save(draft, id), {
      focus: id ? () => editButton(id) : (props.focusAfterAdd ?? 'first-field'),
    });
    if (ok) {
      reset();
      props.onChanged();
    }
  };
  const remove = (row: Row) =>
    void rowAction
      .submit(() => props.remove!(row))
      .then((ok) => {
        if (!ok) return;
        if (editing === row.id) reset();
        props.onChanged();
        firstField();
      });
  const { draftOf, rowActions } = props;
  const edited = editing ? props.rows.find((r) => r.id === editing) : undefined;
  const actions =
    draftOf || props.remove || rowActions
      ? (row: Row) => (
          <>
            {draftOf && (
              <button
                type="button"
                className="button-link"
                data-edit={row.id}
                aria-label={`${t.admin.edit}: ${props.rowName(row)}`}
                onClick={() => {
                  setEditing(row.id);
                  setDraft(draftOf(row));
                  firstField();
                }}
              >
                {t.admin.edit}
              </button>
            )}
            {draftOf && props.remove && ' '}
            {props.remove && (
              <button
                type="button"
                className="button-link"
                aria-label={`${t.admin.remove}: ${props.rowName(row)}`}
                disabled={rowAction.busy}
                onClick={() => remove(row)}
              >
                {t.admin.remove}
              </button>
            )}
            {rowActions?.(row)}
          </>
        )
      : undefined;
  return (
    <>
      <div ref={table}>
        <AdminTable
          rows={props.rows}
          columns={props.columns}
          actions={actions}
          actionsHeader={props.actionsHeader}
          current={editing}
          rowClass={props.rowClass}
        />
      </div>
      <FormStatus error={rowAction.error} saved={false} />
      {props.belowTable}
      <form
        className="admin-form"
        onSubmit={submit}
        noValidate
        ref={form.ref}
        aria-labelledby={headingId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) cancel();
        }}
      >
        <h3 id={headingId}>
          {edited
            ? (props.editHeading?.(edited) ?? `${t.admin.edit}: ${props.rowName(edited)}`)
            : (props.addHeading ?? t.admin.add)}
        </h3>
        {props.fields(draft, (patch) => setDraft((d) => ({ ...d, ...patch })), form, editing !== null)}
        <FormStatus error={form.error} saved={form.saved && props.showSaved !== false} />
        {props.notice}
        <button type="submit" className="button-primary" disabled={form.busy}>
          {editing ? t.app.save : t.admin.create}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={cancel}>
            {t.app.cancel}
          </button>
        )}
      </form>
    </>
  );
}

/** The usual screen: a section whose list loads, then `AdminListForm` over its rows; a change reloads the list unless
 *  the screen says otherwise. */
export function AdminListSection<Row extends { readonly id: string }, Draft>(
  props: {
    readonly title: string;
    readonly hint?: ReactNode;
    readonly list: AsyncState<readonly Row[]>;
  } & Omit<AdminListFormProps<Row, Draft>, 'rows' | 'onChanged'> &
    Partial<Pick<AdminListFormProps<Row, Draft>, 'onChanged'>>,
) {
  const { title, hint, list, onChanged, ...form } = props;
  return (
    <AdminSection title={title} hint={hint} list={list}>
      {(rows) => <AdminListForm {...form} rows={rows} onChanged={onChanged ?? list.reload} />}
    </AdminSection>
  );
}
