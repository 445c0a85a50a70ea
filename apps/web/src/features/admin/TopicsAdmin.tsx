// The organisation's topic directory: triage and re-categorisation choose a topic from it, and the administrator
// marks the topics of the profile's listed-topic limit here (NAO p.16) instead of copying the profile.
import { useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { CheckField } from '../../components/CheckField';
import { Field } from '../../components/Field';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { AdminListSection } from './AdminListForm';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function TopicsAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.topics.query(), []);
  const row = useAdminForm();
  // A row's checkbox follows the click at once; the list reloads from the server after the change is saved.
  const [pending, setPending] = useState<Record<string, { listed?: boolean; active?: boolean }>>({});
  const refresh = () => {
    list.reload();
    void loadDirectory();
  };
  const update = async (id: string, patch: { listed?: boolean; active?: boolean }) => {
    setPending((p) => ({ ...p, [id]: { ...p[id], ...patch } }));
    const ok = await row.submit(() => api.directory.updateTopic.mutate({ id, ...patch }));
    if (ok) refresh();
    else setPending((p) => ({ ...p, [id]: {} }));
  };
  return (
    <AdminListSection
      title={t.admin.sections.topics}
      hint={t.admin.listedHint}
      list={list}
      columns={[
        { header: t.admin.name, cell: (x) => x.name },
        ...(['listed', 'active'] as const).map((k) => ({
          header: k === 'listed' ? t.admin.listed : t.admin.topicActive,
          cell: (x: NonNullable<typeof list.data>[number]) => (
            <input
              type="checkbox"
              aria-label={`${k === 'listed' ? t.admin.listed : t.admin.topicActive}: ${x.name}`}
              checked={pending[x.id]?.[k] ?? x[k]}
              disabled={row.busy}
              onChange={(e) => void update(x.id, { [k]: e.target.checked })}
            />
          ),
        })),
      ]}
      rowName={(x) => x.name}
      belowTable={<FormStatus error={row.error} saved={row.saved} />}
      empty={{ name: '', listed: false }}
      save={(v) => api.directory.createTopic.mutate(v)}
      onChanged={refresh}
      fields={(v, set, form) => (
        <>
          <Field label={t.admin.name} error={form.field('name')}>
            <input value={v.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <CheckField label={t.admin.listed} checked={v.listed} onChange={(listed) => set({ listed })} />
        </>
      )}
    />
  );
}
