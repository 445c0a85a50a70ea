// Repeat detection help for the case workspace (REGULATIONS.md "Repeat message"): earlier cases by the same author
// or with similar text on the same topic or location, each linked as a repeat in one click. The workspace passes
// `onLink`, which runs the `link-repeat` command (so the decider still checks the right to do it).
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { loadRepeatCandidates, type RepeatSuggestion } from './report-api';

export function RepeatSuggestions(props: {
  readonly caseId: string;
  readonly timeZone: string;
  /** Earlier cases already linked: not suggested again. */
  readonly linked?: readonly string[];
  readonly onLink: (earlierCaseIds: string[]) => Promise<unknown> | undefined;
}) {
  const t = useT();
  const state = useAsync(() => loadRepeatCandidates(props.caseId), [props.caseId]);
  const [busy, setBusy] = useState<string | null>(null);
  const linked = new Set(props.linked ?? []);
  const items = (state.data ?? []).filter((c) => !linked.has(c.caseId));
  const reasons = (c: RepeatSuggestion) =>
    [
      c.sameAuthor && t.reports.repeatsSameAuthor,
      c.similarity >= 0.35 && fill(t.reports.repeatsSimilar, { percent: Math.round(c.similarity * 100) }),
      c.sameTopic && t.reports.repeatsSameTopic,
      c.sameLocation && t.reports.repeatsSameLocation,
    ]
      .filter(Boolean)
      .join(' · ');
  const link = async (id: string) => {
    setBusy(id);
    try {
      await props.onLink([id]);
    } finally {
      setBusy(null);
    }
  };
  if (state.error != null) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (!state.data) return null;
  return (
    <section className="repeat-suggestions" aria-labelledby={`repeats-${props.caseId}`}>
      <h3 id={`repeats-${props.caseId}`}>{t.reports.repeatsTitle}</h3>
      {items.length === 0 ? (
        <p className="muted">{t.reports.repeatsNone}</p>
      ) : (
        <ul className="head-list">
          {items.map((c) => (
            <li key={c.caseId}>
              <Link to={`/cases/${c.caseId}`}>№ {c.number}</Link> ·{' '}
              {formatDateTime(c.detectedAt, props.timeZone, t.lang.locale)} · {reasons(c)}
              <div className="muted">{c.excerpt}</div>
              <button
                type="button"
                className="button-secondary"
                disabled={busy !== null}
                onClick={() => void link(c.caseId)}
              >
                {t.reports.repeatsLink}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
