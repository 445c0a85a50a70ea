// Rows of the wall: case number, the countdown as the largest text, then the department in bold and, below it, the
// step, the place (a directory settlement or district: the server never sends the free-text location) and a category
// that stands out. No author, no message text, no person names: a wall hangs in a public corridor.
import type { WorkingCalendar } from '@otklik/domain';
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';
import { WallCountdown } from './WallCountdown';

export function WallRows(props: {
  readonly rows: readonly BoardCase[];
  readonly calendar: WorkingCalendar;
  readonly offsetMs: number;
  readonly kind: 'pinned' | 'paged';
}) {
  const t = useT();
  return (
    <>
      {props.rows.map((r) => {
        const details = [
          r.currentStep ? t.steps[r.currentStep] : null,
          r.topic,
          r.location,
          r.category === 'ordinary' ? null : t.category[r.category],
        ].filter(Boolean);
        return (
          <li key={r.id} className={`wall-row wall-row-${props.kind}`} data-case-number={r.number}>
            <span className="wall-number">№{r.number}</span>
            <span className="wall-countdown">
              {r.stepClock ? (
                <WallCountdown
                  calendar={props.calendar}
                  dueAt={r.stepClock.dueAt}
                  atRiskAt={r.stepClock.atRiskAt ?? null}
                  offsetMs={props.offsetMs}
                />
              ) : (
                '—'
              )}
            </span>
            <span className="wall-who">
              <span className="wall-dept" data-testid="wall-dept">
                {r.departmentName ?? t.board.curators}
              </span>
              <span className="wall-details" data-testid="wall-details">
                {details.join(' · ')}
              </span>
            </span>
          </li>
        );
      })}
    </>
  );
}
