// One table of the summary: headers in the current language (summaryTables words them), numbers that open the cases behind them, and its own
// CSV export.
import type { SummaryTable } from '@otklik/domain';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { downloadTable } from './csv-download';

export function ReportTable(props: {
  readonly table: SummaryTable;
  readonly month: string;
  readonly selected: string | null;
  readonly onDrill: (key: string, label: string) => void;
  /** Words for the first column's raw values (network and category codes of the dynamics tables). */
  readonly valueLabel?: (value: string) => string;
}) {
  const t = useT();
  const { table } = props;
  const number = (v: string | number | null) =>
    typeof v === 'number' ? v.toLocaleString(t.lang.locale, { maximumFractionDigits: 1 }) : (v ?? '—');
  return (
    <section className="report-section" aria-labelledby={`report-${table.id}`}>
      <div className="report-section-head">
        <h2 id={`report-${table.id}`}>{table.title}</h2>
        <button type="button" className="button-secondary no-print" onClick={() => downloadTable(table, props.month)}>
          {t.reports.exportCsv}
        </button>
      </div>
      {table.note && <p className="muted report-note">{table.note}</p>}
      {table.rows.length === 0 ? (
        <p className="muted">{t.app.empty}</p>
      ) : (
        <div className="report-scroll">
          <DataTable className="report-table" headers={table.header}>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((c, j) => {
                  const text =
                    typeof c.value === 'string'
                      ? j === 0 && props.valueLabel
                        ? props.valueLabel(c.value)
                        : c.value
                      : number(c.value);
                  const Cell = j === 0 ? 'th' : 'td';
                  const drill = c.drill;
                  return (
                    <Cell
                      key={j}
                      scope={j === 0 ? 'row' : undefined}
                      className={typeof c.value === 'number' ? 'num' : undefined}
                    >
                      {drill && !drill.startsWith('case|') ? (
                        <button
                          type="button"
                          className={`drill-link${props.selected === drill ? ' drill-active' : ''}`}
                          onClick={() =>
                            props.onDrill(drill, `${String(row[0]?.value ?? '')} — ${table.header[j] ?? ''}`)
                          }
                        >
                          {text}
                        </button>
                      ) : drill?.startsWith('case|') ? (
                        <Link to={`/cases/${drill.slice(5)}`}>{text}</Link>
                      ) : (
                        text
                      )}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
