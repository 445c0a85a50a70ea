// The summary's two charts: steps on time and overdue per department (stacked), and topics this month against the
// previous one. Sized by their container; drawn without animation so printing shows them complete.
import type { MonthlySummary } from '@otklik/domain';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n';

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
        <ResponsiveContainer width="100%" height={Math.max(200, departments.length * 34 + 60)}>
          <BarChart data={departments} layout="vertical" margin={{ left: 16, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={180} />
            <Tooltip />
            <Legend />
            <Bar dataKey="onTime" name={t.reports.onTime} stackId="steps" fill="#2e7d32" isAnimationActive={false} />
            <Bar dataKey="overdue" name={t.reports.late} stackId="steps" fill="#c62828" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="report-chart">
        <figcaption>{t.reports.chartTopics}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(200, topics.length * 34 + 60)}>
          <BarChart data={topics} layout="vertical" margin={{ left: 16, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={180} interval={0} />
            <Tooltip />
            <Legend />
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
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
