// The head's significant cases: open ones follow the live store, closed-today ones stay listed from the overview.
import { describe, expect, it } from 'vitest';
import { boardCase } from '../../api/board-case.fixture';
import type { BoardCase } from '../../api/types';
import { type SignificantCase, significantCases } from './significant';

const dayStart = Date.parse('2026-11-24T00:00:00+03:00');
const at = (hhmm: string, day = '24') => Date.parse(`2026-11-${day}T${hhmm}:00+03:00`);
const listed = (id: string, detectedAt: number, isOpen = true): SignificantCase => ({
  id,
  number: Number(id.slice(1)),
  topic: 'ЖКХ',
  location: null,
  excerpt: '',
  isOpen,
  dueAt: null,
  detectedAt,
});
const rows = (...list: BoardCase[]) => new Map(list.map((r) => [r.id, r]));

describe('the head sees significant cases live', () => {
  it('lists open significant cases from the store, newest first, with the overview closed today', () => {
    const overview = [listed('c1', at('09:00')), listed('c2', at('16:00', '23')), listed('c3', at('08:00'), false)];
    const live = rows(
      // Flagged after the overview was read: listed at once.
      boardCase('c4', { number: 4, sociallySignificant: true, detectedAt: at('11:00'), dueAt: at('15:00') }),
      boardCase('c2', { number: 2, sociallySignificant: true, detectedAt: at('16:00', '23') }),
      boardCase('c5', { number: 5, detectedAt: at('12:00') }),
    );
    // c1 (detected today) closed since the overview: still listed, as closed; c3 was closed already.
    expect(significantCases(overview, live, dayStart).map((c) => [c.id, c.isOpen, c.dueAt])).toEqual([
      ['c4', true, at('15:00')],
      ['c1', false, null],
      ['c3', false, null],
      ['c2', true, null],
    ]);
  });

  it('drops a case detected before today once it closes, and shows the overview until the store is read', () => {
    const overview = [listed('c2', at('16:00', '23'))];
    expect(significantCases(overview, rows(), dayStart)).toEqual([]);
    expect(significantCases(overview, null, dayStart)).toEqual(overview);
  });
});
