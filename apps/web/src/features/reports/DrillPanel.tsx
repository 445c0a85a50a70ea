// The cases behind a number of the report, loaded on demand, each linking to its case workspace.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { loadDrillCases } from './report-api';

export function DrillPanel(props: {
  readonly month: string;
  /** The instant of the summary the number is from (its `asOf`). */
  readonly asOf: number;
  /** The cell key of the number (see summaryTables). */
  readonly cellKey: string;
  readonly label: string;
  readonly timeZone: string;
  readonly onClose: () => void;
}) {
  const t = useT();
  const state = useAsync(
    () => loadDrillCases(props.month, props.cellKey, props.asOf),
    [props.month, props.cellKey, props.asOf],
  );
  // The list opens above the tables: bring it into view and move focus to it, so keyboard and screen-reader users
  // land on what they asked for.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!props.cellKey) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [props.cellKey]);
  return (
    <section className="report-drill" aria-labelledby="report-drill-title" aria-live="polite">
      <div className="report-section-head">
        <h2 id="report-drill-title" ref={heading} tabIndex={-1}>
          {t.reports.drillTitle}: {props.label}
          {state.data ? ` (${state.data.length})` : ''}
        </h2>
        <button type="button" className="button-secondary no-print" onClick={props.onClose}>
          {t.reports.closeDrill}
        </button>
      </div>
      {state.error != null && <ErrorMessage error={state.error} onRetry={state.reload} />}
      {!state.data ? (
        state.error == null && <Loading />
      ) : state.data.length === 0 ? (
        <p className="muted">{t.reports.drillEmpty}</p>
      ) : (
        <DataTable
          className="report-table"
          headers={[
            t.reports.number,
            t.reports.detected,
            t.reports.topic,
            t.reports.location,
            t.reports.status,
            t.reports.excerpt,
          ]}
        >
          {state.data.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/cases/${c.id}`}>№ {c.number}</Link>
              </th>
              <td>{formatDateTime(c.detectedAt, props.timeZone, t.lang.locale)}</td>
              <td>{c.topic ?? '—'}</td>
              <td>{c.location ?? '—'}</td>
              <td>{t.status[c.status as keyof typeof t.status] ?? c.status}</td>
              <td className="report-excerpt">{c.excerpt}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
