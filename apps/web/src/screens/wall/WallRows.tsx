// The current page of the wall: case number, step, live countdown in large type, department, topic and place.
// No author, no message text, no person names: a wall hangs in a public corridor.
import type { WorkingCalendar } from '@otklik/domain';
import { Countdown } from '@otklik/ui';
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';

export function WallRows(props: {
  readonly rows: readonly BoardCase[];
  readonly calendar: WorkingCalendar;
  readonly offsetMs: number;
}) {
  const t = useT();
  return (
    <ol className="wall-rows">
      {props.rows.map((r) => (
        <li key={r.id} className="wall-row" data-case-number={r.number}>
          <span className="wall-number">№{r.number}</span>
          <span className="wall-step">{r.currentStep ? t.steps[r.currentStep] : '—'}</span>
          <span className="wall-countdown">
            {r.stepClock ? (
              <Countdown
                calendar={props.calendar}
                dueAt={r.stepClock.dueAt}
                atRiskAt={r.stepClock.atRiskAt}
                offsetMs={props.offsetMs}
                size="large"
              />
            ) : (
              '—'
            )}
          </span>
          <span className="wall-dept" data-testid="wall-dept">
            {r.departmentName ?? t.board.curators}
          </span>
          <span className="wall-topic">
            {r.topic ?? '—'}
            {r.location ? ` · ${r.location}` : ''}
          </span>
          {/* Only what stands out: an ordinary category on every row would be noise on a wall. */}
          <span className={`category category-${r.category}`}>
            {r.category === 'ordinary' ? '' : t.category[r.category]}
          </span>
        </li>
      ))}
    </ol>
  );
}
