// Board rows from the server: the step clock is the earliest non-overall one, the overall clock gives the deadline
// (the row's own when there is none), holders and people are named from the directory, flags become booleans.
import type { StepId } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { type BoardRowFields, type ShownClock, toBoardCase } from './adapters';

const names = {
  person: (id: string | null | undefined) => (id === 'p1' ? 'Лебедев Николай Иванович' : null),
  department: (id: string | null | undefined) => (id === 'd1' ? 'ЖКХ' : null),
  organisation: () => 'Администрация',
};

const base: BoardRowFields = {
  id: 'c1',
  number: 7,
  organisationId: 'o1',
  status: 'assigned',
  currentStep: null,
  dueAt: Date.parse('2026-11-25T15:00:00.000Z'),
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
  detectedAt: Date.parse('2026-11-25T06:00:00.000Z'),
  clocks: [],
};

const clock = (step: StepId, kind: 'step' | 'overall', dueAt: number): ShownClock => ({
  id: `${step}@1`,
  step,
  kind,
  startedAt: 1000,
  dueAt,
  atRiskAt: dueAt - 500,
  confirmed: true,
  status: 'on-track',
  responsible: { role: 'executor', personId: 'p1', departmentId: 'd1' },
  holders: [
    { role: 'executor', personId: 'p1', departmentId: 'd1' },
    { role: 'curator', personId: null, departmentId: null },
  ],
  holder: 'case',
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

  it('names the holders from the directory and falls back to the row deadline without an overall clock', () => {
    const row = toBoardCase({ ...base, clocks: [clock('draft', 'step', 5000)] }, names, 1);
    expect(row.stepClock?.holders).toEqual([
      {
        role: 'executor',
        personId: 'p1',
        departmentId: 'd1',
        personName: 'Лебедев Николай Иванович',
        departmentName: 'ЖКХ',
      },
      { role: 'curator', personId: null, departmentId: null, personName: null, departmentName: null },
    ]);
    expect(row.stepClock?.atRiskAt).toBe(4500);
    expect(row.overallDueAt).toBe(Date.parse('2026-11-25T15:00:00.000Z'));
  });
});
