// A live change applies its row to the one cases store when nothing was missed before it (no request); on a gap or a
// reconnect the shared change-sync reads what was missed over the socket (`changes:since`, rows included) and
// applies it in order — the board's rows and the wall's alike, through the same path.
import type { CaseChange, ChangesPage, LiveBoardRow, LiveClock, WallRowMessage } from '@otklik/contract';
import { sampleWallRow } from '@otklik/contract/test-rows';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCases } from '../stores/cases';
import { catchUpChanges, clearCases, loadSnapshot, setChangesSource } from './case-sync';
import { registerHandlers } from './handlers';

/** The socket's `changes:since` as a test answers it: each request recorded, each answer given by `answer`. */
const source = {
  asked: [] as number[],
  answer: (_afterSeq: number): ChangesPage => ({ changes: [], rules: {}, hasMore: false, headSeq: 0 }),
};
setChangesSource(async (afterSeq) => {
  source.asked.push(afterSeq);
  return source.answer(afterSeq);
});

/** Lets a catch-up that was started run to its end (its pages are answered at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type Listener = (raw: unknown) => void;
function fakeSocket() {
  const listeners = new Map<string, Listener>();
  const socket = {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    emit: () => {},
  };
  return { socket, push: (event: string, raw: unknown) => listeners.get(event)?.(raw) };
}

const boardRow = (id: string, patch: Partial<LiveBoardRow> = {}): LiveBoardRow => ({
  view: 'board',
  id,
  number: 12,
  organisationId: 'org',
  version: 4,
  status: 'assigned',
  currentStep: 'draft',
  dueAt: Date.UTC(2026, 11, 4, 9),
  responsiblePersonId: 'p1',
  responsiblePersonName: 'Иванова И. И.',
  responsibleDepartmentId: 'roads',
  responsibleDepartmentName: 'Дороги',
  absentPersonId: null,
  departmentIds: ['roads'],
  executorIds: ['p1'],
  category: 'ordinary',
  topic: 'дороги',
  location: null,
  network: 'vk',
  author: 'Житель',
  excerpt: 'Яма на дороге',
  flags: ['curator:approve'],
  clocks: [],
  chain: null,
  isOpen: true,
  detectedAt: Date.UTC(2026, 11, 3, 9),
  ...patch,
});

const change = (
  seq: number,
  prevSeq: number,
  caseId: string,
  row: LiveBoardRow | WallRowMessage | null,
): CaseChange => ({
  seq,
  prevSeq,
  caseId,
  version: 4,
  type: 'draft-submitted',
  occurredAt: 0,
  actorId: null,
  payload: null,
  row,
});

/** One live message of the server's window: the changes and the rules their board rows' clocks refer to. */
const changes = (...list: CaseChange[]) => ({ changes: list, rules: {} });

beforeEach(() => {
  source.asked = [];
  source.answer = () => ({ changes: [], rules: {}, hasMore: false, headSeq: 0 });
  clearCases();
});

function connectedSocket() {
  const { socket, push } = fakeSocket();
  registerHandlers(socket as never);
  return push;
}

/** A connected socket on an empty snapshot read at `headSeq`, with the snapshot's own request forgotten: what the
 *  test then sees asked is asked because of the live changes it pushes. */
async function liveAfter(headSeq: number) {
  const push = connectedSocket();
  await loadSnapshot([], headSeq);
  source.asked = [];
  return push;
}

