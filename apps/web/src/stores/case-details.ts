// The detail of each case open in a workspace: read once when it opens, then kept current by the live changes of the
// case (realtime/case-detail-live.ts applies them). Changes that arrive while a read is in flight wait in `pending`.
import type { CaseDetailChange } from '@otklik/contract';
import { create } from 'zustand';
import type { CaseDetail } from '../api/types';

export interface OpenCaseDetail {
  readonly detail: CaseDetail | null;
  /** A read of the detail is in flight. */
  readonly loading: boolean;
  readonly error: unknown;
  /** Live changes received while reading: applied on top of what the read returns. */
  readonly pending: readonly CaseDetailChange[];
  /** The case's version when this browser last joined the case's room: a detail older than it missed a change. */
  readonly joinedVersion: number;
  /** Grows when the case's channel (publication attempts) may have changed: the workspace reads it again. */
  readonly channelMark: number;
}

interface CaseDetailsState {
  readonly byId: ReadonlyMap<string, OpenCaseDetail>;
  open(caseId: string): void;
  close(caseId: string): void;
  /** Changes an open case's entry; nothing for a case that is not open. */
  update(caseId: string, change: (entry: OpenCaseDetail) => OpenCaseDetail): void;
}

const fresh: OpenCaseDetail = {
  detail: null,
  loading: false,
  error: null,
  pending: [],
  joinedVersion: 0,
  channelMark: 0,
};

export const useCaseDetails = create<CaseDetailsState>()((set, get) => ({
  byId: new Map(),
  open: (caseId) => {
    if (get().byId.has(caseId)) return;
    set({ byId: new Map(get().byId).set(caseId, fresh) });
  },
  close: (caseId) => {
    const next = new Map(get().byId);
    next.delete(caseId);
    set({ byId: next });
  },
  update: (caseId, change) => {
    const entry = get().byId.get(caseId);
    if (!entry) return;
    const next = change(entry);
    if (next !== entry) set({ byId: new Map(get().byId).set(caseId, next) });
  },
}));
