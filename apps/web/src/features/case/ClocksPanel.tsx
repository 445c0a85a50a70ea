// Every active clock of the case: who holds it now (REGULATIONS "Clocks exactly": the curator, a department, whoever
// has the case), live remaining working time and how much of it is used; and every holder's share of the case's time.
import { type CaseState, holderShares, type Profile, resolveRule, type WorkingCalendar } from '@otklik/domain';
import { Countdown, DeadlineBar } from '@otklik/ui';
import { pickLanguage } from '../../api/errors';
import type { ClockHolderView, ClockView } from '../../api/types';
import { shortName } from '../../components/format';
import { deadlineRuleWords, ruleText } from '../../components/rule-text';
import { useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';

export function ClocksPanel(props: {
  readonly clocks: readonly ClockView[];
  readonly calendar: WorkingCalendar | undefined;
  readonly profile: Profile | undefined;
  readonly state: CaseState;
}) {
  const t = useT();
  const departments = useDirectory((s) => s.departments);
  const people = useDirectory((s) => s.people);
  const personName = (id: string) => people.find((p) => p.id === id)?.fullName ?? null;
  // The rule actually applied (a category or topic override wins, krasnoufimsk p.12, NAO p.16), in this language: as
  // the clock says it was reached; a clock stored before the rule's parts were kept, from the profile, else the
  // stored text's half in this language.
  const describe = (c: ClockView): string => {
    if (typeof c.rule !== 'string') return deadlineRuleWords(c.rule, t);
    const rule = props.profile
      ? resolveRule(props.profile, c.step, {
          category: props.state.category ?? undefined,
          high: props.state.high,
          topic: props.state.topic ?? undefined,
          topicListed: props.state.topicListed,
        })
      : undefined;
    return rule ? ruleText(rule, t) : pickLanguage(c.rule, t.lang.code as 'ru' | 'en').replace(/^[a-z-]+: /, '');
  };
  // Names are looked up when drawn: the directory may arrive after the case.
  const holderName = (h: ClockHolderView): string => {
    if (h.role === 'executor') {
      const person = shortName((h.personId ? personName(h.personId) : null) ?? h.personName);
      const department = departments.find((d) => d.id === h.departmentId)?.name ?? h.departmentName;
      return [person, department].filter(Boolean).join(' · ') || '—';
    }
    return h.role === 'operator' ? t.caseView.operatorName : t.caseView.curatorName;
  };
  const holders = (c: ClockView): string =>
    c.holders.length > 0
      ? c.holders.map(holderName).join(', ')
      : (shortName(c.responsibleName) ?? (c.responsibleRole === 'executor' ? '—' : t.board.curators));
  const kindWords = (kind: string | null) =>
    kind && kind in t.caseView.holderKinds ? t.caseView.holderKinds[kind as keyof typeof t.caseView.holderKinds] : null;
  const offsetMs = useClock((s) => s.offsetMs);
  const { calendar } = props;
  const shares = calendar ? holderShares(props.state, calendar, Date.now() + offsetMs) : [];
  const shareName = (key: string) =>
    key === 'operator'
      ? t.caseView.operatorName
      : key === 'curator'
        ? t.caseView.curatorName
        : (departments.find((d) => d.id === key)?.name ?? key);
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
                <strong>{c.kind === 'overall' ? `${t.caseView.overall}: ${t.steps[c.step]}` : t.steps[c.step]}</strong>
                <Countdown calendar={calendar} dueAt={c.dueAt} atRiskAt={c.atRiskAt} offsetMs={offsetMs} />
              </div>
              <div className="muted" data-testid="clock-holder">
                {t.caseView.holders}: {holders(c)}
                {kindWords(c.holderKind) ? ` (${kindWords(c.holderKind)})` : ''}
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
      {shares.length > 0 && (
        <>
          <h3 id="shares-title">{t.caseView.shares}</h3>
          <p className="muted">{t.caseView.sharesHint}</p>
          <ul className="holder-shares" aria-labelledby="shares-title" data-testid="holder-shares">
            {shares.map((s) => (
              <li key={`${s.key}|${s.holder.personId ?? ''}`}>
                {shareName(s.key)}
                {s.holder.role === 'executor' && s.holder.personId
                  ? ` (${shortName(personName(s.holder.personId))})`
                  : ''}
                : {(Math.round((s.minutes / 60) * 10) / 10).toLocaleString(t.lang.locale)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
