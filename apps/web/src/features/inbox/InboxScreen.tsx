// An executor's inbox: my cases (including those of colleagues I stand in for) and my departments', split into "your
// turn" and "waiting for others", each with the clock that runs for its holder; live from the one cases store. Laid
// out as cards so it works on a phone.
import { useMemo } from 'react';
import { type InboxTask, inboxOf } from '../../api/inbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty, Loading } from '../../components/Loading';
import { fill, useT } from '../../i18n';
import { useLiveCases } from '../../realtime/use-live-cases';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';
import { InboxCard } from './InboxCard';

export function InboxScreen() {
  const t = useT();
  const user = useSession((s) => s.user);
  const directory = useDirectory((s) => s.departments);
  // Live: every change's row reaches the store, and the inbox is selected from it again (no request).
  const live = useLiveCases();
  const inbox = useMemo(() => (live.rows ? inboxOf(live.rows.values(), user) : null), [live.rows, user]);

  if (!inbox) return live.error ? <ErrorMessage error={live.error} onRetry={live.retry} /> : <Loading />;
  const { yourTurn, waiting, departments } = inbox;
  return (
    <section className="page inbox-page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t.inbox.title}</h1>
      {live.error != null && <ErrorMessage error={live.error} onRetry={live.retry} />}
      {departments.length > 0 && (
        <p className="muted inbox-departments" data-testid="department-open">
          {departments
            .map((d) =>
              fill(t.executorDesk.departmentOpen, {
                // The directory may arrive after the inbox: its name is looked up when drawn.
                name: directory.find((x) => x.id === d.id)?.name ?? d.name,
                count: d.open,
              }),
            )
            .join(' · ')}
        </p>
      )}
      <TaskList title={t.executorDesk.yourTurn} empty={t.executorDesk.yourTurnEmpty} tasks={yourTurn} id="your-turn" />
      <TaskList title={t.executorDesk.waiting} empty={t.executorDesk.waitingEmpty} tasks={waiting} id="waiting" />
    </section>
  );
}

function TaskList(props: {
  readonly title: string;
  readonly empty: string;
  readonly tasks: readonly InboxTask[];
  readonly id: string;
}) {
  return (
    <section aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>
        {props.title} ({props.tasks.length})
      </h2>
      {props.tasks.length === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        <ul className="inbox-list">
          {props.tasks.map((task) => (
            <InboxCard key={task.row.id} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}
