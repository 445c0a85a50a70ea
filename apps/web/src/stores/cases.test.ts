// The live case map applies changes in global sequence order: older or repeated changes never overwrite newer rows,
// a snapshot never hides a live change that arrived while it was loading, and closed cases leave the board.
import { beforeEach, describe, expect, it } from 'vitest';
import { boardCase } from '../api/board-case.fixture';
import type { BoardCase } from '../api/types';
import { useCases } from './cases';

const row = (id: string, seq: number, patch: Partial<BoardCase> = {}): BoardCase => boardCase(id, { seq, ...patch });

beforeEach(() => {
  useCases.setState({ byId: new Map(), lastSeq: 0, loaded: false });
});

describe('cases store', () => {
  it('applies changes in sequence order whatever order they arrive in', () => {
    const s = useCases.getState();
    s.replaceAll([row('a', 10, { status: 'detected' })], 10);
    s.applyChanges([
      { seq: 12, caseId: 'a', row: row('a', 12, { status: 'assigned' }) },
      { seq: 11, caseId: 'a', row: row('a', 11, { status: 'triaged' }) },
    ]);
    expect(useCases.getState().byId.get('a')?.status).toBe('assigned');
    expect(useCases.getState().lastSeq).toBe(12);
  });

  it('ignores a change it has already applied or an older one', () => {
    const s = useCases.getState();
    s.replaceAll([row('a', 20, { status: 'revision' })], 20);
    s.applyChanges([{ seq: 15, caseId: 'a', row: row('a', 15, { status: 'assigned' }) }]);
    expect(useCases.getState().byId.get('a')?.status).toBe('revision');
  });

  it('a snapshot older than a live change keeps the live row', () => {
    const s = useCases.getState();
    s.applyChanges([{ seq: 30, caseId: 'b', row: row('b', 30, { status: 'approved' }) }]);
    s.replaceAll([row('b', 25, { status: 'draft-review' })], 25);
    expect(useCases.getState().byId.get('b')?.status).toBe('approved');
    expect(useCases.getState().lastSeq).toBe(30);
  });

  it('removes a case that closed or left the board', () => {
    const s = useCases.getState();
    s.replaceAll([row('c', 5)], 5);
    s.applyChanges([{ seq: 6, caseId: 'c', row: row('c', 6, { isOpen: false }) }]);
    expect(useCases.getState().byId.has('c')).toBe(false);
    expect(useCases.getState().lastSeq).toBe(6);
  });
});
