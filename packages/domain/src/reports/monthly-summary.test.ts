// The monthly summary on a hand-built October 2026 (konyshevsky-2020, Europe/Moscow, Mon–Fri 09–13, 14–18; October
// has no holidays). Every expected number is worked out by hand in the comments from the preset's limits.
import { describe, expect, it } from 'vitest';
import { preset } from '../sla/test-helpers';
import { summariseMonth } from './summarise';
import { summaryTables, tableRows, totalLabel } from './summary-tables';
import { CURATORS_KEY, cellKey, type HolderRow } from './summary-types';
import { at, history } from './test-events';

const ROADS = 'dept-roads';
const HOUSING = 'dept-housing';
const HEALTH = 'dept-health';

// Case A, Tue Oct 13: a sequential chain roads → housing; time split between the operator/curator and two departments.
//  10:00 detected; answer due Wed 10:00 (Tue 10–13 + 14–18 = 7 h, Wed 09–10 = 1 h; p.10).
//  10:20 triaged: triage due 10:30 (p.7) → on time.
//  11:20 routed: roads' contribution due 11:20 + 2 h W = 14:20 (p.16); housing composes, its draft is due 4 h W
//        before Wed 10:00 = Tue 15:00 (p.11).
//  12:50 roads' part → on time; roads held 11:20–12:50 = 90 min. Housing receives: contribution due 15:50.
//  14:40 housing's draft → draft and contribution on time; approve due 15:10 (p.12).
//  15:40 revision requested → approve 30 min late (the curator's, not a department's); revise due 16:40 (p.13).
//  16:10 draft again → revise on time; approve due 16:40.   16:30 approved → on time; publish due 17:00 (p.14).
//  16:50 published by the executor → publish and answer on time.
//  Housing held 12:50–14:40 (50) + 15:40–16:10 (30) + 16:30–16:50 (20) = 100 min; not the 11:20–12:50 its draft
//  clock ran before it received the message. Detection → answer: 10–13 (180) + 14–16:50 (170) = 350 min.
const caseA = history('case-a')
  .registered('2026-10-13T10:00', 'op1')
  .triaged('2026-10-13T10:20', 'op1', 'дороги', 'Конышёвка')
  .routed('2026-10-13T11:20', 'cur1', 'sequential', [
    [ROADS, 'ex-roads'],
    [HOUSING, 'ex-housing'],
  ])
  .contributed('2026-10-13T12:50', 'ex-roads', ROADS)
  .draft('2026-10-13T14:40', 'ex-housing', 'answer', true)
  .revision('2026-10-13T15:40', 'cur1')
  .draft('2026-10-13T16:10', 'ex-housing', 'answer', true)
  .approved('2026-10-13T16:30', 'cur1')
  .published('2026-10-13T16:50', 'ex-housing').events;

// Case B, Wed Oct 14: an intermediate answer on time, then a late final.
//  09:00 detected; answer due Wed 18:00.  09:10 triaged (on time).  09:30 routed to health.
//  11:00 intermediate draft (draft due 14:00 → on time); 11:20 approved (due 11:30); 11:40 published (due 11:50):
//  the answer deadline is met by the intermediate answer (p.15); detection → first answer = 160 min.
//  Final due 7 working days after Oct 14: Oct 15, 16, 19, 20, 21, 22, 23 → Fri Oct 23 18:00 (p.15).
//  Mon Oct 26 12:00 final draft, 12:10 approved (due 12:30), 12:30 published (due 12:40) → p.15 bounds the final
//  *draft*: late by Mon 09:00–12:00 = 180 working minutes, charged to health, which prepared it. Health held the case
//  09:30–11:00 (90) + 11:20–11:40 (20, it publishes, p.14), then the final stage from 11:40 to the final draft on
//  Oct 26 12:00: Oct 14 11:40–13:00 (80) + 14–18 (240), Oct 15, 16, 19–23 (7 × 480 = 3360), Oct 26 09–12 (180),
//  and 12:10–12:30 (20) to publish: 3990 working minutes = 66.5 h.
const caseB = history('case-b')
  .registered('2026-10-14T09:00', 'op1')
  .triaged('2026-10-14T09:10', 'op1', 'здравоохранение', 'Конышёвка')
  .routed('2026-10-14T09:30', 'cur1', 'single', [[HEALTH, 'ex-health']])
  .draft('2026-10-14T11:00', 'ex-health', 'intermediate')
  .approved('2026-10-14T11:20', 'cur1')
  .intermediate('2026-10-14T11:40', 'ex-health')
  .draft('2026-10-26T12:00', 'ex-health')
  .approved('2026-10-26T12:10', 'cur1')
  .published('2026-10-26T12:30', 'ex-health').events;

