// The message as the citizen wrote it: text unchanged, link to the original, attachments, public or private, and the
// triage facts; a repeat message links to the earlier cases (REGULATIONS 11).
import { Link } from 'react-router';
import { pickLanguage } from '../../api/errors';
import type { CaseDetail } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';

export function MessagePanel(props: { readonly detail: CaseDetail; readonly timeZone: string }) {
  const t = useT();
  const s = props.detail.state;
  const m = s.message;
  const when = (at: number | null) => (at ? formatDateTime(at, props.timeZone, t.lang.locale) : '—');
  return (
    <section className="panel message-panel" aria-labelledby="message-title">
      <h2 id="message-title">{t.caseView.message}</h2>
      {m && (
        <>
          <p className="message-meta">
            <strong>{(t.network as Record<string, string>)[m.network] ?? m.network}</strong>
            {' · '}
            <span className={`visibility visibility-${m.visibility}`}>{t.caseView.visibility[m.visibility]}</span>
            {' · '}
            {t.caseView.author}:{' '}
            {m.author.profileUrl ? (
              <a href={m.author.profileUrl} target="_blank" rel="noreferrer">
                {m.author.name}
              </a>
            ) : (
              m.author.name
            )}
          </p>
          <blockquote className="message-text" lang="ru">
            {m.text}
          </blockquote>
          <p>
            <a href={m.link} target="_blank" rel="noreferrer">
              {t.caseView.original} ↗
            </a>
          </p>
          <h3>{t.caseView.attachments}</h3>
          {m.attachments.length === 0 ? (
            <p className="muted">{t.caseView.noAttachments}</p>
          ) : (
            <ul className="attachments">
              {m.attachments.map((a, i) => (
                <li key={`${a.url}-${i}`}>
                  <a href={a.url} target="_blank" rel="noreferrer">
                    {/* A name stored before names had one language ("фото в Telegram / photo in Telegram"): its half. */}
                    {a.name ? pickLanguage(a.name, t.lang.code as 'ru' | 'en') : a.url}
                  </a>{' '}
                  <span className="muted">({t.register.kinds[a.kind]})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <dl className="facts">
        <dt>{t.caseView.detected}</dt>
        <dd>{when(s.detectedAt)}</dd>
        {s.postedAt && (
          <>
            <dt>{t.caseView.posted}</dt>
            <dd>{when(s.postedAt)}</dd>
          </>
        )}
        <dt>{t.caseView.topic}</dt>
        <dd>{s.topic ?? '—'}</dd>
        <dt>{t.caseView.location}</dt>
        <dd>{s.location ?? '—'}</dd>
        <dt>{t.caseView.category}</dt>
        <dd>
          {s.category ? t.category[s.category] : '—'}
          {s.high ? `, ${t.caseView.high}` : ''}
        </dd>
        <dt>{t.caseView.status}</dt>
        <dd>{t.status[s.status]}</dd>
      </dl>
      {s.sociallySignificant && <p className="flag flag-social">{t.caseView.socially}</p>}
      {s.appeal && <p>{t.caseView.appeal.replace('{number}', s.appeal.registrationNumber)}</p>}
      {props.detail.earlierCases.length > 0 && (
        <div className="repeat-of">
          <h3>{t.caseView.repeatOf}</h3>
          <ul>
            {props.detail.earlierCases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>№{c.number}</Link> — {c.excerpt}{' '}
                <span className="muted">({(t.status as Record<string, string>)[c.status] ?? c.status})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
