// The monthly summary page (konyshevsky p.23, NAO p.28): month picker, totals at a glance, charts, every table with
// drill-down to the cases and CSV export, and a printable layout (reports.css).
import { CURATORS_KEY, type SummaryTable, summaryTables } from '@otklik/domain';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { pickLanguage } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { type Catalogue, fill, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { downloadAll } from './csv-download';
import { DrillPanel } from './DrillPanel';
import { currentMonth, isMonth } from './month-input';
import { ReportCharts } from './ReportCharts';
import { ReportTable } from './ReportTable';
import { loadMonthly } from './report-api';
import './reports.css';
import { TimelinessTotals } from './TimelinessTotals';

export function ReportsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const orgZone = useDirectory((s) => s.organisations[0]?.timeZone) ?? 'Europe/Moscow';
  const paramMonth = params.get('month');
  const month = isMonth(paramMonth) ? paramMonth : currentMonth(Date.now(), orgZone);
  const state = useAsync(() => loadMonthly(month), [month]);
  const [drill, setDrill] = useState<{ key: string; label: string } | null>(null);

  const data = state.data;
  const tables = useMemo<SummaryTable[]>(() => {
    if (!data) return [];
    const { people, departments } = data.directory;
    const numbers = data.caseNumbers;
    // In the reader's language, one language per screen (and per exported file, made from these tables).
    return summaryTables(
      data.summary,
      {
        person: (id) => people[id] ?? (id === 'system' ? t.roles.system : id),
        department: (id) => departments[id] ?? id,
        caseLabel: (id) => (numbers[id] === undefined ? id.slice(0, 8) : `№ ${numbers[id]}`),
      },
      t.lang.code as 'ru' | 'en',
    );
  }, [data, t]);

  const setMonth = (value: string) => {
    if (!isMonth(value)) return;
    setDrill(null);
    setParams({ month: value });
  };

  const title = `${t.reports.title} — ${month}`;
  return (
    <section className="page report-page" aria-labelledby="report-title">
      <div className="report-head">
        <h1 id="report-title">{title}</h1>
        <div className="report-tools no-print">
          <label className="field">
            <span>{t.reports.month}</span>
            <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
          </label>
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            {t.reports.print}
          </button>
          {data && (
            <button type="button" className="button-secondary" onClick={() => downloadAll(tables, month, title)}>
              {t.reports.exportAll}
            </button>
          )}
        </div>
      </div>
      {state.error != null && <ErrorMessage error={state.error} onRetry={state.reload} />}
      {!data ? (
        state.error == null && <Loading />
      ) : (
        <>
          <p className="muted">
            {fill(t.reports.computedAt, {
              at: formatDateTime(data.summary.computedAt, data.summary.timeZone, t.lang.locale),
              zone: data.summary.timeZone,
            })}{' '}
            <span className="no-print">{t.reports.drillHint}</span>
          </p>
          <TimelinessTotals figures={data.summary.totals} label={t.reports.totals} />
          {drill && (
            <DrillPanel
              month={month}
              asOf={data.asOf}
              cellKey={drill.key}
              label={drill.label}
              timeZone={data.summary.timeZone}
              onClose={() => setDrill(null)}
            />
          )}
          {data.summary.totals.received === 0 && data.summary.departments.length === 0 ? (
            <p className="empty">{t.reports.empty}</p>
          ) : (
            <ReportCharts
              summary={data.summary}
              departmentName={(id) =>
                id === CURATORS_KEY ? t.reports.curators : (data.directory.departments[id] ?? id)
              }
            />
          )}
          {tables.map((table) => (
            <ReportTable
              key={table.id}
              table={table}
              month={month}
              selected={drill?.key ?? null}
              onDrill={(key, label) => setDrill({ key, label })}
              valueLabel={valueLabelFor(table.id, t)}
            />
          ))}
        </>
      )}
    </section>
  );
}

/** Network and category codes in words; other tables show their values as they are. */
function valueLabelFor(id: SummaryTable['id'], t: Catalogue): ((value: string) => string) | undefined {
  const lang = t.lang.code as 'ru' | 'en';
  if (id === 'dynamics-network') return (v) => t.network[v as keyof Catalogue['network']] ?? pickLanguage(v, lang);
  if (id === 'dynamics-category') return (v) => t.category[v as keyof Catalogue['category']] ?? pickLanguage(v, lang);
  return undefined;
}
