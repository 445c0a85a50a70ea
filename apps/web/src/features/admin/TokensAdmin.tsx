// Wall display tokens and intake API keys: the secret is shown once at creation (with the wall's address), the list
// shows names and dates; revoking takes effect at once.
import { useState } from 'react';
import { toMsOrNull } from '../../api/time';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { AdminListSection } from './AdminListForm';
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
  const [secret, setSecret] = useState<string | null>(null);
  const when = (x: unknown) => {
    const ms = toMsOrNull(x);
    return ms === null ? t.admin.none : formatDateTime(ms, timeZone, t.lang.locale);
  };
  const create = async ({ name }: { name: string }) => {
    setSecret(null);
    if (display) {
      const created = await api.intake.createDisplayToken.mutate({ name, filters: {} });
      setSecret(created.token);
    } else {
      const created = await api.intake.createApiKey.mutate({ name });
      setSecret(created.key);
    }
  };
  // Revoking goes through the form of new entries, so its refusal shows there.
  const revoke = (id: string) =>
    void form
      .submit(() => (display ? api.intake.revokeDisplayToken.mutate({ id }) : api.intake.revokeApiKey.mutate({ id })))
      .then(list.reload);
  const wallUrl = secret && display ? `${window.location.origin}/wall?token=${encodeURIComponent(secret)}` : null;
  return (
    <AdminListSection
      title={t.admin.sections[display ? 'displays' : 'apiKeys']}
      list={list}
      rowClass={(r) => (r.revokedAt ? 'revoked' : undefined)}
      columns={[
        {
          header: t.admin.label,
          cell: (r) => (
            <>
              {r.name} {r.prefix ? <code>{r.prefix}…</code> : null}
            </>
          ),
        },
        { header: t.admin.createdAt, cell: (r) => when(r.createdAt) },
        ...(display ? [] : [{ header: t.admin.lastUsed, cell: (r: Row) => when(r.lastUsedAt) }]),
      ]}
      rowName={(r) => r.name}
      actionsHeader={t.admin.revoke}
      rowActions={(r) =>
        r.revokedAt ? (
          `${t.admin.revoke}: ${when(r.revokedAt)}`
        ) : (
          <button type="button" className="button-link" onClick={() => revoke(r.id)}>
            {t.admin.revoke}
          </button>
        )
      }
      form={form}
      addHeading={t.admin.create}
      focusAfterAdd="submit"
      empty={{ name: '' }}
      save={create}
      fields={(v, set) => (
        <Field label={t.admin.label} error={form.field('name')}>
          <input value={v.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
      )}
      notice={
        secret && (
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
        )
      }
    />
  );
}
