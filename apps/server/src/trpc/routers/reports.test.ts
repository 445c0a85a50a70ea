// reports router over the API: the monthly summary of a case driven through real commands, who may read it, surges
// (one alert per surge to the head and the curators, resolved when the rate falls) and repeat candidates.
import { notificationText, validationIssue, validationText } from '@otklik/contract';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { notifications } from '../../db/schema';
import { createDeps, type ServerDeps } from '../../deps';
import { forgetMonthlyReports } from '../../reports/monthly-cache';
import { type ReportsWatcher, startReportsWatcher } from '../../reports/watcher';
import { ROADS_TRIAGE, routeSingle } from '../../test/case-steps';
import { describeEachDatabase } from '../../test/databases';
import { type Caller, createOrgFixture, type OrgFixture, signInAs } from '../../test/fixtures';

// Tue 24 Nov 2026 10:00 Moscow (07:00 UTC), an ordinary working day; the fixture's profile is konyshevsky-2020.
const TUE_10_MSK = Date.UTC(2026, 10, 24, 7, 0);
const MIN = 60_000;

const message = (text: string, author = 'Иван Петров') => ({
  network: 'vk' as const,
  link: `https://vk.com/wall-1_${Math.random().toString(36).slice(2)}`,
  author: { name: author },
  text,
  attachments: [],
  visibility: 'public' as const,
});

