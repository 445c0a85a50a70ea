// One task in the inbox: the clock that runs for whoever holds the case (mine, or the holder's while it waits for
// others), the step, who it waits for, the deadline and the message excerpt.
import { Countdown, formatDeadline } from '@otklik/ui';
import { Link } from 'react-router';
import type { InboxTask } from '../../api/inbox';
import type { ClockView } from '../../api/types';
import { shortName } from '../../components/format';
import { type Catalogue, fill, useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';

/** Who the case waits for: the curators, the operators, or the executors (department) holding the clock. Names come
 *  from the directory at render time (it may arrive after the inbox). */
function holdersText(
  clock: ClockView,
  t: Catalogue,
  personName: (id: string | null) => string | null,
  departmentName: (id: string | null) => string | null,
): string {
  const names = clock.holders.map((h) => {
    if (h.role === 'curator') return t.executorDesk.curators;
    if (h.role === 'operator') return t.executorDesk.operators;
    const who = shortName(personName(h.personId) ?? h.personName) ?? '—';
    const department = departmentName(h.departmentId) ?? h.departmentName;
    return department ? `${who} (${department})` : who;
  });
  return [...new Set(names)].join(', ');
}

export function InboxCard(props: { readonly task: InboxTask }) {
  const t = useT();
  const { row, clock, mine } = props.task;
  const offsetMs = useClock((s) => s.offsetMs);
  const calendar = useDirectory((s) => s.calendars.get(row.organisationId));
  const people = useDirectory((s) => s.people);
  const departments = useDirectory((s) => s.departments);
  const user = useSession((s) => s.user);
  // The server already names the substitute as responsible while the person is away (absentPersonId says who).
  const absent = row.absentPersonId ?? row.responsiblePersonId;
  const standingInFor =
    absent && user?.substituteFor.includes(absent) ? people.find((p) => p.id === absent)?.fullName : undefined;
  const step = clock?.step ?? row.currentStep;
  return (
    <li className={`inbox-card ${mine ? 'inbox-card-mine' : 'inbox-card-waiting'}`} data-case-id={row.id}>
      <div className="inbox-card-head">
        <Link to={`/cases/${row.id}`} className="inbox-card-title">
          №{row.number} · {step ? t.steps[step] : '—'}
        </Link>
        {clock && calendar && (
          <Countdown calendar={calendar} dueAt={clock.dueAt} atRiskAt={clock.atRiskAt} offsetMs={offsetMs} />
        )}
      </div>
      {!mine && clock && clock.holders.length > 0 && (
        <p className="inbox-waiting-for" data-testid="waiting-for">
          {fill(t.executorDesk.heldBy, {
            who: holdersText(
              clock,
              t,
              (id) => people.find((p) => p.id === id)?.fullName ?? null,
              (id) => departments.find((d) => d.id === id)?.name ?? null,
            ),
          })}
        </p>
      )}
      <p className="inbox-excerpt">{row.excerpt}</p>
      <p className="muted">
        {row.topic ?? '—'} · {row.location ?? '—'} · {t.category[row.category]}
        {row.overallDueAt && calendar
          ? ` · ${t.caseView.overall}: ${formatDeadline(row.overallDueAt, calendar.timeZone, t.lang.locale)}`
          : ''}
      </p>
      {standingInFor && <p className="flag">{fill(t.inbox.substitute, { name: standingInFor })}</p>}
    </li>
  );
}
