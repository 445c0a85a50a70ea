// A text edited by several people (the combined answer, a department's contribution): autosaved to the case room
// with the version it was edited from. Someone else's save replaces an untouched text live; if both changed, the
// server refuses the older base and the editor shows both texts — a concurrent edit is shown, never lost.
import { AckRefusedError } from '@otklik/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDraft, setTyping } from '../../../realtime/case-room';
import { type SharedDraft, useDrafts } from '../../../stores/drafts';
import { useSavedText } from './use-saved-text';

const SAVE_AFTER_MS = 800;
/** Below the server's expiry of a typing mark (TYPING_EXPIRES_MS in apps/server/src/realtime/presence.ts). */
const TYPING_RENEW_MS = 4000;

export interface SharedDraftState {
  readonly text: string;
  setText(text: string): void;
  /** Someone else's newer text while ours differs: both are shown until the user chooses. */
  readonly conflict: SharedDraft | null;
  resolve(keep: 'mine' | 'theirs'): void;
  readonly status: 'idle' | 'saving' | 'saved' | 'offline' | 'refused';
  /** Why the server refused the last save (status 'refused'): an error the web words by its key. */
  readonly refusal: AckRefusedError | null;
  /** Forget the text after the command that used it was accepted. */
  clear(): void;
}

export function useSharedDraft(caseId: string, slot: string, initial = ''): SharedDraftState {
  const server = useDrafts((s) => s.byCase[caseId]?.[slot]);
  const [text, setLocal, clearLocal] = useSavedText(`${caseId}.${slot}`, initial);
  const [conflict, setConflict] = useState<SharedDraft | null>(null);
  const [status, setStatus] = useState<SharedDraftState['status']>('idle');
  const [refusal, setRefusal] = useState<AckRefusedError | null>(null);
  const base = useRef(0);
  const synced = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A newer server version: adopt it when we have nothing of our own, else it is a conflict to show.
  useEffect(() => {
    if (!server || server.version <= base.current) return;
    const untouched = synced.current === null ? text.trim() === '' || text === server.text : text === synced.current;
    // Our own saves never get here (their version is already the base), so a newer version from "me" is another
    // window of the same person: treated like anyone else's.
    // An empty slot (emptied when the text it held was sent) holds nothing to lose: it is never a conflict, the
    // text on screen (e.g. the draft returned for revision) simply continues from its version.
    if (server.text.trim() === '' && !untouched) {
      base.current = server.version;
      synced.current = server.text;
    } else if (untouched) {
      base.current = server.version;
      synced.current = server.text;
      setLocal(server.text);
    } else if (server.text !== text) {
      setConflict(server);
    } else {
      base.current = server.version;
      synced.current = server.text;
    }
  }, [server, text, setLocal]);

  const save = useCallback(
    async (value: string) => {
      setStatus('saving');
      setRefusal(null);
      try {
        const reply = await saveDraft(caseId, slot, base.current, value);
        if (reply.status === 'saved') {
          base.current = reply.draft.version;
          synced.current = value;
          useDrafts.getState().put(reply.draft);
          setStatus('saved');
        } else {
          setConflict(reply.current);
          setStatus('idle');
        }
      } catch (error) {
        // Refused (no longer allowed, invalid text): said in words. Offline: the text stays in the browser
        // (useSavedText) and is saved on the next change.
        if (error instanceof AckRefusedError) {
          setRefusal(error);
          setStatus('refused');
        } else setStatus('offline');
      }
    },
    [caseId, slot],
  );

  // Others see "печатает" next to this person's name while they type (presence in the case room). The server lets
  // the mark expire unless renewed, so it is renewed every few seconds of typing; it ends 3 s after the last key,
  // when the text is sent, and when the editor closes.
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typingSentAt = useRef(0);
  const stopTyping = useCallback(() => {
    if (!typingTimer.current) return;
    clearTimeout(typingTimer.current);
    typingTimer.current = null;
    typingSentAt.current = 0;
    setTyping(caseId, false);
  }, [caseId]);
  const markTyping = () => {
    if (!typingTimer.current || Date.now() - typingSentAt.current >= TYPING_RENEW_MS) {
      typingSentAt.current = Date.now();
      setTyping(caseId, true);
    }
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, 3000);
  };

  const setText = (value: string) => {
    setLocal(value);
    markTyping();
    if (timer.current) clearTimeout(timer.current);
    if (conflict) return;
    timer.current = setTimeout(() => void save(value), SAVE_AFTER_MS);
  };
  useEffect(
    () => () => {
      clearTimeout(timer.current ?? undefined);
      stopTyping();
    },
    [stopTyping],
  );

  const resolve = (keep: 'mine' | 'theirs') => {
    if (!conflict) return;
    base.current = conflict.version;
    if (keep === 'theirs') {
      synced.current = conflict.text;
      setLocal(conflict.text);
    } else void save(text);
    setConflict(null);
  };

  const clear = () => {
    stopTyping();
    clearLocal();
    synced.current = '';
    void save('');
  };

  return { text, setText, conflict, resolve, status, refusal, clear };
}