// Case C, Thu Oct 15: returned as not competent (late), re-routed, two revision rounds, the second one late.
//  10:00 detected; answer due Fri 10:00; draft due Thu 15:00.  10:10 triaged.  10:30 routed to roads.
//  11:30 roads returns it: due 30 min W from receipt = 11:00 (p.8) → 30 min late; roads held 10:30–11:30 = 60.
//  11:45 re-routed to housing (reroute due 12:00, p.9 → on time). 14:30 draft (due 15:00) → on time.
//  14:40 revision 1 (approve due 15:00) → revise due 15:40; 15:00 draft → on time; approve due 15:30.
//  15:10 revision 2 → revise due 16:10; 16:30 draft → 20 min late; 16:40 approved (due 17:00);
//  17:00 published (due 17:10) → answer on time. Detection → answer: 10–13 (180) + 14–17 (180) = 360 min.
//  Housing held 11:45–14:30 (75 + 30) + 14:40–15:00 (20) + 15:10–16:30 (80) + 16:40–17:00 (20) = 225.
const caseC = history('case-c')
  .registered('2026-10-15T10:00', 'op1')
  .triaged('2026-10-15T10:10', 'op1', 'ЖКХ', 'Захарково')
  .routed('2026-10-15T10:30', 'cur1', 'single', [[ROADS, 'ex-roads']])
  .returned('2026-10-15T11:30', 'ex-roads', ROADS)
  .routed('2026-10-15T11:45', 'cur1', 'single', [[HOUSING, 'ex-housing']], true)
  .draft('2026-10-15T14:30', 'ex-housing')
  .revision('2026-10-15T14:40', 'cur1')
  .draft('2026-10-15T15:00', 'ex-housing')
  .revision('2026-10-15T15:10', 'cur1')
  .draft('2026-10-15T16:30', 'ex-housing')
  .approved('2026-10-15T16:40', 'cur1')
  .published('2026-10-15T17:00', 'ex-housing').events;

// Case D, detected Wed Sep 30 20:00 (after hours) and never answered: the answer clock starts Thu Oct 1 09:00 and is
// due Oct 1 18:00, so it is an October breach; by Mon Nov 2 09:00 it is 21 working days (Oct 2–30) × 480 = 10,080
// working minutes late. It counts in September's dynamics, not October's.
const caseD = history('case-d')
  .registered('2026-09-30T20:00', 'op1')
  .triaged('2026-09-30T20:10', 'op1', 'дороги', 'Конышёвка').events;

const { profile, calendar } = preset('konyshevsky-2020');
const summary = summariseMonth({
  histories: [caseA, caseB, caseC, caseD],
  month: '2026-10',
  timeZone: 'Europe/Moscow',
  calendar,
  profileFor: () => profile,
  now: at('2026-11-02T09:00:00+03:00'),
});

const row = (rows: readonly HolderRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};

