// Board rows from the server: the step clock is the earliest non-overall one, instants arrive as numbers or ISO
// strings, a malformed clock is dropped, flags become booleans.
import { describe, expect, it } from 'vitest';
import { type ServerBoardRow, toBoardCase } from './adapters';

const names = {
  person: (id: string | null | undefined) => (id === 'p1' ? 'Лебедев Николай Иванович' : null),
  department: (id: string | null | undefined) => (id === 'd1' ? 'ЖКХ' : null),
  organisation: () => 'Администрация',
};

const base: ServerBoardRow = {
  id: 'c1',
  number: 7,
  organisationId: 'o1',
  status: 'assigned',
  currentStep: null,
  dueAt: '2026-11-25T15:00:00.000Z',
  responsiblePersonId: 'p1',
  responsiblePersonName: null,
  responsibleDepartmentId: 'd1',
  responsibleDepartmentName: 'ЖКХ',
  category: 'high',
  topic: 'ЖКХ',
  location: 'ул. Мира',
  network: 'vk',
  author: 'Петров',
  excerpt: 'текст',
  flags: ['socially-significant'],
  isOpen: true,
  detectedAt: '2026-11-25T06:00:00.000Z',
};

const clock = (step: string, kind: string, dueAt: number | string) => ({
  id: `${step}@1`,
  step,
  kind,
  startedAt: 1000,
  dueAt,
  atRiskAt: null,
  responsible: { role: 'executor', personId: 'p1', departmentId: 'd1' },
  rule: '',
});

describe('toBoardCase', () => {
  it('takes the earliest step clock as the current one and the overall clock as the deadline', () => {
    const row = toBoardCase(
      {
        ...base,
        clocks: [clock('answer', 'overall', 9000), clock('draft', 'step', 5000), clock('contribution', 'step', 3000)],
      },
      names,
      42,
    );
    expect(row.stepClock?.step).toBe('contribution');
    expect(row.currentStep).toBe('contribution');
    expect(row.overallDueAt).toBe(9000);
    expect(row.stepClock?.responsibleName).toBe('Лебедев Николай Иванович');
    expect(row.sociallySignificant).toBe(true);
    expect(row.repeat).toBe(false);
    expect(row.seq).toBe(42);
    expect(row.detectedAt).toBe(Date.parse('2026-11-25T06:00:00.000Z'));
  });

  it('reads ISO instants, drops a clock without a deadline, and falls back to the row deadline', () => {
    const row = toBoardCase(
      { ...base, clocks: [clock('draft', 'step', '2026-11-25T12:00:00.000Z'), { step: 'x' }] },
      names,
      1,
    );
    expect(row.stepClock?.dueAt).toBe(Date.parse('2026-11-25T12:00:00.000Z'));
    expect(row.overallDueAt).toBe(Date.parse('2026-11-25T15:00:00.000Z'));
  });
});
