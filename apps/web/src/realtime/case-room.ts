// Joining a case's room while its workspace is open: presence for the others, the shared drafts of the chain, and the
// live changes of the case's detail (from the case's version the join reply names).
import type { DraftSaveReply } from '@otklik/contract';
import { useDrafts } from '../stores/drafts';
import { usePresence } from '../stores/presence';
import { joinedCaseRoom } from './case-detail-live';
import { onConnect, request } from './socket';

/** Joins now if connected, and on every (re)connect; returns the function that leaves. */
export function joinCaseRoom(caseId: string): () => void {
  if (!caseId) return () => {};
  const join = () =>
    void request('case:join', { caseId })
      .then((reply) => {
        useDrafts.getState().putAll(caseId, reply.drafts);
        joinedCaseRoom(caseId, reply.version);
      })
      .catch(() => {});
  join();
  const off = onConnect(join);
  return () => {
    off();
    usePresence.getState().setPresent(caseId, []);
    void request('case:leave', { caseId }).catch(() => {});
  };
}

export function setTyping(caseId: string, typing: boolean): void {
  void request('case:typing', { caseId, typing }).catch(() => {});
}

export function saveDraft(caseId: string, slot: string, baseVersion: number, text: string): Promise<DraftSaveReply> {
  return request('draft:save', { caseId, slot, baseVersion, text });
}