describe('monthly summary, October 2026', () => {
  it('organisation totals', () => {
    const t = summary.totals;
    expect([t.received, t.answered, t.intermediate, t.finalOnTime, t.finalLate]).toEqual([3, 3, 1, 0, 1]);
    expect(t.returns).toBe(1);
    expect(t.revisionRounds).toBe(3); // A: 1, C: 2
    expect(t.steps.triage).toEqual({ onTime: 3, overdue: 0 }); // D's triage was decided in September
    expect(t.steps.return).toEqual({ onTime: 0, overdue: 1 });
    expect(t.steps.reroute).toEqual({ onTime: 1, overdue: 0 });
    expect(t.steps.contribution).toEqual({ onTime: 2, overdue: 0 });
    expect(t.steps.draft).toEqual({ onTime: 3, overdue: 0 }); // roads' draft in C was cancelled by its return
    expect(t.steps.approve).toEqual({ onTime: 6, overdue: 1 });
    expect(t.steps.revise).toEqual({ onTime: 2, overdue: 1 });
    expect(t.steps.publish).toEqual({ onTime: 4, overdue: 0 });
    expect(t.steps.answer).toEqual({ onTime: 3, overdue: 1 }); // D is open past due
    expect(t.steps.final).toEqual({ onTime: 0, overdue: 1 });
    expect([t.onTime, t.overdue]).toEqual([24, 5]);
    // Detection → first answer: 160, 350, 360 min: median 350 min = 5.8 h; p90 (nearest rank 3 of 3) = 6.0 h.
    expect([t.medianHours, t.p90Hours]).toEqual([5.8, 6]);
  });

  it('a department is charged with the clocks it held: its breaches, and the answers met while it had the case', () => {
    const roads = row(summary.departments, ROADS);
    expect([roads.received, roads.answered, roads.returns]).toEqual([2, 1, 1]); // C's answer is housing's
    expect(roads.steps.contribution).toEqual({ onTime: 1, overdue: 0 });
    expect(roads.steps.return).toEqual({ onTime: 0, overdue: 1 });
    // The case-wide answer clock of A and C was met while roads held them for a while (11:20–12:50, 10:30–11:30).
    expect(roads.steps.answer).toEqual({ onTime: 2, overdue: 0 });
    expect([roads.onTime, roads.overdue]).toEqual([3, 1]);
    // Held 90 (A) and 60 (C): median 75 min = 1.25 h → 1.3; p90 = 90 min = 1.5 h.
    expect([roads.medianHours, roads.p90Hours]).toEqual([1.3, 1.5]);

    const housing = row(summary.departments, HOUSING);
    expect([housing.received, housing.answered, housing.revisionRounds]).toEqual([2, 2, 3]);
    expect(housing.steps.draft).toEqual({ onTime: 2, overdue: 0 });
    expect(housing.steps.revise).toEqual({ onTime: 2, overdue: 1 });
    expect(housing.steps.publish).toEqual({ onTime: 2, overdue: 0 });
    // The curator's late approval in A is not housing's.
    expect(housing.steps.approve).toEqual({ onTime: 0, overdue: 0 });
    // draft 2 + revise 2 + publish 2 + its part in A 1 + the answers of A and C 2.
    expect([housing.onTime, housing.overdue]).toEqual([9, 1]);
    expect([housing.answeredOnTime, housing.answeredLate, housing.heldMinutes]).toEqual([2, 0, 325]);
    // Held 100 and 225 min: median 162.5 min = 2.71 h → 2.7; p90 = 225 min = 3.75 h → 3.8.
    expect([housing.medianHours, housing.p90Hours]).toEqual([2.7, 3.8]);

    const health = row(summary.departments, HEALTH);
    expect([health.received, health.answered, health.intermediate, health.finalOnTime, health.finalLate]).toEqual([
      1, 1, 1, 0, 1,
    ]);
    expect(health.steps.final).toEqual({ onTime: 0, overdue: 1 });
    expect(health.medianHours).toBe(66.5); // 3990 min
  });

  it('every breach is charged to the row of whoever held the clock at the breach instant', () => {
    // Overdue in October: A approve (curator), B final (health), C return (roads), C revise (housing), D answer
    // (the curator had D, triaged and never routed, when its answer fell due on Oct 1 18:00): one row each.
    const sum = summary.departments.reduce((n, d) => n + d.overdue, 0);
    expect(sum).toBe(summary.totals.overdue);
    expect(row(summary.departments, CURATORS_KEY).steps.answer.overdue).toBe(1);
  });

  it('the curator and the operator carry their own steps', () => {
    const staff = row(summary.departments, CURATORS_KEY);
    expect(staff.steps.approve).toEqual({ onTime: 6, overdue: 1 });
    expect(staff.steps.triage).toEqual({ onTime: 3, overdue: 0 });
    // approve 6 + triage 3 + reroute 1 + the answers of A, B, C (the operator and the curator held each) = 13;
    // approve 1 + D's answer = 2.
    expect([staff.onTime, staff.overdue]).toEqual([13, 2]);
    const cur1 = row(summary.people, 'cur1');
    expect([cur1.onTime, cur1.overdue]).toEqual([7, 1]); // approve 6 + reroute 1; approve 1 late
    const op1 = row(summary.people, 'op1');
    expect(op1.steps.triage).toEqual({ onTime: 3, overdue: 0 });
    const exHousing = row(summary.people, 'ex-housing');
    expect([exHousing.received, exHousing.answered, exHousing.onTime, exHousing.overdue]).toEqual([2, 2, 9, 1]);
  });

  it('dynamics against September and the top overdue cases', () => {
    expect(summary.dynamics.topic).toEqual([
      { value: 'дороги', current: 1, previous: 1, delta: 0 },
      { value: 'ЖКХ', current: 1, previous: 0, delta: 1 },
      { value: 'здравоохранение', current: 1, previous: 0, delta: 1 },
    ]);
    expect(summary.dynamics.network).toEqual([{ value: 'vk', current: 3, previous: 1, delta: 2 }]);
    expect(summary.topOverdue.map((c) => [c.caseId, c.step, c.overdueWorkingMinutes])).toEqual([
      ['case-d', 'answer', 10_080],
      ['case-b', 'final', 180],
      ['case-a', 'approve', 30],
      ['case-c', 'return', 30],
    ]);
  });

  it('drills down from a number to the cases behind it', () => {
    expect(summary.drill[cellKey('department', HOUSING, 'overdue', 'revise')]).toEqual(['case-c']);
    expect(summary.drill[cellKey('department', ROADS, 'received')]).toEqual(['case-a', 'case-c']);
    expect(summary.drill[cellKey('organisation', 'organisation', 'finalLate')]).toEqual(['case-b']);
    expect(summary.drill[cellKey('topic', 'дороги', 'previous')]).toEqual(['case-d']);
  });

  it('the month is the organisation’s local month', () => {
    // 2026-10-31T22:30 MSK is still October in Moscow although it is 19:30 UTC; 00:30 MSK on Nov 1 is not.
    const late = history('late').registered('2026-10-31T23:30', 'op1').events;
    const next = history('next').registered('2026-11-01T00:30', 'op1').events;
    const s = summariseMonth({
      histories: [late, next],
      month: '2026-10',
      timeZone: 'Europe/Moscow',
      calendar,
      profileFor: () => profile,
      now: at('2026-11-02T09:00:00+03:00'),
    });
    expect(s.drill[cellKey('organisation', 'organisation', 'received')]).toEqual(['late']);
  });
});

