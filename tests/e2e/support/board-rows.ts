// Generated board rows for the big-board browser test and the board render benchmark: the server's board snapshot
// (GET /api/board) is replaced in the browser (request interception) with N compact rows shaped like the server's
// (apps/server/src/cases/board-compact.ts), deadlines spread from an hour ago to about a week ahead so every urgency
// is present. Every clock's rule is the page's one rule text.
import type { Page } from 'playwright-core';

export function boardRows(n: number, now: number, organisationId: string) {
  return Array.from({ length: n }, (_, i) => {
    const dueAt = now - 3_600_000 + i * 60_000;
    const startedAt = dueAt - 4 * 3_600_000;
    const clock = {
      id: `draft@${i}`,
      step: 'draft',
      kind: 'step',
      startedAt,
      dueAt,
      atRiskAt: dueAt - 3_600_000,
      status: 'on-track',
      confirmed: true,
      responsible: { role: 'executor', personId: null, departmentId: null },
      holder: 'case',
      rule: 'r',
    };
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      number: 100_000 + i,
      organisationId,
      version: 3,
      status: 'assigned',
      currentStep: 'draft',
      dueAt,
      responsiblePersonId: null,
      absentPersonId: null,
      responsiblePersonName: `Исполнитель ${i % 97}`,
      responsibleDepartmentId: null,
      responsibleDepartmentName: `Отдел ${i % 13}`,
      departmentIds: [],
      executorIds: [],
      category: i % 11 === 0 ? 'high' : 'ordinary',
      topic: `Тема ${i % 17}`,
      location: `Улица ${i % 23}`,
      network: 'vk',
      author: null,
      excerpt: `Сообщение ${i}: не вывозят мусор, просим разобраться`,
      flags: [],
      chain: null,
      clocks: [
        clock,
        { ...clock, id: `answer@${i}`, step: 'answer', kind: 'overall', dueAt: dueAt + 3_600_000, atRiskAt: dueAt },
      ],
      isOpen: true,
      detectedAt: startedAt,
    };
  });
}

/**
 * Answers the board snapshot (GET /api/board) with `rows` from now on, with the server's own sequence number (its
 * answer is fetched and replaced), so the catch-up that follows the snapshot finds nothing to add. With `patch`, the
 * server's answers to the page's tRPC calls are passed to it (the procedure's name and the `data` of its result)
 * before they reach the page.
 */
export async function serveBoardRows(
  page: Page,
  rows: () => unknown[],
  patch?: (name: string, data: Record<string, unknown>) => void,
): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/board',
    async (route) => {
      const real = (await (await route.fetch()).json()) as { seq?: number };
      const body = { rules: { r: '8 рабочих часов' }, cases: rows(), seq: real.seq ?? 0, serverTime: Date.now() };
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ...body, nextCursor: null }),
      });
    },
  );
  if (!patch) return;
  await page.route(
    (url) => url.pathname.startsWith('/trpc/') && url.searchParams.get('batch') === '1',
    async (route) => {
      const names = new URL(route.request().url()).pathname.split('/')[2]!.split(',');
      const response = await route.fetch();
      const real = (await response.json()) as { result?: { data?: unknown } }[];
      names.forEach((name, i) => {
        const data = real[i]?.result?.data;
        if (data && typeof data === 'object') patch(name, data as Record<string, unknown>);
      });
      await route.fulfill({ response, body: JSON.stringify(real) });
    },
  );
}

/** 'YYYY-MM-DD' of an instant in a time zone. */
const localDate = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * A `patch` for serveBoardRows: makes today and tomorrow, in the organisation's own zone, whole days of work for this
 * page, as an administrator's calendar override (extra working days) could. Its countdowns then run and show their
 * seconds whatever the hour of the run; without it a run at night or at a weekend sees every clock paused. (The
 * organisation is read by a tRPC call when the page opens.)
 */
export function workAllDay(name: string, org: Record<string, unknown>): void {
  if (name !== 'directory.organisation') return;
  const zone = String(org.timeZone);
  const days = [0, 1].map((d) => localDate(Date.now() + d * 86_400_000, zone));
  org.calendarOverrides = {
    ...(org.calendarOverrides as object | null),
    extraWorkingDays: days.map((date) => ({ date, intervals: [[0, 1440]] })),
  };
}
