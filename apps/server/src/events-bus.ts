// In-process hook called after a case command commits: the realtime layer subscribes to broadcast the events
// with their global sequence numbers. Listeners run after the transaction, so they only ever see committed data.
import { EventEmitter } from 'node:events';
import type { CaseEvent } from '@otklik/domain';
import type { NamedBoardRow } from './cases/board';
import { log } from './log';

export interface CommittedEvent {
  /** Global sequence number (case_events.seq). */
  readonly seq: number;
  readonly caseId: string;
  readonly organisationId: string;
  /** Per-case version after this event. */
  readonly version: number;
  readonly type: string;
  readonly actorId: string | null;
  readonly occurredAt: number;
  readonly payload: CaseEvent;
}

/** What the writer knew of a batch when it committed it. */
export interface CommitContext {
  /** The organisation's seq just before the batch's first event (0: none), read by the write after the
   *  organisation's lock (cases/commands.ts); absent: a listener that needs it reads it. */
  readonly prevSeq?: number;
  /** The case's named board row after the batch, as the write left it (cases/rows.ts writtenBoardRow): realtime
   *  sends it instead of reading it. */
  readonly row?: NamedBoardRow;
}

export type CommittedListener = (events: readonly CommittedEvent[], context: CommitContext) => void;

export interface EventsBus {
  /** Subscribes; returns the unsubscribe function. */
  onCommitted(listener: CommittedListener): () => void;
  emitCommitted(events: readonly CommittedEvent[], context?: CommitContext): void;
}

export function createEventsBus(): EventsBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    onCommitted(listener) {
      emitter.on('committed', listener);
      return () => emitter.off('committed', listener);
    },
    emitCommitted(events, context = {}) {
      if (events.length === 0) return;
      // A failing listener (e.g. a closed socket) must not make a committed command look failed to its caller.
      for (const listener of emitter.listeners('committed') as CommittedListener[]) {
        try {
          listener(events, context);
        } catch (error) {
          log.error({ err: error }, 'events-bus listener failed');
        }
      }
    },
  };
}