describe('local day and week', () => {
  it('Wed 2026-11-25 01:00 MSK (Tue 22:00 UTC) is in Moscow’s Wednesday and the week of Mon Nov 23', async () => {
    const { dayAndWeekStart } = await import('./month');
    const r = dayAndWeekStart(at('2026-11-25T01:00:00+03:00'), 'Europe/Moscow');
    expect(r.day).toBe(at('2026-11-25T00:00:00+03:00'));
    expect(r.week).toBe(at('2026-11-23T00:00:00+03:00'));
  });
});

describe('summary tables', () => {
  const names = {
    person: (id: string) => `P:${id}`,
    department: (id: string) => `D:${id}`,
    caseLabel: (id: string) => `№ ${id.slice(5)}`,
  };
  const tables = summaryTables(summary, names);
  it('lays out departments with the organisation total last, and every non-zero number drills down', () => {
    const departments = tables.find((t) => t.id === 'departments')!;
    expect(departments.rows.at(-1)![0]!.value).toBe(totalLabel());
    expect(departments.rows.at(-1)![1]).toEqual({
      value: 3,
      drill: cellKey('organisation', 'organisation', 'received'),
    });
    for (const row of departments.rows) {
      for (const c of row.slice(1)) {
        if (typeof c.value === 'number' && c.value > 0 && c.drill)
          expect(summary.drill[c.drill]?.length).toBeGreaterThan(0);
      }
    }
    // The total counts each case once: C went to roads and housing, so the department rows' "received" add up to 5
    // (roads 2 + housing 2 + health 1) against 3 cases; the label and the note say so instead of pretending a sum.
    const receivedSum = departments.rows.slice(0, -1).reduce((n, r) => n + Number(r[1]!.value), 0);
    expect([receivedSum, departments.rows.at(-1)![1]!.value]).toEqual([5, 3]);
    expect(totalLabel()).toBe('Всего по организации (каждое обращение один раз)');
    expect(departments.note).toMatch(/^Строка «Всего» считает каждое обращение один раз\..*совпадать с итогом\.$/);
    const housing = departments.rows.find((r) => r[0]!.value === `D:${HOUSING}`)!;
    // received, answered, on time, overdue, returns, revisions, median, p90, intermediate, final on time, final late,
    // answers on time, answers late, time held (325 min = 5.4 h)
    expect(housing.slice(1).map((c) => c.value)).toEqual([2, 2, 9, 1, 0, 3, 2.7, 3.8, 0, 0, 0, 2, 0, 5.4]);
  });
  it('words every title, header and label in the reader’s language only, Russian by default', () => {
    const cyrillic = /[а-яё]/i;
    const latinWord = /[a-z]{2,}/i;
    const texts = (ts: typeof tables) => ts.flatMap((t) => [t.title, t.note ?? '', ...t.header]);
    // The months in the dynamics' headers are months; everything else is the tables' own words (the rows' values
    // are names and data, checked through the total row below).
    const own = (s: string) => !/^\d{4}-\d{2}$/.test(s);
    const ru = texts(tables).filter(own);
    expect(ru).toContain('Получено');
    expect(ru).toContain('Первичная обработка: в срок');
    for (const s of ru) expect(s).not.toMatch(latinWord);
    const english = summaryTables(summary, names, 'en');
    const en = texts(english).filter(own);
    expect(english.find((t) => t.id === 'departments')!.header.slice(0, 2)).toEqual(['Department', 'Received']);
    expect(english.find((t) => t.id === 'departments')!.rows.at(-1)![0]!.value).toBe(totalLabel('en'));
    expect(en).toContain('Triage: on time');
    for (const s of en) expect(s).not.toMatch(cyrillic);
    // The same layout in both languages: only the words differ.
    expect(english.map((t) => [t.id, t.header.length, t.rows.length])).toEqual(
      tables.map((t) => [t.id, t.header.length, t.rows.length]),
    );
  });
  it('labels the most overdue cases by number and keeps rows rectangular for CSV', () => {
    const top = tables.find((t) => t.id === 'top-overdue')!;
    expect(top.rows.map((r) => r[0]!.value)).toEqual(['№ d', '№ b', '№ a', '№ c']);
    // 10,080 working minutes = 168 working hours.
    expect(top.rows[0]![4]!.value).toBe(168);
    for (const t of tables) for (const r of tableRows(t)) expect(r).toHaveLength(t.header.length);
  });
});
