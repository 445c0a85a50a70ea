// The body's official accounts per network (NAO p.2–7: the account registry) and, for VK, Odnoklassniki,
// Telegram and MAX, their connection: a token (stored encrypted, never shown again), the API address, how
// messages arrive, and the health of each account (last collection, lag, last error in words, token expiry).
import { zNetwork } from '@otklik/domain';
import { useState } from 'react';
import { storedMessageText, toReadableError } from '../../api/errors';
import { api } from '../../api/trpc';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';
import { AdminListSection } from './AdminListForm';

// The networks of the domain's account registry, in its order.
const NETWORKS = zNetwork.options;
const CONNECTABLE = new Set(['vk', 'ok', 'telegram', 'max']);

type Account = Awaited<ReturnType<typeof api.channels.accounts.query>>[number];

const blank = {
  network: 'vk',
  url: '',
  title: '',
  token: '',
  apiBaseUrl: '',
  externalId: '',
  appSecret: '',
  applicationKey: '',
  confirmationCode: '',
  mode: 'polling' as 'polling' | 'webhook',
};

function Health({ a }: { readonly a: Account }) {
  const t = useT();
  // Times in the organisation's zone, as everywhere else in the product.
  const user = useSession((s) => s.user);
  const organisations = useDirectory((s) => s.organisations);
  const tz = organisations.find((o) => o.id === user?.organisationId)?.timeZone ?? 'Europe/Moscow';
  const when = (v: Date | string | null) =>
    v ? formatDateTime(new Date(v).getTime(), tz, t.lang.locale) : t.channels.never;
  if (!a.connected) return <span className="muted">{t.channels.notConnectedShort}</span>;
  // In the reader's language from its key; an error stored before the keys: the half of its two-language text.
  const lastError = storedMessageText({ key: a.lastErrorKey, params: a.lastErrorParams, text: a.lastError }, t);
  const state = a.broken
    ? t.channels.broken
    : a.lastErrorCode && a.backoffUntil
      ? fill(t.channels.failing, { time: when(a.backoffUntil) })
      : a.lastCollectedAt || a.mode === 'webhook'
        ? t.channels.ok
        : t.channels.waiting;
  return (
    <dl className="channel-health">
      <dt>{t.channels.health}</dt>
      <dd className={a.broken ? 'error-message' : undefined}>{state}</dd>
      <dt>{t.channels.lastCollected}</dt>
      <dd>{when(a.lastCollectedAt)}</dd>
      <dt>{t.channels.lag}</dt>
      <dd>{a.lastLagMs === null ? '—' : fill(t.channels.seconds, { n: Math.round(a.lastLagMs / 100) / 10 })}</dd>
      <dt>{t.channels.lastError}</dt>
      <dd>{lastError !== null ? `${lastError} (${when(a.lastErrorAt)})` : '—'}</dd>
      <dt>{t.channels.tokenExpires}</dt>
      <dd>{a.tokenExpiresAt ? when(a.tokenExpiresAt) : t.channels.noExpiry}</dd>
    </dl>
  );
}

