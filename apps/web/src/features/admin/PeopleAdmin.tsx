// People and their roles: create a person with a login and roles; change a person's name, position, roles,
// department or whether they may sign in (a person switched off keeps their history).
import { PERSON_ROLES, type Role } from '@otklik/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { AdminTable } from './AdminListForm';
import { FormStatus, FormSubmit } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const EMPTY = { fullName: '', position: '', login: '', password: '', email: '', departmentId: '' };

/** The role checkboxes of a person's form, with the server's message when no role is left. */
function RoleChecks(props: {
  readonly roles: readonly Role[];
  readonly onChange: (roles: Role[]) => void;
  readonly error: string | undefined;
}) {
  const t = useT();
  const errorId = useId();
  return (
    <fieldset aria-describedby={props.error ? errorId : undefined}>
      <legend>{t.admin.roles}</legend>
      {PERSON_ROLES.map((r, i) => (
        <label key={r} className="field field-check">
          <input
            type="checkbox"
            checked={props.roles.includes(r)}
            aria-invalid={props.error && i === 0 ? true : undefined}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.roles, r] : props.roles.filter((x) => x !== r))
            }
          />
          <span>{t.roles[r]}</span>
        </label>
      ))}
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}

interface Editing {
  readonly id: string;
  readonly fullName: string;
  readonly position: string;
  readonly departmentId: string;
  readonly roles: Role[];
  readonly active: boolean;
}

export function PeopleAdmin() {
  const t = useT();
  const list = useAsync(() => Promise.all([api.directory.people.query(), api.directory.departments.query()]), []);
  const form = useAdminForm();
  const toggle = useAdminForm();
  const [v, setV] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>(['executor']);
  const edit = useAdminForm();
  const [editing, setEditing] = useState<Editing | null>(null);
  const section = useRef<HTMLDivElement>(null);
  const editTitle = useId();
  const createTitle = useId();
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const [people, departments] = list.data;
  const departmentOptions = departments.map((d) => ({ id: d.id, label: d.name }));
  const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? t.admin.none;
  const text = (k: keyof typeof EMPTY, type = 'text') => (
    <Field label={t.admin[k === 'departmentId' ? 'department' : k]} error={form.field(k)}>
      <input type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </Field>
  );
  const editButton = (id: string) => section.current?.querySelector<HTMLElement>(`[data-edit="${id}"]`);
  const saveEdit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const { id, fullName, position, departmentId, roles: newRoles, active } = editing;
    const ok = await edit.submit(
      () =>
        api.directory.updatePerson.mutate({
          id,
          fullName,
          position,
          roles: newRoles,
          departmentId: departmentId || null,
          active,
        }),
      { focus: () => editButton(id) },
    );
    if (ok) {
      setEditing(null);
      list.reload();
      void loadDirectory();
    }
  };
  const cancelEdit = () => {
    const id = editing?.id;
    setEditing(null);
    if (id) editButton(id)?.focus();
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await form.submit(
      () =>
        api.directory.createPerson.mutate({
          fullName: v.fullName,
          position: v.position || undefined,
          login: v.login,
          password: v.password || null,
          email: v.email || null,
          roles,
          departmentId: v.departmentId || null,
        }),
      { focus: 'first-field' },
    );
    if (ok) {
      setV(EMPTY);
      list.reload();
      void loadDirectory();
    }
  };
  return (
    <div className="admin-section" ref={section}>
      <h2>{t.admin.sections.people}</h2>
      <FormStatus error={toggle.error} saved={false} />
      <AdminTable
        rows={people}
        columns={[
          {
            header: t.admin.fullName,
            cell: (p) => (
              <>
                {p.fullName}
                {p.position ? <div className="muted">{p.position}</div> : null}
              </>
            ),
          },
          { header: t.admin.login, cell: (p) => p.login },
          { header: t.admin.roles, cell: (p) => p.roles.map((r) => t.roles[r as Role] ?? r).join(', ') },
          { header: t.admin.department, cell: (p) => deptName(p.departmentId) },
          {
            header: t.admin.active,
            cell: (p) => (
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
            ),
          },
        ]}
        actions={(p) => (
          <button
            type="button"
            className="button-link"
            data-edit={p.id}
            aria-label={`${t.admin.edit}: ${p.fullName}`}
            onClick={() =>
              setEditing({
                id: p.id,
                fullName: p.fullName,
                position: p.position ?? '',
                departmentId: p.departmentId ?? '',
                roles: p.roles as Role[],
                active: p.active,
              })
            }
          >
            {t.admin.edit}
          </button>
        )}
      />
      {editing && (
        <form
          className="admin-form"
          onSubmit={saveEdit}
          noValidate
          ref={edit.ref}
          aria-labelledby={editTitle}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancelEdit();
          }}
        >
          <h3 id={editTitle}>
            {fill(t.admin.editPerson, { name: people.find((p) => p.id === editing.id)?.fullName ?? '' })}
          </h3>
          <Field label={t.admin.fullName} error={edit.field('fullName')}>
            <input
              // biome-ignore lint/a11y/noAutofocus: the form opens from the row's button; typing starts here
              autoFocus
              value={editing.fullName}
              onChange={(e) => setEditing({ ...editing, fullName: e.target.value })}
            />
          </Field>
          <Field label={t.admin.position} error={edit.field('position')}>
            <input value={editing.position} onChange={(e) => setEditing({ ...editing, position: e.target.value })} />
          </Field>
          <Field label={t.admin.department} error={edit.field('departmentId')}>
            <OptionalSelect
              value={editing.departmentId}
              onChange={(departmentId) => setEditing({ ...editing, departmentId })}
              options={departmentOptions}
            />
          </Field>
          <RoleChecks
            roles={editing.roles}
            onChange={(r) => setEditing({ ...editing, roles: r })}
            error={edit.field('roles')}
          />
          <label className="field field-check">
            <input
              type="checkbox"
              checked={editing.active}
              onChange={(e) => setEditing({ ...editing, active: e.target.checked })}
            />
            <span>{t.admin.active}</span>
          </label>
          <FormStatus error={edit.error} saved={false} />
          <button type="submit" className="button-primary" disabled={edit.busy}>
            {t.app.save}
          </button>
          <button type="button" className="button-secondary" onClick={cancelEdit}>
            {t.app.cancel}
          </button>
        </form>
      )}
      <FormStatus error={null} saved={edit.saved && !editing} />
      <form className="admin-form" onSubmit={create} noValidate ref={form.ref} aria-labelledby={createTitle}>
        <h3 id={createTitle}>{t.admin.add}</h3>
        {text('fullName')}
        {text('position')}
        {text('login')}
        {text('password', 'password')}
        {text('email', 'email')}
        <Field label={t.admin.department} error={form.field('departmentId')}>
          <OptionalSelect
            value={v.departmentId}
            onChange={(departmentId) => setV({ ...v, departmentId })}
            options={departmentOptions}
          />
        </Field>
        <RoleChecks roles={roles} onChange={setRoles} error={form.field('roles')} />
        <FormSubmit form={form} label={t.admin.create} />
      </form>
    </div>
  );
}
