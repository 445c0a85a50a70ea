// The timeline: every event of the case with its actor and time (organisation's zone), newest last, with the text
// people wrote (reasons, contributions, drafts) shown in full.

import type { CaseEvent } from '@otklik/domain';
import { failureText } from '../../api/errors';
import type { TimelineEntry } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

/** The text people wrote into an event (reasons, contributions, drafts, notes, links, grounds), in that order, by
 *  the field it was written in. */
function textsOf(p: CaseEvent): [field: string, text: string][] {
  const texts: [string, string | undefined][] = [
    ['reason', 'reason' in p ? p.reason : undefined],
    ['text', 'text' in p ? p.text : undefined],
    ['note', 'note' in p ? p.note : undefined],
    ['url', p.type === 'linked-to-published' ? p.url : undefined],
    ['ground', 'ground' in p ? p.ground : undefined],
  ];
  return texts.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '');
}

export function TimelinePanel(props: { readonly entries: readonly TimelineEntry[]; readonly timeZone: string }) {
  const t = useT();
  // Clock records name their clock as `${step}@${version}`: say which step's deadline was at risk or breached.
  const clockStep = (e: TimelineEntry): string | null => {
    const p = e.payload;
    if (p.type !== 'clock-at-risk' && p.type !== 'clock-breached') return null;
    const step = p.clockId.split('@')[0] ?? '';
    return (t.steps as Record<string, string>)[step] ?? null;
  };
  // Channels: where a publication went (a link), why one failed, what an edited message said before.
  const extra = ({ payload: p }: TimelineEntry) => {
    const rawUrl = 'where' in p ? p.where.url : undefined;
    const url = typeof rawUrl === 'string' && /^https?:\/\//.test(rawUrl) ? rawUrl : null;
    const errorMessage = p.type === 'publication-failed' ? failureText(p.error, t) : null;
    return (
      <>
        {url && (
          <p className="timeline-text">
            <a href={url} target="_blank" rel="noreferrer">
              {url}
            </a>
          </p>
        )}
        {errorMessage !== null && <p className="timeline-text error-message">{errorMessage}</p>}
        {p.type === 'message-edited' && (
          <p className="timeline-text muted">
            {t.channels.before}: {p.previousText}
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
            {e.payload.type !== 'case-registered' &&
              textsOf(e.payload).map(([field, text]) => (
                <p key={field} className="timeline-text">
                  {text}
                </p>
              ))}
            {extra(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
