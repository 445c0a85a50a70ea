// The schemas a client validates live changes with: a wall keeps no personal data even if a server sent some, a
// catch-up page's change has no row, a removal is a null row, and an instant must be epoch milliseconds.
import { describe, expect, it } from 'vitest';
import { zCaseChange, zCaseChanges, zCaseDetailChange, zWallRowMessage } from './realtime-events';
import { sampleWallRow } from './test-rows';

const wallRow = sampleWallRow();
const change = {
  seq: 8,
  prevSeq: 7,
  caseId: 'c1',
  version: 3,
  type: 'routed',
  occurredAt: 0,
  actorId: null,
  payload: null,
};

describe('realtime change schemas', () => {
  it('a wall row keeps none of the fields a board row has about people and text', () => {
    const parsed = zWallRowMessage.parse({
      ...wallRow,
      author: 'Петрова Анна',
      excerpt: 'Яма у дома 5',
      responsiblePersonName: 'Иванов И. И.',
      url: 'https://vk.com/wall-1_2',
    });
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(wallRow).sort());
  });

  it('a change carries a row, a removal (null), or nothing (a catch-up page)', () => {
    expect(zCaseChange.parse({ ...change, row: wallRow }).row).toMatchObject({ view: 'wall', id: 'c1' });
    expect(zCaseChange.parse({ ...change, row: null }).row).toBeNull();
    expect(zCaseChange.parse(change).row).toBeUndefined();
  });

  it('refuses a row whose instants are not epoch milliseconds, or of an unknown view', () => {
    expect(zCaseChange.safeParse({ ...change, row: { ...wallRow, detectedAt: '2026-12-03T09:00:00Z' } }).success).toBe(
      false,
    );
    expect(zCaseChange.safeParse({ ...change, row: { ...wallRow, view: 'report' } }).success).toBe(false);
  });
});

describe('a live message of changes', () => {
  const clock = {
    id: 'triage@1',
    step: 'triage',
    kind: 'step',
    startedAt: 0,
    dueAt: 1,
    atRiskAt: 1,
    confirmed: true,
    status: 'on-track',
    responsible: { role: 'operator', personId: null, departmentId: null },
    holder: 'operator',
    rule: 'r7',
  };
  const { view: _wall, ...wall } = wallRow;
  const boardRow = {
    ...wall,
    view: 'board',
    organisationId: 'o1',
    version: 3,
    responsiblePersonId: null,
    responsiblePersonName: null,
    absentPersonId: null,
    departmentIds: [],
    executorIds: [],
    author: 'Житель',
    excerpt: 'Яма',
    chain: null,
    clocks: [clock],
  };

  it("carries changes in order with compact board rows, each clock's rule the key of one of the message's rules", () => {
    const parsed = zCaseChanges.parse({
      changes: [change, { ...change, seq: 9, prevSeq: 8, row: boardRow }],
      rules: { r7: 'п. 7' },
    });
    expect(parsed.changes.map((c) => c.seq)).toEqual([8, 9]);
    expect(parsed.changes[1]?.row).toMatchObject({ view: 'board', clocks: [{ rule: 'r7' }] });
  });

  it('is refused empty, without rules, or with a clock that carries its rule itself', () => {
    expect(zCaseChanges.safeParse({ changes: [], rules: {} }).success).toBe(false);
    expect(zCaseChanges.safeParse({ changes: [change] }).success).toBe(false);
    const inline = { ...boardRow, clocks: [{ ...clock, rule: [{ step: 'answer', rule: 'п. 7' }] }] };
    expect(zCaseChanges.safeParse({ changes: [{ ...change, row: inline }], rules: {} }).success).toBe(false);
  });
});

describe('a case detail change', () => {
  const routed = {
    type: 'case-routed',
    at: 0,
    by: 'p1',
    mode: 'single',
    assignments: [{ departmentId: 'd1', executorId: 'p2' }],
    reroute: false,
  };
  const entry = {
    seq: 8,
    version: 3,
    type: 'case-routed',
    actorName: 'Куратор Кирилл',
    occurredAt: 0,
    payload: routed,
  };
  const detail = { caseId: 'c1', version: 3, state: { version: 3, status: 'assigned', clocks: [] }, entries: [entry] };

  it('is read with its state and entries', () => {
    expect(zCaseDetailChange.safeParse(detail).success).toBe(true);
  });

  it('is dropped without a state the domain can read, without entries, with an instant as text or no event', () => {
    expect(zCaseDetailChange.safeParse({ ...detail, state: { version: 3, status: 'assigned' } }).success).toBe(false);
    expect(zCaseDetailChange.safeParse({ ...detail, state: null }).success).toBe(false);
    expect(zCaseDetailChange.safeParse({ ...detail, entries: [] }).success).toBe(false);
    const textInstant = { ...entry, occurredAt: '2026-12-03T09:00:00Z' };
    expect(zCaseDetailChange.safeParse({ ...detail, entries: [textInstant] }).success).toBe(false);
    // An entry's payload is a domain event: not just any object.
    expect(zCaseDetailChange.safeParse({ ...detail, entries: [{ ...entry, payload: {} }] }).success).toBe(false);
  });
});
