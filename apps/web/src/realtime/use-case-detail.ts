// The detail of the case a workspace shows: opened (room joined, detail read) while the screen is mounted, then
// current through live changes. `reload` reads it again (a conflict, a retry after an error).
import { useCallback, useEffect } from 'react';
import type { CaseDetail } from '../api/types';
import { useCaseDetails } from '../stores/case-details';
import { readCaseDetail } from './case-detail-live';
import { joinCaseRoom } from './case-room';

export interface LiveCaseDetail {
  readonly detail: CaseDetail | null;
  readonly error: unknown;
  /** Grows when the case's channel may have changed (see stores/case-details.ts). */
  readonly channelMark: number;
  /** The case's room is joined: its changes arrive live. */
  readonly joined: boolean;
  reload(): void;
}

export function useCaseDetail(caseId: string): LiveCaseDetail {
  const entry = useCaseDetails((s) => s.byId.get(caseId));
  useEffect(() => {
    useCaseDetails.getState().open(caseId);
    // Joined and read at once: whichever ends first, a change between the two is applied or read again.
    const leave = joinCaseRoom(caseId);
    void readCaseDetail(caseId);
    return () => {
      leave();
      useCaseDetails.getState().close(caseId);
    };
  }, [caseId]);
  const reload = useCallback(() => void readCaseDetail(caseId), [caseId]);
  return {
    detail: entry?.detail ?? null,
    error: entry?.error ?? null,
    channelMark: entry?.channelMark ?? 0,
    joined: (entry?.joinedVersion ?? 0) > 0,
    reload,
  };
}
