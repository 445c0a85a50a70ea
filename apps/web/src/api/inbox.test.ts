// The inbox and the curator's queue are selected from the one cases store: which rows each lists, and in what order.
import { describe, expect, it } from 'vitest';
import { boardCase } from './board-case.fixture';
import { curatorQueueOf } from './curator-queue';
import { inboxOf } from './inbox';
import type { BoardCase, SessionUser } from './types';

const row = (id: string, patch: Partial<BoardCase> = {}): BoardCase =>
  boardCase(id, { seq: 1, departmentIds: [], executorIds: [], ...patch });

const user: SessionUser = {
  id: 'me',
  fullName: 'Орлова С. Ю.',
  login: 'zhkh2',
  roles: ['executor'],
  regionAdministrator: false,
  departmentIds: ['housing'],
  organisationId: 'org',
  substituteFor: ['away'],
};

describe('inboxOf', () => {
  it('lists my cases, those of the colleague I stand in for, and my department’s; nothing else', () => {
    const rows = [
      row('mine', { responsiblePersonId: 'me' }),
      row('stand-in', { responsiblePersonId: 'me', absentPersonId: 'away' }),
      row('given-to-me', { executorIds: ['me'], departmentIds: ['roads'] }),
      row('department', { departmentIds: ['housing'], responsiblePersonId: 'colleague' }),
      row('other', { departmentIds: ['roads'], responsiblePersonId: 'someone', executorIds: ['someone'] }),
      row('closed', { responsiblePersonId: 'me', isOpen: false }),
    ];
    const inbox = inboxOf(rows, user);
    const listed = [...inbox.yourTurn, ...inbox.waiting].map((t) => t.row.id).sort();
    expect(listed).toEqual(['department', 'given-to-me', 'mine', 'stand-in']);
    expect(inbox.departments).toEqual([{ id: 'housing', name: 'housing', open: 1 }]);
  });
});

describe('curatorQueueOf', () => {
  it('lists the cases waiting on a curator, earliest deadline first, those without one last, then by number', () => {
    const rows = [
      row('later', { number: 5, curatorTurn: 'approve', dueAt: Date.UTC(2026, 11, 4, 12) }),
      row('none', { number: 2, curatorTurn: 'triage', dueAt: null }),
      row('earlier', { number: 9, curatorTurn: 'route', dueAt: Date.UTC(2026, 11, 4, 9) }),
      row('none-first', { number: 1, curatorTurn: 'publish', dueAt: null }),
      row('executor-turn', { number: 3, curatorTurn: null, dueAt: Date.UTC(2026, 11, 4, 8) }),
      row('closed', { number: 4, curatorTurn: 'approve', isOpen: false, dueAt: Date.UTC(2026, 11, 4, 8) }),
    ];
    const queue = curatorQueueOf(rows);
    expect(queue.map((t) => [t.row.id, t.turn])).toEqual([
      ['earlier', 'route'],
      ['later', 'approve'],
      ['none-first', 'publish'],
      ['none', 'triage'],
    ]);
  });
});
