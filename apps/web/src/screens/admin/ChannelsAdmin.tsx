// The body's official accounts per network (NAO p.2–7: the account registry).
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const NETWORKS = ['vk', 'ok', 'telegram', 'instagram', 'facebook', 'twitter', 'messenger', 'site', 'other'] as const;

export function ChannelsAdmin() {
  const t = useT();
  const list = useAsync(() => api.directory.channelAccounts.query(), []);
  const form = useAdminForm();
  const [v, setV] = useState({ network: 'vk', url: '', title: '' });
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await form.submit(() =>
      api.directory.createChannelAccount.mutate({ network: v.network, url: v.url, title: v.title || undefined }),
    );
    if (ok) {
      setV({ ...v, url: '', title: '' });
      list.reload();
    }
  };
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.channels}</h2>
      {list.data.length === 0 ? (
        <p className="muted">{t.admin.noData}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.network}</th>
              <th scope="col">{t.admin.caption}</th>
              <th scope="col">{t.admin.url}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{(t.network as Record<string, string>)[c.network] ?? c.network}</td>
                <td>{c.title}</td>
                <td>
                  <a href={c.url} target="_blank" rel="noreferrer">
                    {c.url}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form" onSubmit={create} noValidate>
        <h3>{t.admin.add}</h3>
        <Field label={t.admin.network}>
          <select value={v.network} onChange={(e) => setV({ ...v, network: e.target.value })}>
            {NETWORKS.map((n) => (
              <option key={n} value={n}>
                {t.network[n]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.admin.url} error={form.field('url')}>
          <input type="url" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} />
        </Field>
        <Field label={t.admin.caption} error={form.field('title')}>
          <input value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
        </Field>
        <FormStatus error={form.error} saved={form.saved} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
