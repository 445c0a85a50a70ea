// The curator's reason for returning a draft, shown above the editor of the revision (not only at the bottom of
// the history): the executor revises against it.
import type { CaseDetail } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { fill, useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';

export function RevisionReason(props: { readonly detail: CaseDetail }) {
  const t = useT();
  const people = useDirectory((s) => s.people);
  const organisations = useDirectory((s) => s.organisations);
  const s = props.detail.state;
  const last = s.revisions.at(-1);
  if (s.status !== 'revision' || !last) return null;
  const timeZone =
    organisations.find((o) => o.id === props.detail.organisationId)?.timeZone ??
    organisations[0]?.timeZone ??
    'Europe/Moscow';
  const by = people.find((p) => p.id === last.by)?.fullName ?? t.caseView.system;
  return (
    <div className="notice revision-reason" role="note" data-testid="revision-reason">
      <p>
        <strong>{fill(t.executorDesk.revisionReason, { reason: last.reason })}</strong>
      </p>
      <p className="muted">
        {fill(t.executorDesk.revisionBy, { name: by, at: formatDateTime(last.at, timeZone, t.lang.locale) })}
      </p>
    </div>
  );
}
