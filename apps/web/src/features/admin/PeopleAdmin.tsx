// People and their roles: create a person with a login and roles; change a person's name, position, roles,
// department or whether they may sign in (a person switched off keeps their history).
import { PERSON_ROLES, type Role } from '@otklik/domain';
import { useId } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { CheckField } from '../../components/CheckField';
import { Field } from '../../components/Field';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { AdminListForm, AdminSection } from './AdminListForm';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const EMPTY = {
  fullName: '',
  position: '',
  login: '',
  password: '',
  email: '',
  departmentId: '',
  roles: ['executor'] as Role[],
  active: true,
};

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

export function PeopleAdmin() {
  const t = useT();
  const list = useAsync(() => Promise.all([api.directory.people.query(), api.directory.departments.query()]), []);
  const toggle = useAdminForm();
  return (
    <AdminSection title={t.admin.sections.people} list={list}>
      {([people, departments]) => {
        const departmentOptions = departments.map((d) => ({ id: d.id, label: d.name }));
        const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? t.admin.none;
        return (
          <AdminListForm
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
            rowName={(p) => p.fullName}
            editHeading={(p) => fill(t.admin.editPerson, { name: p.fullName })}
            belowTable={<FormStatus error={toggle.error} saved={false} />}
            empty={EMPTY}
            draftOf={(p) => ({
              ...EMPTY,
              fullName: p.fullName,
              position: p.position ?? '',
              departmentId: p.departmentId ?? '',
              roles: p.roles as Role[],
              active: p.active,
            })}
            save={(v, id) =>
              id
                ? api.directory.updatePerson.mutate({
                    id,
                    fullName: v.fullName,
                    position: v.position,
                    roles: v.roles,
                    departmentId: v.departmentId || null,
                    active: v.active,
                  })
                : api.directory.createPerson.mutate({
                    fullName: v.fullName,
                    position: v.position || undefined,
                    login: v.login,
                    password: v.password || null,
                    email: v.email || null,
                    roles: v.roles,
                    departmentId: v.departmentId || null,
                  })
            }
            onChanged={() => {
              list.reload();
              void loadDirectory();
            }}
            fields={(v, set, form, editing) => {
              // A person's login, password and e-mail are set when they are created; switching off is an edit.
              const text = (k: 'fullName' | 'position' | 'login' | 'password' | 'email', type = 'text') => (
                <Field label={t.admin[k]} error={form.field(k)}>
                  <input type={type} value={v[k]} onChange={(e) => set({ [k]: e.target.value })} />
                </Field>
              );
              return (
                <>
                  {text('fullName')}
                  {text('position')}
                  {!editing && (
                    <>
                      {text('login')}
                      {text('password', 'password')}
                      {text('email', 'email')}
                    </>
                  )}
                  <Field label={t.admin.department} error={form.field('departmentId')}>
                    <OptionalSelect
                      value={v.departmentId}
                      onChange={(departmentId) => set({ departmentId })}
                      options={departmentOptions}
                    />
                  </Field>
                  <RoleChecks roles={v.roles} onChange={(roles) => set({ roles })} error={form.field('roles')} />
                  {editing && (
                    <CheckField label={t.admin.active} checked={v.active} onChange={(active) => set({ active })} />
                  )}
                </>
              );
            }}
          />
        );
      }}
    </AdminSection>
  );
}
