// Regulation profiles: the five presets and the organisation's own, each viewable rule by rule; the organisation's
// current profile can be switched; a custom profile is created from a preset (ProfileEditor).
import type { Profile, StepId } from '@otklik/domain';
import { useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { rememberProfiles } from '../../api/profiles';
import { api } from '../../api/trpc';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ruleText } from '../../components/rule-text';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { AdminSection } from './AdminListForm';
import { FormStatus } from './FormStatus';
import { ProfileEditor } from './ProfileEditor';
import { useAdminForm } from './use-admin-form';

export function ProfilesAdmin() {
  const t = useT();
  const list = useAsync(() => api.profiles.list.query(), []);
  const currentId = useDirectory((s) => s.organisations[0]?.profileId);
  const [selected, setSelected] = useState<string | null>(null);
  const [copyFrom, setCopyFrom] = useState<Profile | null>(null);
  const profile = useAsync(
    () => (selected ? api.profiles.get.query({ id: selected }) : Promise.resolve(null)),
    [selected],
  );
  const apply = useAdminForm();
  const p = profile.data as Profile | null | undefined;
  if (p) rememberProfiles([p]);
  return (
    <AdminSection title={t.admin.sections.profiles} list={list}>
      {(profiles) => (
        <>
          <ul className="profile-list">
            {profiles.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className={selected === s.id ? 'chip chip-active' : 'chip'}
                  aria-pressed={selected === s.id}
                  onClick={() => {
                    setSelected(s.id);
                    setCopyFrom(null);
                  }}
                >
                  {s.name}
                </button>{' '}
                <span className="muted">
                  {s.isPreset ? t.admin.preset : t.admin.custom}
                  {s.id === currentId ? ` · ${t.admin.current}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {profile.error != null && <ErrorMessage error={profile.error} />}
          {p && !copyFrom && (
            <div className="profile-view">
              <h3>{p.name}</h3>
              <p className="muted">{p.source}</p>
              <DataTable className="admin-table" headers={[t.admin.step, t.admin.rule]}>
                {(Object.entries(p.steps) as [StepId, Profile['steps'][StepId]][]).map(([step, rule]) =>
                  rule ? (
                    <tr key={step}>
                      <td>{t.steps[step]}</td>
                      <td>{ruleText(rule, t)}</td>
                    </tr>
                  ) : null,
                )}
              </DataTable>
              <p>
                {t.admin.publisher}: {t.admin.publishers[p.publisher]} · {t.admin.atRiskShare}:{' '}
                {p.atRiskShare.toLocaleString(t.lang.locale)}
              </p>
              <div className="inline-row">
                <button type="button" className="button-secondary" onClick={() => setCopyFrom(p)}>
                  {t.admin.copyFrom} «{p.name}»
                </button>
                {p.id !== currentId && (
                  <button
                    type="button"
                    className="button-primary"
                    disabled={apply.busy}
                    onClick={() =>
                      void apply
                        .submit(() => api.profiles.setForOrganisation.mutate({ profileId: p.id }))
                        .then(loadDirectory)
                    }
                  >
                    {t.admin.useForOrg}
                  </button>
                )}
              </div>
              <FormStatus error={apply.error} saved={apply.saved} />
            </div>
          )}
          {copyFrom && (
            <ProfileEditor
              base={copyFrom}
              onCreated={(id) => {
                setCopyFrom(null);
                list.reload();
                setSelected(id);
              }}
            />
          )}
        </>
      )}
    </AdminSection>
  );
}
