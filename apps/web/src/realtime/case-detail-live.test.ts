// An open workspace's detail: changes arriving during the read wait and are applied after it, a missed change costs
// exactly one read, and a join reply naming a newer version than the detail holds reads it again.
import type { CaseDetailChange } from '@otklik/contract';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../api/types';

const reads = vi.hoisted(() => ({ waiting: [] as ((d: unknown) => void)[] }));
vi.mock('../api/cases', () => ({
  loadCaseDetail: () => new Promise((resolve) => reads.waiting.push(resolve)),
}));
// The domain's derivation is tested in api/case-detail.test.ts; here only the version bookkeeping matters.
vi.mock('../api/case-detail', () => ({
  applyDetailChange: (d: CaseDetail, c: CaseDetailChange) => {
    if (c.version <= d.version) return { kind: 'held' };
    if (c.entries[0]?.version !== d.version + 1) return { kind: 'reload', reason: 'gap' };
    return { kind: 'applied', detail: { ...d, version: c.version, timeline: [...d.timeline, { seq: c.version }] } };
  },
}));

const { joinedCaseRoom, readCaseDetail, receiveDetailChange } = await import('./case-detail-live');
const { useCaseDetails } = await import('../stores/case-details');

const detail = (version: number) => ({ id: 'c1', version, timeline: [] }) as unknown as CaseDetail;
const change = (version: number, type = 'case-routed'): CaseDetailChange =>
  ({
    caseId: 'c1',
    version,
    state: {},
    entries: [{ seq: version, version, type, actorName: null, occurredAt: 0, payload: {} }],
  }) as unknown as CaseDetailChange;
const entry = () => useCaseDetails.getState().byId.get('c1')!;
/** Answers the oldest read in flight and lets its promise chain run. */
async function answer(version: number) {
  reads.waiting.shift()?.(detail(version));
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  reads.waiting = [];
  useCaseDetails.getState().close('c1');
  useCaseDetails.getState().open('c1');
});

describe('the live detail of an open case', () => {
  it('keeps changes that arrive during the read and applies the newer ones after it', async () => {
    const read = readCaseDetail('c1');
    receiveDetailChange(change(5));
    receiveDetailChange(change(6));
    expect(entry().pending).toHaveLength(2);
    await answer(5);
    await read;
    expect(entry().detail?.version).toBe(6);
    expect(entry().pending).toEqual([]);
    expect(reads.waiting).toHaveLength(0);
    // Then each change applies where it arrives, without a read; a publication event re-reads the channel.
    const mark = entry().channelMark;
    receiveDetailChange(change(7, 'publication-requested'));
    expect(entry().detail?.version).toBe(7);
    expect(entry().channelMark).toBe(mark + 1);
    expect(reads.waiting).toHaveLength(0);
  });

  it('reads once after a missed change', async () => {
    void readCaseDetail('c1');
    await answer(3);
    receiveDetailChange(change(5));
    expect(reads.waiting).toHaveLength(1);
    // More changes during that read wait for it instead of starting another.
    receiveDetailChange(change(6));
    expect(reads.waiting).toHaveLength(1);
    await answer(5);
    expect(entry().detail?.version).toBe(6);
    expect(reads.waiting).toHaveLength(0);
  });

  it('reads again when the room was joined at a version the detail does not have', async () => {
    void readCaseDetail('c1');
    await answer(4);
    joinedCaseRoom('c1', 4);
    expect(reads.waiting).toHaveLength(0);
    // A reconnect: something changed while the socket was away.
    joinedCaseRoom('c1', 6);
    expect(reads.waiting).toHaveLength(1);
    await answer(6);
    expect(entry().detail?.version).toBe(6);
    // Joined while the first read was in flight and older than the join: read again after it.
    useCaseDetails.getState().close('c1');
    useCaseDetails.getState().open('c1');
    void readCaseDetail('c1');
    joinedCaseRoom('c1', 9);
    await answer(8);
    expect(reads.waiting).toHaveLength(1);
    await answer(9);
    expect(entry().detail?.version).toBe(9);
  });
});
