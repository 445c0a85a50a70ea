// The head of administration's view (konyshevsky p.24, krasnoufimsk p.25, NAO p.29): today's socially significant
// cases, active surges with the cases behind them, this week's breaches by department and the month's timeliness.
// The significant cases follow the live cases store (no request per change); surges, breaches and the month's
// figures are the server's aggregates over events and reports, read every minute.
import { type ReactNode, useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { Bar } from 'recharts';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { HorizontalBars } from '../../components/HorizontalBars';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { fill, plural, useT } from '../../i18n';
import { type HeadOverviewData, loadHeadOverview } from '../reports/report-api';
import '../reports/reports.css';
import { useLiveCases } from '../../realtime/use-live-cases';
import { TimelinessTotals } from '../reports/TimelinessTotals';
import { SurgeHistory, SurgeThresholdsForm } from './SurgeSettings';
import { type SignificantCase, significantCases } from './significant';

const REFRESH_MS = 60_000;

export function HeadPage() {
  const t = useT();
  const state = useAsync(loadHeadOverview, []);
  const { reload } = state;
  useEffect(() => {
    const id = setInterval(reload, REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);
  const live = useLiveCases();

  const overview = state.data;
  const significant = useMemo(
    () => overview && significantCases(overview.significant, live.rows, overview.dayStart),
    [overview, live.rows],
  );
  const data: HeadView | undefined = overview && significant ? { ...overview, significant } : undefined;
  return (
    <section className="page head-page" aria-labelledby="head-title">
      <h1 id="head-title">{t.head.title}</h1>
      {state.error != null && <ErrorMessage error={state.error} onRetry={reload} />}
      {!data ? (
        state.error == null && <Loading />
      ) : (
        <>
          <p className="muted">
            {fill(t.head.refreshed, { at: formatDateTime(data.now, data.timeZone, t.lang.locale) })}
          </p>
          <div className="head-grid">
            <Surges data={data} />
            <Significant data={data} />
            <Breaches data={data} />
            <Timeliness data={data} />
            <SurgeHistory timeZone={data.timeZone} />
            <SurgeThresholdsForm />
          </div>
        </>
      )}
    </section>
  );
}

/** The overview with its significant cases followed live. */
type HeadView = Omit<HeadOverviewData, 'significant'> & { readonly significant: readonly SignificantCase[] };
type Props = { readonly data: HeadView };

/** One panel of the page: its heading, then its content, or the words saying there is none (`empty`). */
function Panel(props: {
  readonly id: string;
  readonly title: string;
  readonly empty: string | false;
  readonly children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.empty !== false ? <p className="muted">{props.empty}</p> : props.children}
    </section>
  );
}

function Surges({ data }: Props) {
  const t = useT();
  return (
    <Panel id="head-surges" title={t.head.surges} empty={data.surges.length === 0 && t.head.surgesEmpty}>
      <ul className="head-list">
        {data.surges.map((s) => (
          <li key={s.id} className="head-surge">
            <strong>
              {fill(t.head.surgeLine, {
                dimension: s.dimension === 'topic' ? t.head.dimensionTopic : t.head.dimensionLocation,
                value: s.value,
                cases: plural(t.head.surgeCases, s.cases.length, t.lang.locale),
                threshold: s.threshold,
                since: formatDateTime(s.startedAt, data.timeZone, t.lang.locale),
              })}
            </strong>
            <div>
              {s.cases.map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ', '}
                  <Link to={`/cases/${c.id}`}>№ {c.number ?? '?'}</Link>
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function Significant({ data }: Props) {
  const t = useT();
  return (
    <Panel
      id="head-significant"
      title={t.head.significant}
      empty={data.significant.length === 0 && t.head.significantEmpty}
    >
      <ul className="head-list">
        {data.significant.map((c) => (
          <li key={c.id}>
            <Link to={`/cases/${c.id}`}>№ {c.number}</Link> · {c.topic ?? '—'} · {c.location ?? '—'} ·{' '}
            {c.isOpen
              ? c.dueAt !== null && fill(t.head.due, { at: formatDateTime(c.dueAt, data.timeZone, t.lang.locale) })
              : t.head.closed}
            <div className="muted">{c.excerpt}</div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function Breaches({ data }: Props) {
  const t = useT();
  const rows = data.breachesThisWeek.map((b) => ({ name: b.name ?? t.head.curators, breaches: b.breaches }));
  return (
    <Panel id="head-breaches" title={t.head.breaches} empty={rows.length === 0 && t.head.breachesEmpty}>
      <HorizontalBars data={rows} base={{ min: 120, perRow: 36, extra: 40 }} marginLeft={8}>
        <Bar dataKey="breaches" name={t.reports.late} fill="#c62828" isAnimationActive={false} />
      </HorizontalBars>
      <table className="report-table">
        <tbody>
          {data.breachesThisWeek.map((b) => (
            <tr key={b.departmentId}>
              <th scope="row">{b.name ?? t.head.curators}</th>
              <td className="num">{b.breaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function Timeliness({ data }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="head-timeliness">
      <h2 id="head-timeliness">{fill(t.head.timeliness, { month: data.month })}</h2>
      <TimelinessTotals figures={data.timeliness} />
      <Link to={`/reports?month=${data.month}`}>{t.head.openReport}</Link>
    </section>
  );
}
