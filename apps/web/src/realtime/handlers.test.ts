// A live change applies its row to the one cases store when nothing was missed before it (no request), and catches up
// from the server when a change is missing (a gap) — the board's rows and the wall's alike.
import type { BoardRowMessage, WallRowMessage } from '@otklik/contract';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ catchUpBoard: 0 }));
vi.mock('../api/board', () => ({
  catchUpBoard: async () => {
    calls.catchUpBoard += 1;
  },
}));

const { registerHandlers, setWallCatchUp } = await import('./handlers');
const { useCases } = await import('../stores/cases');

type Listener = (raw: unknown) => void;
function fakeSocket() {
  const listeners = new Map<string, Listener>();
  const socket = {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    emit: () => {},
  };
  return { socket, push: (event: string, raw: unknown) => listeners.get(event)?.(raw) };
}

const boardRow = (id: string, patch: Partial<BoardRowMessage> = {}): BoardRowMessage => ({
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
  partyDepartmentIds: ['roads'],
  partyExecutorIds: ['p1'],
  category: 'ordinary',
  topic: 'дороги',
  location: null,
  network: 'vk',
  url: null,
  author: 'Житель',
  excerpt: 'Яма на дороге',
  isPublic: true,
  flags: ['curator:approve'],
  clocks: [],
  chain: null,
  isOpen: true,
  detectedAt: Date.UTC(2026, 11, 3, 9),
  postedAt: null,
  closedAt: null,
  updatedAt: Date.UTC(2026, 11, 3, 10),
  ...patch,
});

const change = (seq: number, prevSeq: number, caseId: string, row: BoardRowMessage | WallRowMessage | null) => ({
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

beforeEach(() => {
  calls.catchUpBoard = 0;
  useCases.getState().clear();
});

describe('live changes of the board', () => {
  it('an in-order change replaces its row from the message, without asking the server', () => {
    const { socket, push } = fakeSocket();
    registerHandlers(socket as never, { kind: 'session' });
    useCases.getState().replaceAll([], 10);
    push('case:changed', change(11, 10, 'a', boardRow('a')));
    const row = useCases.getState().byId.get('a');
    expect(row).toMatchObject({ id: 'a', status: 'assigned', seq: 11, curatorTurn: 'approve', version: 4 });
    expect(row?.executorIds).toEqual(['p1']);
    expect(useCases.getState().lastSeq).toBe(11);
    expect(calls.catchUpBoard).toBe(0);
  });

  it('a change after a missed one is not applied: the board catches up from the server', () => {
    const { socket, push } = fakeSocket();
    registerHandlers(socket as never, { kind: 'session' });
    useCases.getState().replaceAll([], 10);
    push('case:changed', change(13, 12, 'a', boardRow('a')));
    expect(useCases.getState().byId.has('a')).toBe(false);
    expect(useCases.getState().lastSeq).toBe(10);
    expect(calls.catchUpBoard).toBe(1);
  });

  it('a closed case (row null) leaves the board; an old or repeated change changes nothing', () => {
    const { socket, push } = fakeSocket();
    registerHandlers(socket as never, { kind: 'session' });
    useCases.getState().replaceAll([], 10);
    push('case:changed', change(11, 10, 'a', boardRow('a', { status: 'approved' })));
    push('case:changed', change(12, 11, 'a', null));
    expect(useCases.getState().byId.has('a')).toBe(false);
    push('case:changed', change(11, 10, 'a', boardRow('a', { status: 'approved' })));
    expect(useCases.getState().byId.has('a')).toBe(false);
    expect(useCases.getState().lastSeq).toBe(12);
    expect(calls.catchUpBoard).toBe(0);
  });

  it('before the board snapshot arrived nothing is applied (the snapshot and its catch-up cover it)', () => {
    const { socket, push } = fakeSocket();
    registerHandlers(socket as never, { kind: 'session' });
    push('case:changed', change(11, 10, 'a', boardRow('a')));
    expect(useCases.getState().byId.size).toBe(0);
    expect(calls.catchUpBoard).toBe(0);
  });
});

describe('live changes of the wall', () => {
  const wallRow = (id: string): WallRowMessage => ({
    view: 'wall',
    id,
    number: 7,
    status: 'assigned',
    currentStep: 'draft',
    dueAt: Date.UTC(2026, 11, 4, 9),
    responsibleDepartmentId: 'roads',
    responsibleDepartmentName: 'Дороги',
    category: 'ordinary',
    topic: 'дороги',
    location: 'Центральный район',
    network: 'vk',
    flags: [],
    clocks: [],
    isOpen: true,
    detectedAt: Date.UTC(2026, 11, 3, 9),
  });

  it('applies the wall row in order; a gap reloads the wall instead', () => {
    const { socket, push } = fakeSocket();
    let reloads = 0;
    setWallCatchUp(async () => {
      reloads += 1;
    });
    registerHandlers(socket as never, { kind: 'wall', token: 'wall_x' });
    useCases.getState().replaceAll([], 20);
    push('case:changed', change(21, 20, 'w', wallRow('w')));
    expect(useCases.getState().byId.get('w')).toMatchObject({ id: 'w', authorName: null, excerpt: '', seq: 21 });
    expect(reloads).toBe(0);
    push('case:changed', change(30, 25, 'w', null));
    expect(useCases.getState().byId.has('w')).toBe(true);
    expect(reloads).toBe(1);
    setWallCatchUp(null);
  });
});
