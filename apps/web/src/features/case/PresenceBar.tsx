// Who else has this case open (presence), so two people do not silently work on the same answer.
import { fill, useT } from '../../i18n';
import { type PresentPerson, usePresence } from '../../stores/presence';
import { useSession } from '../../stores/session';

const NOBODY: readonly PresentPerson[] = [];

export function PresenceBar(props: { readonly caseId: string }) {
  const t = useT();
  const me = useSession((s) => s.user?.id);
  const people = usePresence((s) => s.byCase[props.caseId] ?? NOBODY).filter((p) => p.personId !== me);
  if (people.length === 0) return null;
  return (
    <p className="presence" role="status" data-testid="presence">
      {fill(t.caseView.presence, {
        names: people.map((p) => (p.typing ? `${p.fullName} (${t.caseView.typing})` : p.fullName)).join(', '),
      })}
    </p>
  );
}
