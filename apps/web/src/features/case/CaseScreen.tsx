// The case workspace: the message, every active clock, the chain's contributions, the timeline and exactly the
// actions this user may take now. A live change of the case updates it in place (realtime/use-case-detail.ts): no
// request per change.
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { profileFor } from '../../api/profiles';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { isConnected } from '../../realtime/socket';
import { useCaseDetail } from '../../realtime/use-case-detail';
import { useDirectory } from '../../stores/directory';
import { ActionsPanel } from './ActionsPanel';
import { ChannelPanel } from './ChannelPanel';
import { ClocksPanel } from './ClocksPanel';
import { ContributionsPanel } from './ContributionsPanel';
import { MessagePanel } from './MessagePanel';
import { PresenceBar } from './PresenceBar';
import { PublicationsPanel } from './PublicationsPanel';
import { TimelinePanel } from './TimelinePanel';

export function CaseScreen() {
  const t = useT();
  const { caseId = '' } = useParams();
  const state = useCaseDetail(caseId);
  // The publication attempts live in the server's outbox, not in the case's events: read when the case opens and
  // after a change that concerns publishing (state.channelMark).
  const channel = useAsync(() => api.channels.ofCase.query({ caseId }), [caseId, state.channelMark]);
  const calendars = useDirectory((s) => s.calendars);
  const organisations = useDirectory((s) => s.organisations);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const detail = state.detail;
  // Focus the heading on arrival so keyboard and screen-reader users start at the case, not the header.
  useEffect(() => headingRef.current?.focus(), [caseId, detail !== null]);

  if (!detail) {
    return state.error ? <ErrorMessage error={state.error} onRetry={state.reload} /> : <Loading />;
  }
  // The user's own command: its change arrives live like anyone's; outside the case's room (no connection, the
  // join refused or still on its way) read the case again.
  const afterCommand = () => {
    if (!state.joined || !isConnected()) state.reload();
  };
  const org = organisations.find((o) => o.id === detail.organisationId) ?? organisations[0];
  const timeZone = org?.timeZone ?? 'Europe/Moscow';
  return (
    <article className="page case-page" aria-labelledby="case-title" data-live={state.joined ? 'joined' : 'joining'}>
      <div className="case-top">
        <Link to="/board">← {t.caseView.back}</Link>
        <h1 id="case-title" ref={headingRef} tabIndex={-1}>
          {fill(t.caseView.title, { number: detail.number })}
        </h1>
        <PresenceBar caseId={caseId} />
      </div>
      {state.error != null && <ErrorMessage error={state.error} onRetry={state.reload} />}
      <div className="case-grid">
        <div className="case-main">
          <MessagePanel detail={detail} timeZone={timeZone} />
          <ContributionsPanel detail={detail} timeZone={timeZone} />
          <PublicationsPanel detail={detail} timeZone={timeZone} />
          <TimelinePanel entries={detail.timeline} timeZone={timeZone} />
        </div>
        <div className="case-side">
          <ClocksPanel
            clocks={detail.clocks}
            calendar={calendars.get(detail.organisationId)}
            profile={profileFor(detail.profileId)}
            state={detail.state}
          />
          <ChannelPanel
            detail={detail}
            channel={channel.data}
            timeZone={timeZone}
            onChanged={() => {
              afterCommand();
              channel.reload();
            }}
          />
          <ActionsPanel detail={detail} onDone={afterCommand} onStale={state.reload} />
        </div>
      </div>
    </article>
  );
}
