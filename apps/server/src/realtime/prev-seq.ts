// The organisation's previous seq of a freshly committed batch (the `prevSeq` of a live change). With several nodes
// it is read from the log; on a single node (PGlite) every commit passes through this process's events bus in
// commit order, so after one read per organisation it is kept in memory and broadcasts cost no query.
import type { DbOrTx } from '../db/connect';
import { previousSeq } from './changes';

export interface PrevSeqTracker {
  /** Called for batches in commit order per organisation (each call at once, not after the previous one's answer). */
  before(organisationId: string, firstSeq: number, lastSeq: number): Promise<number>;
}

export function createPrevSeqTracker(db: DbOrTx, options: { singleNode: boolean }): PrevSeqTracker {
  const last = new Map<string, number>();
  return {
    before(organisationId, firstSeq, lastSeq) {
      const known = options.singleNode ? last.get(organisationId) : undefined;
      // Noted before any read: the next batch may ask while this one's read is on its way.
      last.set(organisationId, lastSeq);
      return known !== undefined && known < firstSeq
        ? Promise.resolve(known)
        : previousSeq(db, organisationId, firstSeq);
    },
  };
}
