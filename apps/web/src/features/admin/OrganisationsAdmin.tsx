// Organisations of the installation, for region administrators: every organisation with its people and open cases,
// a new one with its first administrator, rename, archive and restore.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { emptyOrganisationDraft, OrganisationFields, toNewOrganisation } from '../setup/OrganisationFields';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function OrganisationsAdmin() {
  const t = useT();
  const own = useSession((s) => s.user?.organisationId);
  const list = useAsync(() => api.organisations.list.query(), []);
  const form = useAdminForm();
  const rowForm = useAdminForm();
  const [draft, setDraft] = useState(emptyOrganisationDraft);
  const [regionAdmin, setRegionAdmin] = useState(false);
  const [createdLogin, setCreatedLogin] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(draft.password !== draft.password2);
    if (draft.password !== draft.password2) return;
    setCreatedLogin(null);
    let login: string | null = null;
    const ok = await form.submit(async () => {
      login = (await api.organisations.create.mutate({ ...toNewOrganisation(draft), regionAdministrator: regionAdmin }))
        .adminLogin;
    });
    if (ok) {
      setCreatedLogin(login);
      setDraft(emptyOrganisationDraft());
      setRegionAdmin(false);
      list.reload();
    }
  };
  const rename = async (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    if (await rowForm.submit(() => api.organisations.rename.mutate(renaming))) {
      setRenaming(null);
      list.reload();
    }
  };
  const setArchived = async (id: string, name: string, archived: boolean) => {
    if (archived && !window.confirm(fill(t.admin.organisations.archiveConfirm, { name }))) return;
    if (await rowForm.submit(() => api.organisations.setArchived.mutate({ id, archived }))) list.reload();
  };

  const texts = t.admin.organisations;
  const errors: Record<string, string> = {
    ...form.error?.fields,
    ...(mismatch ? { password2: t.setup.mismatch } : {}),
  };
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.organisations}</h2>
      <p className="muted">{texts.intro}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.admin.name}</th>
            <th scope="col">{texts.slug}</th>
            <th scope="col">{t.setup.preset}</th>
            <th scope="col">{t.admin.timeZone}</th>
            <th scope="col">{texts.people}</th>
            <th scope="col">{texts.openCases}</th>
            <th scope="col">
              <span className="visually-hidden">{t.admin.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((o) => (
            <tr key={o.id} className={o.archivedAt ? 'archived' : undefined}>
              <td>
                {renaming?.id === o.id ? (
                  <form onSubmit={rename} className="inline-form">
                    <Field label={texts.rename} hideLabel error={rowForm.field('name')}>
                      <input value={renaming.name} onChange={(e) => setRenaming({ id: o.id, name: e.target.value })} />
                    </Field>
                    <button type="submit" className="button-primary" disabled={rowForm.busy}>
                      {texts.save}
                    </button>
                    <button type="button" className="button-link" onClick={() => setRenaming(null)}>
                      {texts.cancel}
                    </button>
                  </form>
                ) : (
                  <>
                    {o.name}
                    {o.archivedAt && <span className="muted"> ({texts.archived})</span>}
                  </>
                )}
              </td>
              <td>{o.slug}</td>
              <td>{o.profileId}</td>
              <td>{o.timeZone}</td>
              <td>{o.peopleCount}</td>
              <td>{o.openCases}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button-link" onClick={() => setRenaming({ id: o.id, name: o.name })}>
                    {texts.rename}
                  </button>
                  {o.id !== own && (
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => void setArchived(o.id, o.name, o.archivedAt === null)}
                    >
                      {o.archivedAt ? texts.restore : texts.archive}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rowForm.error && (
        <p className="error-message" role="alert">
          {rowForm.error.message}
        </p>
      )}
      <form className="admin-form" onSubmit={create} noValidate ref={form.ref}>
        <h3>{texts.newTitle}</h3>
        <OrganisationFields draft={draft} onChange={setDraft} errors={errors} />
        <label className="checkbox">
          <input type="checkbox" checked={regionAdmin} onChange={(e) => setRegionAdmin(e.target.checked)} />
          <span>{texts.regionAdmin}</span>
        </label>
        <FormStatus error={form.error} saved={false} />
        {createdLogin && (
          <p className="success-message" role="status">
            {fill(texts.created, { login: createdLogin })}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
