// Every active clock of the case: whose move it is, live remaining working time and how much of it is used.
import type { WorkingCalendar } from '@otklik/domain';
import { Countdown, DeadlineBar } from '@otklik/ui';
import type { ClockView } from '../../api/types';
import { shortName } from '../../components/format';
import { useT } from '../../i18n';
import { useClock } from '../../stores/clock';

export function ClocksPanel(props: {
  readonly clocks: readonly ClockView[];
  readonly calendar: WorkingCalendar | undefined;
}) {
  const t = useT();
  const offsetMs = useClock((s) => s.offsetMs);
  const { calendar } = props;
  return (
    <section className="panel clocks-panel" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t.caseView.clocks}</h2>
      {props.clocks.length === 0 || !calendar ? (
        <p className="muted">{t.caseView.noClocks}</p>
      ) : (
        <ul className="clock-list">
          {props.clocks.map((c) => (
            <li key={c.id} className="clock-item" data-step={c.step}>
              <div className="clock-head">
                <strong>{c.kind === 'overall' ? t.caseView.overall : t.steps[c.step]}</strong>
                <Countdown calendar={calendar} dueAt={c.dueAt} atRiskAt={c.atRiskAt} offsetMs={offsetMs} />
              </div>
              <div className="muted">
                {t.caseView.responsible}:{' '}
                {shortName(c.responsibleName) ?? (c.responsibleRole === 'executor' ? '—' : t.board.curators)}
                {c.departmentName ? ` · ${c.departmentName}` : ''}
              </div>
              <DeadlineBar
                calendar={calendar}
                startedAt={c.startedAt}
                dueAt={c.dueAt}
                atRiskAt={c.atRiskAt}
                offsetMs={offsetMs}
                confirmed={c.confirmed}
              />
              {c.rule && <div className="clock-rule muted">{c.rule.replace(/^[a-z-]+: /, '')}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
