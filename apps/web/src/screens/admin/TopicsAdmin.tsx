// The organisation's topic directory: triage and re-categorisation choose a topic from it, and the administrator
// marks the topics of the profile's listed-topic limit here (NAO p.16) instead of copying the profile.
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

export function TopicsAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.topics.query(), []);
  const form = useAdminForm();
  const row = useAdminForm();
  const [name, setName] = useState('');
  const [listed, setListed] = useState(false);
  // A row's checkbox follows the click at once; the list reloads from the server after the change is saved.
  const [pending, setPending] = useState<Record<string, { listed?: boolean; active?: boolean }>>({});
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
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
    <div className="admin-section">
      <h2>{t.admin.sections.topics}</h2>
      <p className="muted">{t.admin.listedHint}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t.admin.name}</th>
            <th scope="col">{t.admin.listed}</th>
            <th scope="col">{t.admin.topicActive}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((x) => (
            <tr key={x.id}>
              <td>{x.name}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t.admin.listed}: ${x.name}`}
                  checked={pending[x.id]?.listed ?? x.listed}
                  disabled={row.busy}
                  onChange={(e) => void update(x.id, { listed: e.target.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t.admin.topicActive}: ${x.name}`}
                  checked={pending[x.id]?.active ?? x.active}
                  disabled={row.busy}
                  onChange={(e) => void update(x.id, { active: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
        <FormStatus error={form.error} saved={form.saved} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
