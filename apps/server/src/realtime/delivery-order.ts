// Every node sends each committed change to its own sockets, in the organisation's seq order, so that each receiver
// gets its own sequence (view-groups.ts) with one node or several. A node learns of a batch from its own events bus
// or, for a batch committed elsewhere, from the other node's notice (through the PostgreSQL adapter; one per
// organisation and window, naming the window's latest batch: server.ts). Notices of two nodes can arrive in either
// order; a batch whose previous seq is ahead of what this node has sent shows that an earlier batch has not arrived
// (or was not told): it is read from the log (it is committed: the later batch's command waited for it
// under the organisation's lock) and sent first. A batch that arrives after that is already sent and is dropped.
import type { CommittedEvent } from '../events-bus';

/** One committed batch of an organisation and the seq of the organisation's change just before it. */
export interface CommittedBatch {
  readonly organisationId: string;
  readonly events: readonly CommittedEvent[];
  readonly prev: number;
}

/** A hole longer than this (a node cut off from the others for a while) is not read and sent: the receivers are
 *  told to catch up themselves instead (`restart`). */
export const HOLE_LIMIT = 500;

export interface DeliveryOrderDeps {
  /** The organisation's committed events after `afterSeq` up to `upToSeq`, in seq order, at most `limit`. */
  readBetween(organisationId: string, afterSeq: number, upToSeq: number, limit: number): Promise<CommittedEvent[]>;
  /** Sends events (in seq order, following `prev`) to this node's receivers. */
  send(organisationId: string, events: readonly CommittedEvent[], prev: number): Promise<void>;
  /** Changes before the next one sent are unknown here: its receivers must catch up from the organisation's seq. */
  restart(organisationId: string): void;
}

export interface DeliveryOrder {
  /** Call one batch at a time per organisation (the caller keeps them apart: a keyed sequence). */
  deliver(batch: CommittedBatch): Promise<void>;
}

export function createDeliveryOrder(deps: DeliveryOrderDeps): DeliveryOrder {
  // The last seq sent per organisation; unknown until this node's first batch of it.
  const sent = new Map<string, number>();
  return {
    async deliver({ organisationId, events, prev }) {
      const last = sent.get(organisationId);
      const fresh = last === undefined ? events : events.filter((e) => e.seq > last);
      const head = fresh.at(-1);
      // Everything in it was read from the log already.
      if (!head) return;
      let before = last ?? prev;
      if (last !== undefined && prev > last) {
        const missing = await deps.readBetween(organisationId, last, prev, HOLE_LIMIT + 1);
        const end = missing.at(-1);
        if (missing.length > HOLE_LIMIT) {
          deps.restart(organisationId);
          before = prev;
        } else if (end) {
          sent.set(organisationId, end.seq);
          await deps.send(organisationId, missing, last);
          before = end.seq;
        }
      }
      sent.set(organisationId, head.seq);
      await deps.send(organisationId, fresh, before);
    },
  };
}
