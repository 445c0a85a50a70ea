// One task in the inbox: the clock I am working against, the step, the deadline and the message excerpt.
import { Countdown, formatDeadline } from '@otklik/ui';
import { Link } from 'react-router';
import type { BoardCase } from '../../api/types';
import { shortName } from '../../components/format';
import { fill, useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';

export function InboxCard(props: { readonly row: BoardCase }) {
  const t = useT();
  const { row } = props;
  const offsetMs = useClock((s) => s.offsetMs);
  const calendar = useDirectory((s) => s.calendars.get(row.organisationId));
  const people = useDirectory((s) => s.people);
  const user = useSession((s) => s.user);
  // The server already names the substitute as responsible while the person is away (absentPersonId says who).
  const absent = row.absentPersonId ?? row.responsiblePersonId;
  const standingInFor =
    absent && user?.substituteFor.includes(absent) ? people.find((p) => p.id === absent)?.fullName : undefined;
  const clock = row.stepClock;
  return (
    <li className="inbox-card" data-case-id={row.id}>
      <div className="inbox-card-head">
        <Link to={`/cases/${row.id}`} className="inbox-card-title">
          №{row.number} · {row.currentStep ? t.steps[row.currentStep] : '—'}
        </Link>
        {clock && calendar && (
          <Countdown calendar={calendar} dueAt={clock.dueAt} atRiskAt={clock.atRiskAt} offsetMs={offsetMs} />
        )}
      </div>
      <p className="inbox-excerpt">{row.excerpt}</p>
      <p className="muted">
        {/* A department head sees at a glance whose move it is. */}
        {(clock?.responsibleName ?? row.responsibleName) &&
          `${shortName(clock?.responsibleName ?? row.responsibleName)} · `}
        {row.topic ?? '—'} · {row.location ?? '—'} · {t.category[row.category]}
        {row.overallDueAt && calendar
          ? ` · ${t.caseView.overall}: ${formatDeadline(row.overallDueAt, calendar.timeZone, t.lang.locale)}`
          : ''}
      </p>
      {standingInFor && <p className="flag">{fill(t.inbox.substitute, { name: standingInFor })}</p>}
    </li>
  );
}
