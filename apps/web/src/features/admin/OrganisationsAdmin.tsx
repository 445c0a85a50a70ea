// Organisations of the installation, for region administrators: every organisation with its people and open cases,
// a new one with its first administrator, rename, archive and restore.
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { emptyOrganisationDraft, OrganisationFields, toNewOrganisation } from '../setup/OrganisationFields';
import { AdminListSection } from './AdminListForm';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function OrganisationsAdmin() {
  const t = useT();
  const own = useSession((s) => s.user?.organisationId);
  const list = useAsync(() => api.organisations.list.query(), []);
  const rowForm = useAdminForm();
  const [createdLogin, setCreatedLogin] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

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
  return (
    <AdminListSection
      title={t.admin.sections.organisations}
      hint={texts.intro}
      list={list}
      rowClass={(o) => (o.archivedAt ? 'archived' : undefined)}
      columns={[
        {
          header: t.admin.name,
          cell: (o) =>
            renaming?.id === o.id ? (
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
            ),
        },
        { header: texts.slug, cell: (o) => o.slug },
        { header: t.setup.preset, cell: (o) => o.profileId },
        { header: t.admin.timeZone, cell: (o) => o.timeZone },
        { header: texts.people, cell: (o) => o.peopleCount },
        { header: texts.openCases, cell: (o) => o.openCases },
      ]}
      rowName={(o) => o.name}
      rowActions={(o) => (
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
      )}
      belowTable={<FormStatus error={rowForm.error} saved={false} />}
      addHeading={texts.newTitle}
      focusAfterAdd="submit"
      showSaved={false}
      empty={{ ...emptyOrganisationDraft(), regionAdministrator: false }}
      check={(draft) => {
        setMismatch(draft.password !== draft.password2);
        return draft.password === draft.password2;
      }}
      save={async ({ regionAdministrator, ...draft }) => {
        setCreatedLogin(null);
        const created = await api.organisations.create.mutate({ ...toNewOrganisation(draft), regionAdministrator });
        setCreatedLogin(created.adminLogin);
      }}
      fields={(draft, set, form) => (
        <>
          <OrganisationFields
            draft={draft}
            onChange={set}
            errors={{ ...form.error?.fields, ...(mismatch ? { password2: t.setup.mismatch } : {}) }}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.regionAdministrator}
              onChange={(e) => set({ regionAdministrator: e.target.checked })}
            />
            <span>{texts.regionAdmin}</span>
          </label>
        </>
      )}
      notice={
        createdLogin && (
          <p className="success-message" role="status">
            {fill(texts.created, { login: createdLogin })}
          </p>
        )
      }
    />
  );
}
