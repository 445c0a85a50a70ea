// "Мои задачи" for each role: a curator sees what waits on the curators, an executor (or a department head) the own
// and the department's cases; a person with both roles sees both.
import { taskListsOf } from '@otklik/domain';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { CuratorQueue } from './CuratorQueue';
import { InboxScreen } from './InboxScreen';

export function TasksScreen() {
  const t = useT();
  const user = useSession((s) => s.user);
  // The domain decides which lists a person has (the tasks area's own table).
  const lists = taskListsOf(user?.roles ?? []);
  if (!lists.includes('curator-queue')) return <InboxScreen />;
  return (
    <>
      <section className="page inbox-page" aria-labelledby="tasks-title">
        <h1 id="tasks-title">{t.inbox.title}</h1>
        <CuratorQueue />
      </section>
      {lists.includes('department') && <InboxScreen />}
    </>
  );
}