function AccountActions({ a, onChanged }: { readonly a: Account; readonly onChanged: () => void }) {
  const t = useT();
  const [token, setToken] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ path: string; secret: string | null } | null>(null);
  const act = async (what: () => Promise<string | null>) => {
    setError(null);
    setNote(null);
    try {
      setNote(await what());
      onChanged();
    } catch (err) {
      setError(toReadableError(err, t).message);
    }
  };
  if (!CONNECTABLE.has(a.network)) return null;
  return (
    <div className="channel-actions">
      {a.hasToken && (
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void act(async () => {
              const r = await api.channels.check.mutate({ id: a.id });
              return fill(t.channels.checked, { title: r.description.title });
            })
          }
        >
          {t.channels.check}
        </button>
      )}
      <label className="field field-check">
        <input
          type="checkbox"
          checked={a.enabled}
          onChange={(e) =>
            void act(async () => {
              await api.channels.update.mutate({ id: a.id, enabled: e.target.checked });
              return null;
            })
          }
        />
        <span>{t.channels.enabled}</span>
      </label>
      {a.hasToken && (
        <Field label={t.channels.mode}>
          <select
            value={a.mode}
            onChange={(e) =>
              void act(async () => {
                await api.channels.setMode.mutate({
                  id: a.id,
                  mode: e.target.value === 'webhook' ? 'webhook' : 'polling',
                  publicBaseUrl: window.location.origin,
                });
                return null;
              })
            }
          >
            <option value="polling">{t.channels.modes.polling}</option>
            <option value="webhook">{t.channels.modes.webhook}</option>
          </select>
        </Field>
      )}
      {a.mode === 'webhook' && a.hasToken && (
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void act(async () => {
              setSecret(await api.channels.webhookSetup.query({ id: a.id }));
              return null;
            })
          }
        >
          {t.channels.webhookUrl}
        </button>
      )}
      {secret && (
        <p className="notice">
          {t.channels.webhookUrl}: <code>{`${window.location.origin}${secret.path}`}</code>
          {secret.secret && (
            <>
              <br />
              {t.channels.webhookSecret}: <code>{secret.secret}</code>
            </>
          )}
        </p>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await api.channels.update.mutate({ id: a.id, token });
            setToken('');
            return t.admin.saved;
          });
        }}
      >
        <Field label={t.channels.newToken}>
          <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </Field>
        <button type="submit" className="button-secondary" disabled={token.trim() === ''}>
          {t.app.save}
        </button>
      </form>
      {note && (
        <p className="success-message" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ChannelsAdmin() {
  const t = useT();
  const list = useAsync(() => api.channels.accounts.query(), []);
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const create = async (v: typeof blank) => {
    const created = await api.channels.create.mutate({
      network: v.network,
      url: v.url,
      title: v.title,
      ...(CONNECTABLE.has(v.network)
        ? {
            token: opt(v.token),
            apiBaseUrl: opt(v.apiBaseUrl),
            externalId: opt(v.externalId),
            appSecret: opt(v.appSecret),
            applicationKey: opt(v.applicationKey),
            confirmationCode: opt(v.confirmationCode),
            mode: v.mode,
          }
        : {}),
    });
    // A connected account is checked at once: its id and title come from the network. The account exists even when
    // the check is refused, so the list shows it then too.
    if (created.hasToken)
      await api.channels.check.mutate({ id: created.id }).catch((err: unknown) => {
        list.reload();
        throw err;
      });
  };
  return (
    <AdminListSection
      title={t.admin.sections.channels}
      list={list}
      columns={[
        { header: t.admin.network, cell: (a) => (t.network as Record<string, string>)[a.network] ?? a.network },
        {
          header: t.admin.caption,
          cell: (a) => (
            <>
              {a.title}
              <br />
              <a href={a.url} target="_blank" rel="noreferrer">
                {a.url}
              </a>
              <br />
              <span className="muted">
                {t.channels.token}: {a.hasToken ? t.channels.tokenStored : t.channels.tokenMissing}
              </span>
            </>
          ),
        },
        { header: t.channels.health, cell: (a) => <Health a={a} /> },
      ]}
      rowName={(a) => a.title}
      rowActions={(a) => <AccountActions a={a} onChanged={list.reload} />}
      focusAfterAdd="submit"
      empty={blank}
      save={create}
      fields={(v, set, form) => {
        const text = (k: keyof typeof blank) => (e: { target: { value: string } }) => set({ [k]: e.target.value });
        return (
          <>
            <Field label={t.admin.network}>
              <ChoiceSelect
                value={v.network as (typeof NETWORKS)[number]}
                onChange={(network) => set({ network })}
                options={NETWORKS}
                label={(n) => t.network[n]}
              />
            </Field>
            <Field label={t.admin.url} error={form.field('url')}>
              <input type="url" value={v.url} onChange={text('url')} />
            </Field>
            <Field label={t.admin.caption} error={form.field('title')}>
              <input value={v.title} onChange={text('title')} />
            </Field>
            {CONNECTABLE.has(v.network) && (
              <>
                <Field label={t.channels.token} error={form.field('token')}>
                  <input type="password" autoComplete="off" value={v.token} onChange={text('token')} />
                </Field>
                <p className="muted">{t.channels.tokenHint}</p>
                <Field label={t.channels.externalId} error={form.field('externalId')}>
                  <input value={v.externalId} onChange={text('externalId')} />
                </Field>
                <Field label={t.channels.apiBaseUrl} error={form.field('apiBaseUrl')}>
                  <input type="url" value={v.apiBaseUrl} onChange={text('apiBaseUrl')} />
                </Field>
                {v.network === 'ok' && (
                  <>
                    <Field label={t.channels.applicationKey}>
                      <input value={v.applicationKey} onChange={text('applicationKey')} />
                    </Field>
                    <Field label={t.channels.appSecret}>
                      <input type="password" autoComplete="off" value={v.appSecret} onChange={text('appSecret')} />
                    </Field>
                  </>
                )}
                {v.network === 'vk' && (
                  <Field label={t.channels.confirmationCode}>
                    <input value={v.confirmationCode} onChange={text('confirmationCode')} />
                  </Field>
                )}
              </>
            )}
          </>
        );
      }}
    />
  );
}
