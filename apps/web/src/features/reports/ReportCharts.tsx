// The summary's two charts: steps on time and overdue per department (stacked), and topics this month against the
// previous one. Sized by their container; drawn without animation so printing shows them complete.
import type { MonthlySummary } from '@otklik/domain';
import { Bar } from 'recharts';
import { HorizontalBars } from '../../components/HorizontalBars';
import { useT } from '../../i18n';

const SIZE = { min: 200, perRow: 34, extra: 60 };

export function ReportCharts(props: {
  readonly summary: MonthlySummary;
  readonly departmentName: (id: string) => string;
}) {
  const t = useT();
  const { summary } = props;
  const departments = summary.departments.map((d) => ({
    name: props.departmentName(d.key),
    onTime: d.onTime,
    overdue: d.overdue,
  }));
  const topics = summary.dynamics.topic.slice(0, 10).map((r) => ({
    name: r.value || '—',
    current: r.current,
    previous: r.previous,
  }));
  return (
    <div className="report-charts">
      <figure className="report-chart">
        <figcaption>{t.reports.chartDepartments}</figcaption>
        <HorizontalBars data={departments} base={SIZE} marginLeft={16} legend>
          <Bar dataKey="onTime" name={t.reports.onTime} stackId="steps" fill="#2e7d32" isAnimationActive={false} />
          <Bar dataKey="overdue" name={t.reports.late} stackId="steps" fill="#c62828" isAnimationActive={false} />
        </HorizontalBars>
      </figure>
      <figure className="report-chart">
        <figcaption>{t.reports.chartTopics}</figcaption>
        <HorizontalBars data={topics} base={SIZE} marginLeft={16} legend everyName>
          <Bar
            dataKey="current"
            name={`${t.reports.current} (${summary.month})`}
            fill="#1565c0"
            isAnimationActive={false}
          />
          <Bar
            dataKey="previous"
            name={`${t.reports.previous} (${summary.previousMonth})`}
            fill="#90a4ae"
            isAnimationActive={false}
          />
        </HorizontalBars>
      </figure>
    </div>
  );
}
