// One call from event histories to the monthly summary: what the server and the CLI use.
import type { Instant, WorkingCalendar } from '../calendar/types';
import type { Profile } from '../profiles/schema';
import type { CaseEvent } from '../workflow/events';
import { type CaseFacts, caseFacts } from './case-facts';
import { monthRange, previousMonth } from './month';
import { monthlySummary } from './monthly-summary';
import type { MonthlySummary } from './summary-types';

export interface SummariseOptions {
  /** Each case's events in version order. */
  readonly histories: readonly (readonly CaseEvent[])[];
  /** 'YYYY-MM' in the organisation's time zone. */
  readonly month: string;
  readonly timeZone: string;
  readonly calendar: WorkingCalendar;
  /** The profile a case was registered under (cases keep theirs when the organisation changes profile). */
  readonly profileFor: (profileId: string | null) => Profile;
  readonly now: Instant;
  readonly topOverdue?: number;
}

export function summariseMonth(o: SummariseOptions): MonthlySummary {
  const month = monthRange(o.month, o.timeZone);
  const previous = monthRange(previousMonth(o.month), o.timeZone);
  const facts: CaseFacts[] = [];
  for (const events of o.histories) {
    const registered = events[0];
    const profileId = registered?.type === 'case-registered' ? registered.profileId : null;
    const f = caseFacts(events, { profile: o.profileFor(profileId), calendar: o.calendar, now: o.now });
    if (f) facts.push(f);
  }
  return monthlySummary({
    facts,
    month,
    previous,
    timeZone: o.timeZone,
    calendar: o.calendar,
    computedAt: o.now,
    ...(o.topOverdue === undefined ? {} : { topOverdue: o.topOverdue }),
  });
}