describe('live changes of the board', () => {
  it('an in-order change replaces its row from the message, without asking the server', async () => {
    const push = await liveAfter(10);
    push('case:changes', changes(change(11, 10, 'a', boardRow('a'))));
    const row = useCases.getState().byId.get('a');
    expect(row).toMatchObject({ id: 'a', status: 'assigned', seq: 11, curatorTurn: 'approve', version: 4 });
    expect(row?.executorIds).toEqual(['p1']);
    await settle();
    expect(source.asked).toEqual([]);
  });

  it("one message of several changes applies each in order, a case's row once, its clocks' rules from the message", async () => {
    const push = await liveAfter(10);
    const clock: LiveClock = {
      id: 'draft@3',
      step: 'draft',
      kind: 'step',
      startedAt: Date.UTC(2026, 11, 3, 9),
      dueAt: Date.UTC(2026, 11, 4, 9),
      atRiskAt: Date.UTC(2026, 11, 4, 8),
      confirmed: true,
      status: 'on-track',
      responsible: { role: 'executor', personId: 'p1', departmentId: 'roads' },
      holder: 'executor',
      rule: 'k1',
    };
    const rules = { k0: 'правило 0', k1: 'правило 1' };
    // Case a changed twice in the window (its row with its last change), then case b.
    const { row: _earlier, ...first } = change(11, 10, 'a', null);
    push('case:changes', {
      changes: [
        first,
        change(12, 11, 'a', boardRow('a', { status: 'approved', clocks: [clock] })),
        change(13, 12, 'b', boardRow('b')),
      ],
      rules,
    });
    const a = useCases.getState().byId.get('a');
    expect(a).toMatchObject({ status: 'approved', seq: 12 });
    // The clock is read as the snapshot's compact clock is: its rule by index, the responsible party as its holder.
    expect(a?.stepClock).toMatchObject({ id: 'draft@3', rule: 'правило 1', responsiblePersonId: 'p1' });
    expect(a?.stepClock?.holders.map((h) => h.personId)).toEqual(['p1']);
    expect(useCases.getState().byId.get('b')).toMatchObject({ seq: 13 });
    await settle();
    expect(source.asked).toEqual([]);
  });

  it('a message whose first change follows a missed one waits for the catch-up, then applies in order', async () => {
    const push = await liveAfter(10);
    source.answer = () => ({
      changes: [change(11, 10, 'a', boardRow('a', { status: 'approved' }))],
      rules: {},
      hasMore: false,
      headSeq: 11,
    });
    push('case:changes', changes(change(12, 11, 'a', null), change(13, 12, 'b', boardRow('b'))));
    expect(useCases.getState().byId.size).toBe(0);
    await settle();
    expect(source.asked[0]).toBe(10);
    expect(useCases.getState().byId.has('a')).toBe(false);
    expect(useCases.getState().byId.get('b')).toMatchObject({ seq: 13 });
  });

  it('the first snapshot is followed by one catch-up from its seq (changes made while it was read)', async () => {
    source.answer = () => ({ changes: [change(11, 10, 'a', boardRow('a'))], rules: {}, hasMore: false, headSeq: 11 });
    await loadSnapshot([], 10);
    expect(source.asked).toEqual([10]);
    expect(useCases.getState().byId.get('a')).toMatchObject({ seq: 11 });
    // A later snapshot (another screen opening) does not ask again: the live changes kept the store current.
    await loadSnapshot([], 9);
    expect(source.asked).toEqual([10]);
    expect(useCases.getState().byId.has('a')).toBe(true);
  });

  it('a change after a missed one waits: the missed one is read over the socket, then both apply in order', async () => {
    const push = await liveAfter(10);
    // The page: what the server committed after 10 (11 and 12 of case b, then 13); each case's last change carries
    // its row, the earlier change of b has none.
    const { row: _none, ...withoutRow } = change(11, 10, 'b', null);
    const page = [
      withoutRow,
      change(12, 11, 'b', boardRow('b', { status: 'approved' })),
      change(13, 12, 'a', boardRow('a')),
    ];
    source.answer = (after) => ({ changes: page.filter((c) => c.seq > after), rules: {}, hasMore: false, headSeq: 13 });
    push('case:changes', changes(change(13, 12, 'a', boardRow('a'))));
    expect(useCases.getState().byId.has('a')).toBe(false);
    await settle();
    expect(source.asked[0]).toBe(10);
    expect(useCases.getState().byId.get('b')).toMatchObject({ status: 'approved', seq: 12 });
    expect(useCases.getState().byId.get('a')).toMatchObject({ seq: 13 });
  });

  it('a closed case (row null) leaves the board; an old or repeated change changes nothing', async () => {
    const push = await liveAfter(10);
    push('case:changes', changes(change(11, 10, 'a', boardRow('a', { status: 'approved' }))));
    push('case:changes', changes(change(12, 11, 'a', null)));
    expect(useCases.getState().byId.has('a')).toBe(false);
    push('case:changes', changes(change(11, 10, 'a', boardRow('a', { status: 'approved' }))));
    expect(useCases.getState().byId.has('a')).toBe(false);
    await settle();
    expect(source.asked).toEqual([]);
  });

  it('before the board snapshot arrived nothing is applied and nothing is asked', async () => {
    const push = connectedSocket();
    push('case:changes', changes(change(11, 10, 'a', boardRow('a'))));
    await settle();
    expect(useCases.getState().byId.size).toBe(0);
    expect(source.asked).toEqual([]);
  });

  it('a reconnect reads everything after the last applied seq, then skips the seqs it may not see', async () => {
    const push = connectedSocket();
    await loadSnapshot([], 10);
    push('case:changes', changes(change(11, 10, 'a', boardRow('a'))));
    source.asked = [];
    // While offline: 12 (a case this person may not see) and 14 of case a; the page holds only 14, the head is 15.
    source.answer = () => ({
      changes: [change(14, 11, 'a', boardRow('a', { status: 'approved' }))],
      rules: {},
      hasMore: false,
      headSeq: 15,
    });
    await catchUpChanges();
    expect(source.asked).toEqual([11]);
    expect(useCases.getState().byId.get('a')).toMatchObject({ status: 'approved', seq: 14 });
    // 15 was not for this person either: the next change it gets (after 15) applies without a request.
    push('case:changes', changes(change(16, 15, 'a', boardRow('a', { status: 'draft-returned' }))));
    expect(useCases.getState().byId.get('a')).toMatchObject({ status: 'draft-returned', seq: 16 });
    await settle();
    expect(source.asked).toEqual([11]);
  });
});

describe('live changes of the wall', () => {
  it('applies the wall row in order; a gap reads the missed changes (no snapshot reload)', async () => {
    const push = await liveAfter(20);
    push('case:changes', changes(change(21, 20, 'w', sampleWallRow('w'))));
    expect(useCases.getState().byId.get('w')).toMatchObject({ id: 'w', authorName: null, excerpt: '', seq: 21 });
    await settle();
    expect(source.asked).toEqual([]);
    // 25 (a removal of w: it closed) was missed; 30 arrives.
    source.answer = () => ({
      changes: [change(25, 21, 'w', null), change(30, 25, 'x', sampleWallRow('x'))],
      rules: {},
      hasMore: false,
      headSeq: 30,
    });
    push('case:changes', changes(change(30, 25, 'x', sampleWallRow('x'))));
    expect(useCases.getState().byId.has('w')).toBe(true);
    await settle();
    expect(source.asked).toEqual([21]);
    expect(useCases.getState().byId.has('w')).toBe(false);
    expect(useCases.getState().byId.get('x')).toMatchObject({ seq: 30 });
  });
});
