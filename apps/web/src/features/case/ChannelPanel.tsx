// The case's channel: the network account its message came from, every publication attempt (state, reason of a
// failure in words, next attempt, the published reply's link), "retry now", and edits/deletions of the original.
import { useState } from 'react';
import { failureText, storedMessageText, toReadableError } from '../../api/errors';
import { api } from '../../api/trpc';
import type { CaseDetail } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { fill, useT } from '../../i18n';

export type CaseChannel = Awaited<ReturnType<typeof api.channels.ofCase.query>>;

const toMs = (v: Date | string | number | null) => (v === null ? null : new Date(v).getTime());

export function ChannelPanel(props: {
  readonly detail: CaseDetail;
  readonly channel: CaseChannel | undefined;
  readonly timeZone: string;
  readonly onChanged: () => void;
}) {
  const t = useT();
  const { channel, detail } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = detail.state.messageEditedAt ?? null;
  const deleted = detail.state.messageDeletedAt ?? null;
  if (!channel?.account && !edited && !deleted) return null;
  const when = (v: Date | string | number | null) => {
    const ms = toMs(v);
    return ms === null ? '' : formatDateTime(ms, props.timeZone, t.lang.locale);
  };
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.channels.retryPublication.mutate({ caseId: detail.id });
      props.onChanged();
    } catch (err) {
      setError(toReadableError(err, t).message);
    } finally {
      setBusy(false);
    }
  };
  const failure = detail.state.pendingPublication?.failure ?? null;
  // A row's last error in the reader's language (a row from before the keys: its two-language text, halved).
  const lastError = (o: CaseChannel['outbox'][number]) =>
    storedMessageText({ key: o.lastErrorKey, params: o.lastErrorParams, text: o.lastError }, t);
  return (
    <section className="panel channel-panel" aria-labelledby="channel-title">
      <h2 id="channel-title">{t.channels.title}</h2>
      {edited !== null && (
        <p className="notice">
          {t.channels.edited} · {when(edited)}
        </p>
      )}
      {deleted !== null && (
        <p className="notice">
          {t.channels.deleted} · {when(deleted)}
        </p>
      )}
      {channel?.account && (
        <p>
          {t.channels.account}:{' '}
          {(t.network as Record<string, string>)[channel.account.network] ?? channel.account.network} —{' '}
          <a href={channel.account.url} target="_blank" rel="noreferrer">
            {channel.account.title || channel.account.url}
          </a>
        </p>
      )}
      {failure && (
        <p className="error-message" role="alert">
          {t.events['publication-failed']}: {failureText(failure, t)}
        </p>
      )}
      {channel && channel.outbox.length > 0 && (
        <>
          <h3>{t.channels.attempts}</h3>
          <ul className="channel-attempts">
            {channel.outbox.map((o) => {
              const rowError = o.state === 'recorded' ? null : lastError(o);
              return (
                <li key={o.id} data-state={o.state}>
                  <strong>{(t.channels.states as Record<string, string>)[o.state] ?? o.state}</strong> ·{' '}
                  {fill(t.channels.attempt, { n: o.attempts })}
                  {o.state === 'pending' && o.attempts > 0 && (
                    <> · {fill(t.channels.nextAttempt, { time: when(o.nextAttemptAt) })}</>
                  )}
                  {rowError !== null && <div className="muted">{rowError}</div>}
                  {o.networkUrl && (
                    <div>
                      <a href={o.networkUrl} target="_blank" rel="noreferrer">
                        {t.channels.openPublished}
                      </a>{' '}
                      · {when(o.sentAt)}
                    </div>
                  )}
                  {o.state === 'pending' && o.attempts > 0 && (
                    <button type="button" className="button-secondary" disabled={busy} onClick={() => void retry()}>
                      {t.channels.retryNow}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {channel?.account && <ThreadView caseId={detail.id} timeZone={props.timeZone} />}
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

type ThreadMessages = Awaited<ReturnType<typeof api.channels.threadOfCase.query>>;

/** The original and the replies around it, read from the network on request (context for the executor). */
function ThreadView(props: { readonly caseId: string; readonly timeZone: string }) {
  const t = useT();
  const [thread, setThread] = useState<ThreadMessages | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    setError(null);
    try {
      setThread(await api.channels.threadOfCase.query({ caseId: props.caseId }));
    } catch (err) {
      setError(toReadableError(err, t).message);
    }
  };
  if (!thread) {
    return (
      <>
        <button type="button" className="button-secondary" onClick={() => void load()}>
          {t.channels.showThread}
        </button>
        {error && (
          <p className="error-message" role="alert">
            {error}
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <h3>{t.channels.thread}</h3>
      {thread.length === 0 ? (
        <p className="muted">{t.channels.noThread}</p>
      ) : (
        <ul className="channel-thread">
          {thread.map((m) => (
            <li key={m.id}>
              <span className="muted">
                {m.ours ? t.channels.ours : m.author}
                {m.at ? ` · ${formatDateTime(m.at, props.timeZone, t.lang.locale)}` : ''}
              </span>
              <div>{m.text}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
