// "Мои задачи" of a curator: every case waiting on a curator (a new message to triage, a draft to approve, a part to
// forward, a returned case…), earliest deadline first, each with its clock and what it waits for. Live: selected from
// the one cases store, which every change's row updates (no request).
import type { CuratorTurn } from '@otklik/domain';
import { Countdown, formatDeadline } from '@otklik/ui';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type CuratorTask, curatorQueueOf } from '../../api/curator-queue';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty, Loading } from '../../components/Loading';
import { fill, useT } from '../../i18n';
import { useLiveCases } from '../../realtime/use-live-cases';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';

function TaskCard({ task }: { readonly task: CuratorTask }) {
  const t = useT();
  const { row } = task;
  const offsetMs = useClock((s) => s.offsetMs);
  const calendar = useDirectory((s) => s.calendars.get(row.organisationId));
  const clock = row.stepClock;
  return (
    <li className="inbox-card" data-case-id={row.id} data-turn={task.turn} data-due={task.dueAt ?? ''}>
      <div className="inbox-card-head">
        <Link to={`/cases/${row.id}`} className="inbox-card-title">
          №{row.number} · {t.curatorQueue.turns[task.turn]}
        </Link>
        {clock && calendar && (
          <Countdown calendar={calendar} dueAt={clock.dueAt} atRiskAt={clock.atRiskAt} offsetMs={offsetMs} />
        )}
      </div>
      <p className="inbox-excerpt">{row.excerpt}</p>
      <p className="muted">
        {row.currentStep ? `${t.board.columns.step}: ${t.steps[row.currentStep]} · ` : ''}
        {row.topic ?? '—'} · {row.location ?? '—'} · {t.category[row.category]}
        {row.overallDueAt && calendar
          ? ` · ${t.caseView.overall}: ${formatDeadline(row.overallDueAt, calendar.timeZone, t.lang.locale)}`
          : ''}
      </p>
    </li>
  );
}

const ORDER: readonly CuratorTurn[] = ['triage', 'route', 'approve', 'forward', 'compose', 'reroute', 'publish'];

export function CuratorQueue() {
  const t = useT();
  const live = useLiveCases();
  const tasks = useMemo(() => (live.rows ? curatorQueueOf(live.rows.values()) : null), [live.rows]);

  if (!tasks) return live.error ? <ErrorMessage error={live.error} onRetry={live.retry} /> : <Loading />;
  const counts = ORDER.map((turn) => [turn, tasks.filter((x) => x.turn === turn).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <section className="curator-queue" aria-labelledby="curator-queue-title">
      <h2 id="curator-queue-title">
        {t.curatorQueue.title} <span className="muted">({tasks.length})</span>
      </h2>
      <p className="muted">{t.curatorQueue.hint}</p>
      {live.error != null && <ErrorMessage error={live.error} onRetry={live.retry} />}
      {counts.length > 0 && (
        <p className="curator-queue-counts" data-testid="curator-queue-counts">
          {counts
            .map(([turn, n]) => fill(t.curatorQueue.count, { what: t.curatorQueue.turns[turn], count: n }))
            .join(' · ')}
        </p>
      )}
      {tasks.length === 0 ? (
        <Empty>{t.inbox.empty}</Empty>
      ) : (
        <ul className="inbox-list" aria-labelledby="curator-queue-title">
          {tasks.map((task) => (
            <TaskCard key={task.row.id} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}
