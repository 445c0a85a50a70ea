// An executor's inbox: my cases (including those of colleagues I stand in for) and my department's, each with my
// clock; updates when any case changes. Laid out as cards so it works on a phone.
import { useEffect, useRef } from 'react';
import { loadInbox } from '../../api/inbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty, Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useCases } from '../../stores/cases';
import { useSession } from '../../stores/session';
import { InboxCard } from './InboxCard';

export function InboxScreen() {
  const t = useT();
  const user = useSession((s) => s.user);
  const touched = useCases((s) => s.touched);
  const state = useAsync(() => loadInbox(user), [user]);
  const { reload } = state;
  // Live: reload when any case changes, at most every 2 s so a burst of changes is one request.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (touched.size === 0 || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, 2000);
  }, [touched, reload]);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);

  if (!state.data) return state.error ? <ErrorMessage error={state.error} onRetry={reload} /> : <Loading />;
  const { mine, department } = state.data;
  return (
    <section className="page inbox-page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t.inbox.title}</h1>
      {state.error != null && <ErrorMessage error={state.error} onRetry={reload} />}
      <h2>{t.inbox.mine}</h2>
      {mine.length === 0 ? (
        <Empty>{t.inbox.empty}</Empty>
      ) : (
        <ul className="inbox-list">
          {mine.map((c) => (
            <InboxCard key={c.id} row={c} />
          ))}
        </ul>
      )}
      <h2>{t.inbox.department}</h2>
      {department.length === 0 ? (
        <Empty>{t.inbox.emptyDepartment}</Empty>
      ) : (
        <ul className="inbox-list">
          {department.map((c) => (
            <InboxCard key={c.id} row={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
