// The scheduler's alarms: which at-risk and breach moments of a case are still to be recorded, and when —
// instants worked out by hand on the konyshevsky-2020 calendar (Mon–Fri 09:00–13:00, 14:00–18:00, Moscow).
import { type Actor, type CaseState, createCalendar, decide, evolve, getPreset, initialState } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { nextAlarmAt, pendingActions } from './alarms';

const ctx = { profile: getPreset('konyshevsky-2020')!, calendar: createCalendar({ timeZone: 'Europe/Moscow' }) };
const operator: Actor = { personId: 'op', roles: ['operator'], departmentIds: [] };
const system: Actor = { personId: 'system', roles: ['system'], departmentIds: [] };
const msk = (local: string) => Date.parse(`${local}+03:00`);

function run(state: CaseState, command: unknown, actor: Actor, at: number): CaseState {
  const d = decide(state, command, actor, at, ctx);
  if (!d.ok) throw new Error(d.error.message);
  return d.events.reduce(evolve, state);
}

// Registered Wednesday 25 November 2026 at 12:50 (a working day).
const registeredAt = msk('2026-11-25T12:50:00');
const registered = run(
  initialState,
  {
    type: 'register',
    caseId: 'c1',
    network: 'vk',
    link: 'https://vk.com/wall-1_1',
    author: { name: 'Иван' },
    text: 'Яма',
    attachments: [],
    visibility: 'public',
  },
  operator,
  registeredAt,
);

// triage, konyshevsky p.7: 30 working minutes = 10 min before lunch (12:50–13:00) + 20 after → due 14:20.
// At risk with 25 % (7.5 min) left: 14:12:30, after lunch. Breach: the first millisecond after 14:20.
const triageRisk = msk('2026-11-25T14:12:30');
const triageBreach = msk('2026-11-25T14:20:00') + 1;
// answer, konyshevsky p.10: 8 working hours = 10 + 240 min on Wednesday, 230 min on Thursday from 09:00 → Thu 12:50.
// At risk with 2 h left: Thursday 10:50.
const answerRisk = msk('2026-11-26T10:50:00');
const answerBreach = msk('2026-11-26T12:50:00') + 1;

describe('pendingActions / nextAlarmAt', () => {
  it('lists every unrecorded at-risk and breach moment in time order', () => {
    expect(pendingActions(registered, ctx, registeredAt).map((a) => [a.kind, a.at])).toEqual([
      ['at-risk', triageRisk],
      ['breached', triageBreach],
      ['at-risk', answerRisk],
      ['breached', answerBreach],
    ]);
    expect(nextAlarmAt(registered, ctx, registeredAt)).toBe(triageRisk);
  });

  it('drops what is recorded: after at-risk the breach is next, after the breach the next clock', () => {
    const risky = run(
      registered,
      { type: 'record-clock-at-risk', clockId: registered.clocks[0]!.id },
      system,
      triageRisk,
    );
    expect(nextAlarmAt(risky, ctx, triageRisk)).toBe(triageBreach);
    const breached = run(risky, { type: 'record-clock-breached', clockId: risky.clocks[0]!.id }, system, triageBreach);
    expect(nextAlarmAt(breached, ctx, triageBreach)).toBe(answerRisk);
  });

  it('a case with no open clock needs no alarm', () => {
    const rejected = run(
      registered,
      { type: 'reject', ground: ctx.profile.rejectionGrounds[0]!.code },
      operator,
      registeredAt + 60_000,
    );
    expect(nextAlarmAt(rejected, ctx, registeredAt + 60_000)).toBeNull();
  });
});
