// Every active clock of the case: whose move it is, live remaining working time and how much of it is used.
import { type CaseState, type Profile, resolveRule, type WorkingCalendar } from '@otklik/domain';
import { Countdown, DeadlineBar } from '@otklik/ui';
import type { ClockView } from '../../api/types';
import { shortName } from '../../components/format';
import { ruleText } from '../../components/rule-text';
import { useT } from '../../i18n';
import { useClock } from '../../stores/clock';

export function ClocksPanel(props: {
  readonly clocks: readonly ClockView[];
  readonly calendar: WorkingCalendar | undefined;
  readonly profile: Profile | undefined;
  readonly state: CaseState;
}) {
  const t = useT();
  // The rule actually applied (a category or topic override wins, krasnoufimsk p.12, NAO p.16), in this language.
  const describe = (c: ClockView): string => {
    const rule = props.profile
      ? resolveRule(props.profile, c.step, {
          category: props.state.category ?? undefined,
          topic: props.state.topic ?? undefined,
        })
      : undefined;
    return rule ? ruleText(rule, t) : c.rule.replace(/^[a-z-]+: /, '');
  };
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
              <div className="clock-rule muted">{describe(c)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
