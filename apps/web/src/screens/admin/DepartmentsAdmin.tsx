// Departments (structural units) with the supervising deputy who receives their deficiency notices; a department is
// renamed or given another deputy in the same form ("Изменить" fills it), checked again by the server.
import { type FormEvent, useRef, useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function DepartmentsAdmin() {
  const t = useT();
  const list = useAsync(() => Promise.all([api.directory.departments.query(), api.directory.people.query()]), []);
  const form = useAdminForm();
  const [name, setName] = useState('');
  const [deputy, setDeputy] = useState('');
  /** The department being edited; null: the form creates a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLDivElement>(null);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const [departments, people] = list.data;
  const personName = (id: string | null) => people.find((p) => p.id === id)?.fullName ?? t.admin.none;
  const reset = () => {
    setEditing(null);
    setName('');
    setDeputy('');
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const id = editing;
    const ok = await form.submit(
      () =>
        id
          ? api.directory.updateDepartment.mutate({ id, name, supervisingDeputyId: deputy || null })
          : api.directory.createDepartment.mutate({ name, supervisingDeputyId: deputy || null }),
      // After an edit, back to the edited row's button; after adding, the cleared form's first field.
      { focus: id ? () => section.current?.querySelector<HTMLElement>(`[data-edit="${id}"]`) : 'first-field' },
    );
    if (ok) {
      reset();
      list.reload();
      void loadDirectory();
    }
  };
  return (
    <div className="admin-section" ref={section}>
      <h2>{t.admin.sections.departments}</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.admin.name}</th>
            <th scope="col">{t.admin.deputy}</th>
            <th scope="col">
              <span className="visually-hidden">{t.admin.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{personName(d.supervisingDeputyId)}</td>
              <td>
                <button
                  type="button"
                  className="button-link"
                  data-edit={d.id}
                  aria-label={`${t.admin.edit}: ${d.name}`}
                  onClick={() => {
                    setEditing(d.id);
                    setName(d.name);
                    setDeputy(d.supervisingDeputyId ?? '');
                    nameInput.current?.focus();
                  }}
                >
                  {t.admin.edit}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={create} noValidate ref={form.ref}>
        <h3>{editing ? `${t.admin.edit}: ${departments.find((d) => d.id === editing)?.name ?? ''}` : t.admin.add}</h3>
        <Field label={t.admin.name} error={form.field('name')}>
          <input ref={nameInput} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t.admin.deputy} error={form.field('supervisingDeputyId')}>
          <select value={deputy} onChange={(e) => setDeputy(e.target.value)}>
            <option value="">{t.admin.none}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
              </option>
            ))}
          </select>
        </Field>
        <FormStatus error={form.error} saved={form.saved} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {editing ? t.app.save : t.admin.create}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={reset}>
            {t.app.cancel}
          </button>
        )}
      </form>
    </div>
  );
}
