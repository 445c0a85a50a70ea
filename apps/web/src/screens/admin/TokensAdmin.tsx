// Wall display tokens and intake API keys: the secret is shown once at creation (with the wall's address), the list
// shows names and dates; revoking takes effect at once.
import { type FormEvent, useState } from 'react';
import { toMsOrNull } from '../../api/time';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly createdAt: unknown;
  readonly revokedAt: unknown;
  readonly lastUsedAt?: unknown;
  readonly prefix?: string;
}

export function TokensAdmin(props: { readonly kind: 'display' | 'api' }) {
  const t = useT();
  const display = props.kind === 'display';
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const list = useAsync<readonly Row[]>(
    () => (display ? api.intake.displayTokens.query() : api.intake.apiKeys.query()),
    [display],
  );
  const form = useAdminForm();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const when = (x: unknown) => {
    const ms = toMsOrNull(x);
    return ms === null ? t.admin.none : formatDateTime(ms, timeZone, t.lang.locale);
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    const ok = await form.submit(async () => {
      if (display) {
        const created = await api.intake.createDisplayToken.mutate({ name, filters: {} });
        setSecret(created.token);
      } else {
        const created = await api.intake.createApiKey.mutate({ name });
        setSecret(created.key);
      }
    });
    if (ok) {
      setName('');
      list.reload();
    }
  };
  const revoke = (id: string) =>
    void form
      .submit(() => (display ? api.intake.revokeDisplayToken.mutate({ id }) : api.intake.revokeApiKey.mutate({ id })))
      .then(list.reload);
  const wallUrl = secret && display ? `${window.location.origin}/wall?token=${encodeURIComponent(secret)}` : null;
  return (
    <div className="admin-section">
      <h2>{t.admin.sections[display ? 'displays' : 'apiKeys']}</h2>
      {list.data.length === 0 ? (
        <p className="muted">{t.admin.noData}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.label}</th>
              <th scope="col">{t.admin.createdAt}</th>
              {!display && <th scope="col">{t.admin.lastUsed}</th>}
              <th scope="col">
                <span className="visually-hidden">{t.admin.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id} className={r.revokedAt ? 'revoked' : ''}>
                <td>
                  {r.name} {r.prefix ? <code>{r.prefix}…</code> : null}
                </td>
                <td>{when(r.createdAt)}</td>
                {!display && <td>{when(r.lastUsedAt)}</td>}
                <td>
                  {r.revokedAt ? (
                    `${t.admin.revoke}: ${when(r.revokedAt)}`
                  ) : (
                    <button type="button" className="button-link" onClick={() => revoke(r.id)}>
                      {t.admin.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form" onSubmit={create} noValidate ref={form.ref}>
        <h3>{t.admin.create}</h3>
        <Field label={t.admin.label} error={form.field('name')}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <FormStatus error={form.error} saved={form.saved} />
        {secret && (
          <div className="secret" role="status">
            <p>{t.admin.tokenShownOnce}</p>
            <code data-testid="new-secret">{secret}</code>
            {wallUrl && (
              <p>
                {t.admin.wallLink}:{' '}
                <a href={wallUrl} target="_blank" rel="noreferrer" data-testid="wall-link">
                  {wallUrl}
                </a>
              </p>
            )}
          </div>
        )}
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
