// The place directory of the wall: settlements and districts. The wall names a case's place only as one of these
// (domain wallPlaceOf), never by the free text an operator typed. "Изменить" fills the form with a place; the
// server checks the name again (unique in the organisation).
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const KINDS = ['settlement', 'district'] as const;
type Kind = (typeof KINDS)[number];

export function PlacesAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.places.query(), []);
  const form = useAdminForm();
  const row = useAdminForm();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('settlement');
  /** The place being edited; null: the form adds a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLDivElement>(null);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const places = list.data;
  const editButton = (id: string) => section.current?.querySelector<HTMLElement>(`[data-edit="${id}"]`);
  const reset = () => {
    setEditing(null);
    setName('');
    setKind('settlement');
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const id = editing;
    const ok = await form.submit(
      () =>
        id ? api.directory.updatePlace.mutate({ id, name, kind }) : api.directory.createPlace.mutate({ name, kind }),
      { focus: id ? () => editButton(id) : 'first-field' },
    );
    if (ok) {
      reset();
      list.reload();
    }
  };
  const remove = (id: string) =>
    void row
      .submit(() => api.directory.deletePlace.mutate({ id }))
      .then((ok) => {
        if (!ok) return;
        if (editing === id) reset();
        list.reload();
        nameInput.current?.focus();
      });
  return (
    <div className="admin-section" ref={section}>
      <h2>{t.admin.sections.places}</h2>
      <p className="muted">{t.admin.placesHint}</p>
      {places.length === 0 ? (
        <p className="muted">{t.admin.noData}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.name}</th>
              <th scope="col">{t.admin.placeKind}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr key={p.id} aria-current={editing === p.id ? 'true' : undefined}>
                <td>{p.name}</td>
                <td>{t.admin.placeKinds[p.kind as Kind] ?? p.kind}</td>
                <td className="admin-row-actions">
                  <button
                    type="button"
                    className="button-link"
                    data-edit={p.id}
                    aria-label={`${t.admin.edit}: ${p.name}`}
                    onClick={() => {
                      setEditing(p.id);
                      setName(p.name);
                      setKind(p.kind as Kind);
                      nameInput.current?.focus();
                    }}
                  >
                    {t.admin.edit}
                  </button>{' '}
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`${t.admin.remove}: ${p.name}`}
                    disabled={row.busy}
                    onClick={() => remove(p.id)}
                  >
                    {t.admin.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormStatus error={row.error} saved={false} />
      <form className="admin-form" onSubmit={save} noValidate ref={form.ref}>
        <h3>{editing ? `${t.admin.edit}: ${places.find((p) => p.id === editing)?.name ?? ''}` : t.admin.add}</h3>
        <Field label={t.admin.name} error={form.field('name')}>
          <input ref={nameInput} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t.admin.placeKind} error={form.field('kind')}>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.admin.placeKinds[k]}
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
