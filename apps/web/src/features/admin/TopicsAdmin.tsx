// The organisation's topic directory: triage and re-categorisation choose a topic from it, and the administrator
// marks the topics of the profile's listed-topic limit here (NAO p.16) instead of copying the profile.
import { type FormEvent, useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { AdminSection, AdminTable } from './AdminListForm';
import { FormStatus, FormSubmit } from './FormStatus';
import { useAdminForm } from './use-admin-form';

export function TopicsAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.topics.query(), []);
  const form = useAdminForm();
  const row = useAdminForm();
  const [name, setName] = useState('');
  const [listed, setListed] = useState(false);
  // A row's checkbox follows the click at once; the list reloads from the server after the change is saved.
  const [pending, setPending] = useState<Record<string, { listed?: boolean; active?: boolean }>>({});
  const refresh = () => {
    list.reload();
    void loadDirectory();
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (await form.submit(() => api.directory.createTopic.mutate({ name, listed }), { focus: 'first-field' })) {
      setName('');
      setListed(false);
      refresh();
    }
  };
  const update = async (id: string, patch: { listed?: boolean; active?: boolean }) => {
    setPending((p) => ({ ...p, [id]: { ...p[id], ...patch } }));
    const ok = await row.submit(() => api.directory.updateTopic.mutate({ id, ...patch }));
    if (ok) refresh();
    else setPending((p) => ({ ...p, [id]: {} }));
  };
  return (
    <AdminSection title={t.admin.sections.topics} hint={t.admin.listedHint} list={list}>
      {(topics) => (
        <>
          <AdminTable
            rows={topics}
            columns={[
              { header: t.admin.name, cell: (x) => x.name },
              ...(['listed', 'active'] as const).map((k) => ({
                header: k === 'listed' ? t.admin.listed : t.admin.topicActive,
                cell: (x: (typeof topics)[number]) => (
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
          />
          <FormStatus error={row.error} saved={row.saved} />
          <form className="admin-form" onSubmit={create} noValidate ref={form.ref}>
            <h3>{t.admin.add}</h3>
            <Field label={t.admin.name} error={form.field('name')}>
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <label className="field field-check">
              <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} />
              <span>{t.admin.listed}</span>
            </label>
            <FormSubmit form={form} label={t.admin.create} />
          </form>
        </>
      )}
    </AdminSection>
  );
}
