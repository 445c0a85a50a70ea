// Generated board rows for the big-board browser test and the board render benchmark: the server's `cases.board`
// answer is replaced in the browser (request interception) with N compact rows shaped like the server's (the form the
// web asks for: apps/server/src/cases/board-compact.ts), deadlines spread from an hour ago to about a week ahead so
// every urgency is present. Every clock's rule is the page's one rule text.
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
      rule: 0,
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
 * Answers `cases.board` with `rows` from now on. tRPC batches calls made together (`/trpc/a,b,cases.board?batch=1`):
 * the others are answered by the server and the rows go into the slot of `cases.board`, with the server's own
 * sequence number, so the catch-up that follows the snapshot finds nothing to add.
 */
export async function serveBoardRows(
  page: Page,
  rows: () => unknown[],
  /** Changes the server's answer to another call of the same batch (`data` of its result), if given. */
  patch?: (name: string, data: Record<string, unknown>) => void,
): Promise<void> {
  await page.route(
    (url) => url.pathname.startsWith('/trpc/') && url.pathname.split('/')[2]!.split(',').includes('cases.board'),
    async (route) => {
      const names = new URL(route.request().url()).pathname.split('/')[2]!.split(',');
      const real = (await (await route.fetch()).json()) as { result?: { data?: { seq?: number } } }[];
      const body = names.map((name, i) => {
        const answer = real[i]?.result?.data;
        if (name !== 'cases.board') {
          if (patch && answer) patch(name, answer as Record<string, unknown>);
          return real[i];
        }
        const seq = answer?.seq ?? 0;
        const data = { compact: true, rules: ['8 рабочих часов'], cases: rows(), seq, serverTime: Date.now() };
        return { result: { data: { ...data, nextCursor: null } } };
      });
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    },
  );
}