describeEachDatabase('reports', (getDb) => {
  let deps: ServerDeps;
  let clock = TUE_10_MSK;
  let org: OrgFixture;
  let watcher: ReportsWatcher;
  let as: Record<'operator' | 'curator' | 'roads' | 'head' | 'admin', Caller>;

  beforeAll(async () => {
    deps = createDeps({ database: getDb(), now: () => clock });
    watcher = startReportsWatcher(deps);
    org = await createOrgFixture(deps);
    as = await signInAs(deps, org, ['operator', 'curator', 'roads', 'head', 'admin']);
  });
  afterAll(() => watcher.stop());

  const at = (minutesAfter10: number) => {
    clock = TUE_10_MSK + minutesAfter10 * MIN;
  };

  it('summarises a case driven through the commands, charging the late approval to the curator', async () => {
    // 10:00 registered; 10:10 triaged; 10:30 routed to roads; 11:00 draft; 12:00 revision requested — the approval
    // was due 30 min W after the draft (11:30, p.12), so it is 30 min late; 12:30 draft again (revise due 13:00,
    // p.13); 12:40 approved (due 13:00); 12:50 published by the executor (due 13:10, p.14): answer due Wed 10:00.
    at(0);
    const { caseId } = await as.operator.cases.register(message('Не убирают снег на улице Мира'));
    let v = 1;
    const cmd = async (who: Caller, command: Parameters<Caller['cases']['command']>[0]['command']) => {
      const r = await who.cases.command({ caseId, expectedVersion: v, command });
      v = r.version;
    };
    at(10);
    await cmd(as.operator, {
      type: 'triage',
      topic: 'Снег',
      location: 'ул. Мира',
      category: 'ordinary',
      processable: true,
    });
    at(30);
    await cmd(as.curator, {
      type: 'route',
      mode: 'single',
      assignments: [{ departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id }],
    });
    at(60);
    await cmd(as.roads, { type: 'submit-draft', kind: 'answer', text: 'Уберём до вечера', attachments: [] });
    at(120);
    await cmd(as.curator, { type: 'request-revision', reason: 'Укажите срок точнее' });
    at(150);
    await cmd(as.roads, { type: 'submit-draft', kind: 'answer', text: 'Уберём сегодня до 17:00', attachments: [] });
    at(160);
    await cmd(as.curator, { type: 'approve' });
    at(170);
    await cmd(as.roads, { type: 'publish', where: { kind: 'same-thread' } });

    const { summary, directory, asOf } = await as.curator.reports.monthlySummary({ month: '2026-11' });
    expect(summary.month).toBe('2026-11');
    const t = summary.totals;
    expect([t.received, t.answered, t.revisionRounds]).toEqual([1, 1, 1]);
    expect(t.steps.approve).toEqual({ onTime: 1, overdue: 1 });
    expect(t.steps.answer).toEqual({ onTime: 1, overdue: 0 });
    const roads = summary.departments.find((d) => d.key === org.departments.roads)!;
    expect([roads.received, roads.answered, roads.overdue]).toEqual([1, 1, 0]);
    expect(roads.steps.draft).toEqual({ onTime: 1, overdue: 0 });
    expect(roads.steps.revise).toEqual({ onTime: 1, overdue: 0 });
    expect(roads.steps.publish).toEqual({ onTime: 1, overdue: 0 });
    // Roads held 10:30–11:00, 12:00–12:30 and 12:40–12:50 = 70 min → 1.2 h.
    expect(roads.medianHours).toBe(1.2);
    const curator = summary.people.find((p) => p.key === org.people.curator.id)!;
    expect(curator.steps.approve).toEqual({ onTime: 1, overdue: 1 });
    expect(directory.departments[org.departments.roads]).toBe('Дороги и транспорт');
    // The lists stay on the server; a number's cases come by its cell key.
    expect(summary.drill).toEqual({});
    const drilled = await as.curator.reports.drilldown({
      month: '2026-11',
      key: `department|${org.departments.roads}|received`,
      asOf,
    });
    expect(drilled.map((c) => c.id)).toEqual([caseId]);
    const late = await as.head.reports.drilldown({
      month: '2026-11',
      key: `person|${org.people.curator.id}|overdue|approve`,
      asOf,
    });
    expect(late.map((c) => [c.id, c.number])).toEqual([[caseId, expect.any(Number)]]);
    expect(await as.head.reports.drilldown({ month: '2026-11', key: 'department|nobody|received', asOf })).toEqual([]);
  });

  it("a number's drill-down lists its cases from the summary's report, even after new cases and a lost cache", async () => {
    const received = (s: { departments: readonly { key: string; received: number }[] }) =>
      s.departments.find((d) => d.key === org.departments.roads)?.received ?? 0;
    const key = `department|${org.departments.roads}|received`;
    const route = async (text: string) => {
      const { caseId } = await as.operator.cases.register(message(text, 'Пётр Сидоров'));
      await as.operator.cases.command({ caseId, expectedVersion: 1, command: ROADS_TRIAGE });
      const toRoads = routeSingle(org.departments.roads, org.people.roadsExecutor.id);
      await as.curator.cases.command({ caseId, expectedVersion: 2, command: toRoads });
      return caseId;
    };
    at(200);
    const first = await route('Снег во дворе дома 3');
    at(210);
    const shown = await as.head.reports.monthlySummary({ month: '2026-11' });
    const drilled = await as.head.reports.drilldown({ month: '2026-11', key, asOf: shown.asOf });
    expect(drilled).toHaveLength(received(shown.summary));
    expect(drilled.map((c) => c.id)).toContain(first);

    // A case reaches roads after the summary was shown, the kept reports are gone (a restart, another node) and the
    // ten minutes a report used to be kept for have passed: the number on the screen still lists its own cases.
    at(215);
    const later = await route('Снег во дворе дома 5');
    forgetMonthlyReports();
    at(240);
    const again = await as.head.reports.drilldown({ month: '2026-11', key, asOf: shown.asOf });
    expect(again.map((c) => c.id).sort()).toEqual(drilled.map((c) => c.id).sort());
    expect(again.map((c) => c.id)).not.toContain(later);

    // A summary shown now counts the new case, and its drill-down lists it.
    const now = await as.head.reports.monthlySummary({ month: '2026-11' });
    expect(received(now.summary)).toBe(received(shown.summary) + 1);
    const current = await as.head.reports.drilldown({ month: '2026-11', key, asOf: now.asOf });
    expect(current).toHaveLength(received(now.summary));
    expect(current.map((c) => c.id)).toContain(later);
  });

  it('lets report readers in and keeps executors out; a bad month is a clear error', async () => {
    await expect(as.roads.reports.monthlySummary({ month: '2026-11' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as.head.reports.monthlySummary({ month: '2026-13' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The schema's key, worded in each reader's language.
    const bad = (await as.head.reports.monthlySummary({ month: 'ноябрь' }).catch((e: unknown) => e)) as {
      cause: { issues: z.core.$ZodIssue[] };
    };
    const issue = validationIssue(bad.cause.issues[0]!);
    expect(validationText(issue, 'ru')).toBe('Месяц в виде ГГГГ-ММ, например 2026-10');
    expect(validationText(issue, 'en')).toBe('month as YYYY-MM, e.g. 2026-10');
  });

  it('alerts the head and the curators once per surge and resolves it when the rate falls', async () => {
    const headAlerts = () =>
      deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.personId, org.people.head.id), eq(notifications.kind, 'alert-to-head')));
    const before = (await headAlerts()).length;
    // Six messages on «Вода» within 50 minutes (default threshold: 5 in 2 hours).
    for (let i = 0; i < 6; i++) {
      at(240 + i * 10);
      const { caseId } = await as.operator.cases.register(message(`Нет воды в доме ${i + 1}`, `Житель ${i}`));
      await as.operator.cases.command({
        caseId,
        expectedVersion: 1,
        command: { type: 'triage', topic: 'Вода', location: `дом ${i + 1}`, category: 'ordinary', processable: true },
      });
      await watcher.idle();
    }
    const alerts = await headAlerts();
    expect(alerts.length - before).toBe(1);
    // Stored as the catalogue's key and parameters, worded in the reader's language.
    const alert = alerts.at(-1)!;
    expect(alert).toMatchObject({ messageKey: 'notification.surge', messageParams: { value: 'Вода', count: 5 } });
    expect(notificationText(alert.messageKey!, alert.messageParams, 'ru')?.title).toMatch(
      /^Всплеск обращений: тема «Вода» — 5 обращений за 2 часа$/,
    );
    expect(notificationText(alert.messageKey!, alert.messageParams, 'en')?.title).toMatch(
      /^surge of messages: topic 'Вода' — 5 messages in 2 hours$/,
    );
    const curatorAlerts = await deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, org.people.curator.id), eq(notifications.kind, 'alert-to-head')));
    expect(curatorAlerts).toHaveLength(1);
    const active = await as.head.reports.surges();
    const surge = active.find((s) => s.value === 'Вода')!;
    expect(surge.resolvedAt).toBeNull();
    expect(surge.caseIds).toHaveLength(6);
    // Three hours after the last message the window holds none: resolved on the next read.
    at(290 + 180);
    const later = await as.head.reports.surges();
    expect(later.find((s) => s.id === surge.id)!.resolvedAt).toBe(clock);
    const overview = await as.head.reports.headOverview();
    expect(overview.surges.find((s) => s.id === surge.id)).toBeUndefined();
  });

  it('suggests earlier cases by the same author or with similar text on the same topic', async () => {
    at(600);
    const first = await as.operator.cases.register(message('Огромная яма на улице Ленина возле школы', 'Пётр Сидоров'));
    await as.operator.cases.command({
      caseId: first.caseId,
      expectedVersion: 1,
      command: { type: 'triage', topic: 'Дороги', location: 'ул. Ленина', category: 'ordinary', processable: true },
    });
    at(620);
    const second = await as.operator.cases.register(message('Опять огромная яма на улице Ленина у школы!', 'Анна К.'));
    await watcher.idle();
    const found = await as.curator.reports.repeatCandidates({ caseId: second.caseId });
    expect(found[0]).toMatchObject({ caseId: first.caseId, sameAuthor: false });
    expect(found[0]!.similarity).toBeGreaterThan(0.35);
    at(640);
    const third = await as.operator.cases.register(message('А когда починят фонарь?', 'Пётр Сидоров'));
    const byAuthor = await as.curator.reports.repeatCandidates({ caseId: third.caseId });
    expect(byAuthor.map((c) => [c.caseId, c.sameAuthor])).toContainEqual([first.caseId, true]);
  });

  it('only the administrator sets the surge thresholds', async () => {
    await expect(as.curator.reports.setSurgeThresholds({ minCount: 3 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as.admin.reports.setSurgeThresholds({ minCount: 8, windowMinutes: 60 });
    expect(await as.curator.reports.surgeThresholds()).toMatchObject({
      minCount: 8,
      windowMinutes: 60,
      baselineFactor: 3,
    });
  });
});
