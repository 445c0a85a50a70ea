// The organisation's previous seq of a freshly committed batch (the `prevSeq` of a live change). With several nodes
// it is read from the log; on a single node (PGlite) every commit passes through this process's events bus in
// commit order, so after one read per organisation it is kept in memory and broadcasts cost no query. With several
// nodes a command's write reads it itself (migration 0017, cases/commands.ts): such a batch costs no query either.
import type { DbOrTx } from '../db/connect';
import { previousSeq } from './changes';

export interface PrevSeqTracker {
  /** Called for batches in commit order per organisation (each call at once, not after the previous one's answer).
   *  `known`: the writer read it with the batch (events-bus CommitContext): nothing to read. */
  before(organisationId: string, firstSeq: number, lastSeq: number, known?: number): Promise<number>;
}

export function createPrevSeqTracker(db: DbOrTx, options: { singleNode: boolean }): PrevSeqTracker {
  const last = new Map<string, number>();
  return {
    before(organisationId, firstSeq, lastSeq, written) {
      const known = written ?? (options.singleNode ? last.get(organisationId) : undefined);
      // Noted before any read: the next batch may ask while this one's read is on its way.
      last.set(organisationId, lastSeq);
      return known !== undefined && known < firstSeq
        ? Promise.resolve(known)
        : previousSeq(db, organisationId, firstSeq);
    },
  };
}
