// The timeline: every event of the case with its actor and time (organisation's zone), newest last, with the text
// people wrote (reasons, contributions, drafts) shown in full.

import { failureText } from '../../api/errors';
import type { TimelineEntry } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

const TEXT_FIELDS = ['reason', 'text', 'note', 'url', 'ground'] as const;

export function TimelinePanel(props: { readonly entries: readonly TimelineEntry[]; readonly timeZone: string }) {
  const t = useT();
  // Clock records name their clock as `${step}@${version}`: say which step's deadline was at risk or breached.
  const clockStep = (e: TimelineEntry): string | null => {
    const id = e.payload.clockId;
    if (typeof id !== 'string') return null;
    const step = id.split('@')[0] ?? '';
    return (t.steps as Record<string, string>)[step] ?? null;
  };
  // Channels: where a publication went (a link), why one failed, what an edited message said before.
  const extra = (e: TimelineEntry) => {
    const field = (v: unknown, key: string): unknown =>
      v !== null && typeof v === 'object' && key in v ? (v as Record<string, unknown>)[key] : undefined;
    const rawUrl = field(e.payload.where, 'url');
    const url = typeof rawUrl === 'string' && /^https?:\/\//.test(rawUrl) ? rawUrl : null;
    const errorMessage = failureText(e.payload.error, t);
    return (
      <>
        {url && (
          <p className="timeline-text">
            <a href={url} target="_blank" rel="noreferrer">
              {url}
            </a>
          </p>
        )}
        {typeof errorMessage === 'string' && <p className="timeline-text error-message">{errorMessage}</p>}
        {typeof e.payload.previousText === 'string' && (
          <p className="timeline-text muted">
            {t.channels.before}: {e.payload.previousText}
          </p>
        )}
      </>
    );
  };
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.caseView.timeline}</h2>
      <ol className="timeline">
        {props.entries.map((e) => (
          <li key={e.seq} className={`timeline-item timeline-${e.type}`}>
            <div className="timeline-head">
              <strong>
                {(t.events as Record<string, string>)[e.type] ?? e.type}
                {clockStep(e) ? `: ${clockStep(e)}` : ''}
              </strong>
              <span className="muted">
                {e.actorName ?? t.caseView.system} · {formatDateTime(e.at, props.timeZone, t.lang.locale)}
              </span>
            </div>
            {/* The registered message is shown in full above; repeating it here would only add noise. */}
            {e.type !== 'case-registered' &&
              TEXT_FIELDS.map((f) => {
                const v = e.payload[f];
                return typeof v === 'string' && v ? (
                  <p key={f} className="timeline-text">
                    {v}
                  </p>
                ) : null;
              })}
            {extra(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
