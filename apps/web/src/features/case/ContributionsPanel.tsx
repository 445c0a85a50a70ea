// The combined answer in a chain (REGULATIONS 5): the order of executors, every earlier contribution (arriving live)
// and the current draft, so each executor works from the original and everything before them.
import type { CaseDetail } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { type ChainLinkState, chainLinkStates } from './chain-links';

export function ContributionsPanel(props: { readonly detail: CaseDetail; readonly timeZone: string }) {
  const t = useT();
  const departments = useDirectory((s) => s.departments);
  const people = useDirectory((s) => s.people);
  const s = props.detail.state;
  const deptName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const personName = (id: string) => people.find((p) => p.id === id)?.fullName ?? id;
  if (s.assignments.length === 0 && !s.draft) return null;
  const linkStates = chainLinkStates(s);
  const linkWords: Record<ChainLinkState, string> = {
    done: t.caseView.chainDone,
    composed: t.executorDesk.chainComposed,
    active: t.caseView.chainActive,
    waiting: t.caseView.chainWaiting,
    closed: t.executorDesk.chainClosed,
  };
  return (
    <section className="panel contributions-panel" aria-labelledby="contrib-title" aria-live="polite">
      <h2 id="contrib-title">{t.caseView.contributions}</h2>
      {s.assignments.length > 0 && (
        <>
          <h3>
            {t.caseView.chain}
            {s.mode ? ` (${t.forms.modes[s.mode]})` : ''}
          </h3>
          <ol className="chain">
            {s.assignments.map((a, i) => (
              <li
                key={`${a.departmentId}-${a.executorId}`}
                className={`chain-${linkStates[i]}`}
                data-testid="chain-link"
              >
                {deptName(a.departmentId)} — {personName(a.executorId)}{' '}
                <span className="chain-state">({linkWords[linkStates[i] ?? 'waiting']})</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {s.contributions.length === 0 ? (
        <p className="muted">{t.caseView.noContributions}</p>
      ) : (
        <ul className="contributions">
          {s.contributions.map((c) => (
            <li key={`${c.departmentId}-${c.at}`} data-testid="contribution">
              <div className="muted">
                {deptName(c.departmentId)} · {personName(c.by)} · {formatDateTime(c.at, props.timeZone, t.lang.locale)}
              </div>
              <p className="contribution-text">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
      {s.draft && (
        <div className="current-draft">
          <h3>
            {t.caseView.draft} ({t.forms.kinds[s.draft.kind]})
          </h3>
          <p className="contribution-text" data-testid="current-draft">
            {s.draft.text}
          </p>
        </div>
      )}
    </section>
  );
}
