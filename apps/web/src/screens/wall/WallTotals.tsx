// Totals on the wall: open cases by urgency right now, and per department (departments named, people never).
import { StatusBadge } from '@otklik/ui';
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';
import { countByUrgency, type Urgency, urgencyOf } from '../board/filter-cases';

const URGENCIES: readonly Urgency[] = ['breached', 'at-risk', 'on-track'];

export function WallTotals(props: { readonly rows: readonly BoardCase[]; readonly now: number }) {
  const t = useT();
  const counts = countByUrgency(props.rows, props.now);
  const perDept = new Map<string, Record<Urgency, number>>();
  for (const r of props.rows) {
    const key = r.departmentName ?? t.board.curators;
    const c = perDept.get(key) ?? { 'on-track': 0, 'at-risk': 0, breached: 0 };
    c[urgencyOf(r, props.now)] += 1;
    perDept.set(key, c);
  }
  const depts = [...perDept]
    .sort((a, b) => b[1].breached - a[1].breached || b[1]['at-risk'] - a[1]['at-risk'])
    .slice(0, 6);
  return (
    <section className="wall-totals" aria-label={t.wall.perStatus}>
      <div className="wall-total-main">
        <span className="wall-total-number" data-testid="wall-open">
          {props.rows.length}
        </span>
        <span>{t.wall.open}</span>
      </div>
      {URGENCIES.map((u) => (
        <div key={u} className={`wall-total wall-total-${u}`} data-testid={`wall-total-${u}`}>
          <span className="wall-total-number">{counts[u]}</span>
          <StatusBadge status={u} />
        </div>
      ))}
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
            <th scope="col" title={t.clockStatus['on-track']}>
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
              <td>{c['on-track']}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
