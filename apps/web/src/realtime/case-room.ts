// Joining a case's room while its workspace is open: presence for the others, and the shared drafts of the chain.
import type { DraftSaveReply } from '@otklik/server/realtime-events';
import { usePresence } from '../stores/presence';
import { onReconnect, request } from './socket';

/** Joins now (and again after every reconnect); returns the function that leaves. */
export function joinCaseRoom(caseId: string): () => void {
  if (!caseId) return () => {};
  const join = () => void request('case:join', { caseId }).catch(() => {});
  join();
  const off = onReconnect(join);
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
