// "Мои задачи" for each role: a curator sees what waits on the curators, an executor (or a department head) the own
// and the department's cases; a person with both roles sees both.
import { useT } from '../../i18n';
import { hasRole, useSession } from '../../stores/session';
import { CuratorQueue } from './CuratorQueue';
import { InboxScreen } from './InboxScreen';

export function TasksScreen() {
  const t = useT();
  const user = useSession((s) => s.user);
  const curator = user ? hasRole(user, 'curator') : false;
  const executor = user ? hasRole(user, 'executor', 'department-head') : false;
  if (!curator) return <InboxScreen />;
  return (
    <>
      <section className="page inbox-page" aria-labelledby="tasks-title">
        <h1 id="tasks-title">{t.inbox.title}</h1>
        <CuratorQueue />
      </section>
      {executor && <InboxScreen />}
    </>
  );
}
