// People and their roles: create a person with a login and roles, switch a person off (they keep their history).
import type { Role } from '@otklik/domain';
import { type FormEvent, useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const ROLES: readonly Role[] = [
  'operator',
  'curator',
  'executor',
  'department-head',
  'head',
  'administrator',
  'observer',
];
const EMPTY = { fullName: '', position: '', login: '', password: '', email: '', departmentId: '' };

export function PeopleAdmin() {
  const t = useT();
  const list = useAsync(() => Promise.all([api.directory.people.query(), api.directory.departments.query()]), []);
  const form = useAdminForm();
  const toggle = useAdminForm();
  const [v, setV] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>(['executor']);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const [people, departments] = list.data;
  const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? t.admin.none;
  const text = (k: keyof typeof EMPTY, type = 'text') => (
    <Field label={t.admin[k === 'departmentId' ? 'department' : k]} error={form.field(k)}>
      <input type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </Field>
  );
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await form.submit(() =>
      api.directory.createPerson.mutate({
        fullName: v.fullName,
        position: v.position || undefined,
        login: v.login,
        password: v.password || null,
        email: v.email || null,
        roles,
        departmentId: v.departmentId || null,
      }),
    );
    if (ok) {
      setV(EMPTY);
      list.reload();
      void loadDirectory();
    }
  };
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.people}</h2>
      <FormStatus error={toggle.error} saved={false} />
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.admin.fullName}</th>
            <th scope="col">{t.admin.login}</th>
            <th scope="col">{t.admin.roles}</th>
            <th scope="col">{t.admin.department}</th>
            <th scope="col">{t.admin.active}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>
                {p.fullName}
                {p.position ? <div className="muted">{p.position}</div> : null}
              </td>
              <td>{p.login}</td>
              <td>{p.roles.map((r) => t.roles[r as Role] ?? r).join(', ')}</td>
              <td>{deptName(p.departmentId)}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t.admin.active}: ${p.fullName}`}
                  checked={p.active}
                  onChange={(e) =>
                    void toggle
                      .submit(() => api.directory.updatePerson.mutate({ id: p.id, active: e.target.checked }))
                      .then(list.reload)
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={create} noValidate>
        <h3>{t.admin.add}</h3>
        {text('fullName')}
        {text('position')}
        {text('login')}
        {text('password', 'password')}
        {text('email', 'email')}
        <Field label={t.admin.department} error={form.field('departmentId')}>
          <select value={v.departmentId} onChange={(e) => setV({ ...v, departmentId: e.target.value })}>
            <option value="">{t.admin.none}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>{t.admin.roles}</legend>
          {ROLES.map((r) => (
            <label key={r} className="field field-check">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              <span>{t.roles[r]}</span>
            </label>
          ))}
          {form.field('roles') && <span className="field-error">{form.field('roles')}</span>}
        </fieldset>
        <FormStatus error={form.error} saved={form.saved} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
