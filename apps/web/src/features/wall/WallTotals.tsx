// Totals on the wall's side panel: open cases by urgency right now, and per department (departments named, people
// never), as many departments as the panel holds, the most urgent first.
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';
import { countByUrgency, type Urgency, urgencyOf } from '../board/filter-cases';

const URGENCIES: readonly Urgency[] = ['breached', 'at-risk', 'on-track'];

export function WallTotals(props: {
  readonly rows: readonly BoardCase[];
  readonly now: number;
  readonly maxDepartments: number;
}) {
  const t = useT();
  const counts = countByUrgency(props.rows, props.now);
  const perDept = new Map<string, Record<Urgency, number>>();
  for (const r of props.rows) {
    const key = r.departmentName ?? t.board.curators;
    const c = perDept.get(key) ?? { 'on-track': 0, 'at-risk': 0, breached: 0 };
    c[urgencyOf(r, props.now)] += 1;
    perDept.set(key, c);
  }
  const sorted = [...perDept].sort(
    (a, b) => b[1].breached - a[1].breached || b[1]['at-risk'] - a[1]['at-risk'] || a[0].localeCompare(b[0], 'ru'),
  );
  const depts = sorted.slice(0, Math.max(1, props.maxDepartments));
  const more = sorted.length - depts.length;
  return (
    <aside className="wall-side" aria-label={t.wall.perStatus}>
      <div className="wall-totals" data-testid="wall-totals">
        <div className="wall-total wall-total-open">
          <span className="wall-total-number" data-testid="wall-open">
            {props.rows.length}
          </span>
          <span className="wall-total-label">{t.wall.open}</span>
        </div>
        {URGENCIES.map((u) => (
          <div key={u} className={`wall-total wall-total-${u}`} data-testid={`wall-total-${u}`}>
            <span className="wall-total-number">{counts[u]}</span>
            <span className="wall-total-label">{t.clockStatus[u]}</span>
          </div>
        ))}
      </div>
      <table className="wall-depts" aria-label={t.wall.perDepartment}>
        <thead>
          <tr>
            <th scope="col">{t.wall.perDepartment}</th>
            <th scope="col" className="wall-dept-breached" title={t.clockStatus.breached}>
              <span aria-hidden="true">■</span>
              <span className="visually-hidden">{t.clockStatus.breached}</span>
            </th>
            <th scope="col" className="wall-dept-at-risk" title={t.clockStatus['at-risk']}>
              <span aria-hidden="true">▲</span>
              <span className="visually-hidden">{t.clockStatus['at-risk']}</span>
            </th>
            <th scope="col" className="wall-dept-on-track" title={t.clockStatus['on-track']}>
              <span aria-hidden="true">●</span>
              <span className="visually-hidden">{t.clockStatus['on-track']}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {depts.map(([name, c]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="wall-dept-breached">{c.breached}</td>
              <td className="wall-dept-at-risk">{c['at-risk']}</td>
              <td className="wall-dept-on-track">{c['on-track']}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="wall-depts-more">{`+${more}`}</p>}
    </aside>
  );
}
