// A month's timeliness in figures (received, answered, share of steps on time, overdue, late final answers, median
// hours), as the monthly report and the head's overview both show it.
import { useT } from '../../i18n';

export interface TimelinessFigures {
  readonly received: number;
  readonly answered: number;
  readonly onTime: number;
  readonly overdue: number;
  readonly finalLate: number;
  readonly medianHours: number | null;
}

export function TimelinessTotals(props: { readonly figures: TimelinessFigures; readonly label?: string }) {
  const t = useT();
  const m = props.figures;
  const steps = m.onTime + m.overdue;
  const items: [string, string | number][] = [
    [t.reports.received, m.received],
    [t.reports.answered, m.answered],
    [t.reports.onTimeShare, steps > 0 ? `${Math.round((m.onTime / steps) * 100)}%` : '—'],
    [t.reports.overdue, m.overdue],
    [t.reports.finalLate, m.finalLate],
    [t.reports.medianHours, m.medianHours === null ? '—' : m.medianHours.toLocaleString(t.lang.locale)],
  ];
  return (
    <dl className="report-totals" aria-label={props.label}>
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
