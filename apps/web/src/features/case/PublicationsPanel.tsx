// Where the answers of this case were published (REGULATIONS 8): kind, who, when and the link, so anyone who opens
// the case can check the answer the citizen received.
import { parseHttpUrl } from '@otklik/domain';
import type { CaseDetail } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';

export function PublicationsPanel(props: { readonly detail: CaseDetail; readonly timeZone: string }) {
  const t = useT();
  const people = useDirectory((s) => s.people);
  const { publications } = props.detail.state;
  if (publications.length === 0) return null;
  return (
    <section className="panel publications-panel" aria-labelledby="publications-title">
      <h2 id="publications-title">{t.executorDesk.published}</h2>
      <ul className="publications">
        {publications.map((p) => {
          // Older records may hold text that is not a link: shown as text, never as a clickable address.
          const link = p.where.url && parseHttpUrl(p.where.url) ? p.where.url : null;
          const by = p.by === 'system' ? t.caseView.system : (people.find((x) => x.id === p.by)?.fullName ?? '—');
          return (
            <li key={`${p.at}-${p.kind}`} data-testid="publication">
              <div className="muted">
                {t.executorDesk.publishedKinds[p.kind]} · {t.forms.places[p.where.kind]} · {by} ·{' '}
                {formatDateTime(p.at, props.timeZone, t.lang.locale)}
              </div>
              {link ? (
                <a href={link} target="_blank" rel="noreferrer" className="publication-link">
                  {link} ↗
                </a>
              ) : (
                <span className="muted">{p.where.url ?? t.executorDesk.publishedNoLink}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
