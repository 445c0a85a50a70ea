// One way through (issue 16): a change made by one person reaches the curator's board, the executor's inbox and the
// wall, each open in its own browser context, with the case's row carried by the live message — none of the three
// pages asks the server for rows after the change (their tRPC requests are counted with page.on('request')).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, command, registerCase, triageAndRoute } from './support/api';
import { hasBrowser, launchBrowser, signedInPage } from './support/browser';
import { findPeople, type Named } from './support/people';
import { buildWeb, startTestServer, type TestServer } from './support/server';

const POLL = { timeout: 30_000, interval: 200 };
/** The procedures that read case rows: after a live change none of them may be called by a receiving page. */
const ROW_READS = ['cases.board', 'cases.changesSince', 'wall.snapshot'];

/** Every tRPC procedure the page calls from now on (a batched call names several, joined by commas). */
function countRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/trpc/')) seen.push(...path.slice('/trpc/'.length).split(','));
  });
  return seen;
}

describe.skipIf(!hasBrowser)('a change reaches every view with its row, no view refetches', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId: string;
  let caseNumber: number;
  let zhkh: Named;
  let token: string;

  beforeAll(async () => {
    buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
    const admin = await new ApiClient(server.url).login('admin');
    const operator = await new ApiClient(server.url).login('operator');
    const curator = await new ApiClient(server.url).login('curator');
    token = (await admin.mutate<{ token: string }>('intake.createDisplayToken', { name: 'Табло в приёмной' })).token;
    zhkh = (await findPeople(curator, ['zhkh'])).zhkh!;
    caseId = await registerCase(operator, { text: 'Во дворе дома 3 по Лесной второй день течёт труба.' });
    caseNumber = (await operator.query<{ case: { number: number } }>('cases.detail', { caseId })).case.number;
    await triageAndRoute(curator, caseId, { topic: 'ЖКХ', location: 'ул. Лесная, 3', category: 'ordinary' }, zhkh);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the executor returns the case: board, inbox and wall follow without a request for rows', async () => {
    // Curator's board in one context, the executor's inbox in another, the wall display in a third.
    const board = (await signedInPage(browser, server.url, 'curator')).page;
    await board.goto(`${server.url}/board?q=${encodeURIComponent(`№${caseNumber}`)}`);
    const boardRow = board.locator(`tr[data-case-id="${caseId}"]`);
    await expect.poll(() => boardRow.locator('.board-status').getAttribute('title'), POLL).toBe('у исполнителя');
    await expect.poll(() => board.locator('[data-connection]').getAttribute('data-connection'), POLL).toBe('online');

    const inbox = (await signedInPage(browser, server.url, 'zhkh')).page;
    await inbox.goto(`${server.url}/inbox`);
    const card = inbox.locator(`li[data-case-id="${caseId}"]`);
    await expect.poll(() => card.count(), POLL).toBe(1);

    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 8000 }, locale: 'ru-RU' });
    const wall = await wallContext.newPage();
    let wallSnapshots = 0;
    wall.on('response', (response) => {
      if (new URL(response.url()).pathname === '/trpc/wall.snapshot') wallSnapshots += 1;
    });
    await wall.goto(`${server.url}/wall?token=${encodeURIComponent(token)}`);
    const wallDept = wall.locator(`li[data-case-number="${caseNumber}"] [data-testid="wall-dept"]`);
    await expect.poll(() => wallDept.textContent(), POLL).toBe(zhkh.department.name);
    // The wall subscribes, then reloads its snapshot once (what changed while it connected): that one is not a
    // reaction to a change, so counting starts after it.
    await expect.poll(() => wallSnapshots, POLL).toBeGreaterThanOrEqual(2);
    // On a busy machine the reload after connecting is debounced and may come late: wait until no snapshot has
    // arrived for a second (a settled count, not a time limit), so only reactions to the change are counted.
    let seen = -1;
    await expect
      .poll(
        () => {
          const settled = wallSnapshots === seen;
          seen = wallSnapshots;
          return settled;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    // Each page's snapshot is in; its socket has subscribed (the connection badge, or the wall's first row).
    await expect.poll(() => inbox.locator('[data-connection]').getAttribute('data-connection'), POLL).toBe('online');

    const requests = { board: countRequests(board), inbox: countRequests(inbox), wall: countRequests(wall) };

    const executor = await new ApiClient(server.url).login('zhkh');
    await command(executor, caseId, {
      type: 'return',
      departmentId: zhkh.department.id,
      reason: 'Труба во дворе — зона управляющей компании',
    });

    // The board shows the returned case (status and the curators as holders), the inbox drops it, the wall shows
    // the curators instead of the department.
    await expect.poll(() => boardRow.locator('.board-status').getAttribute('title'), POLL).toBe('возвращено');
    await expect.poll(() => card.count(), POLL).toBe(0);
    await expect.poll(() => wallDept.textContent(), POLL).not.toBe(zhkh.department.name);

    const rowReads = (list: string[]) => list.filter((p) => ROW_READS.includes(p));
    process.stdout.write(
      `\nlive rows: tRPC requests after the change: board ${JSON.stringify(requests.board)}, inbox ${JSON.stringify(requests.inbox)}, wall ${JSON.stringify(requests.wall)}\n`,
    );
    expect(rowReads(requests.board)).toEqual([]);
    expect(rowReads(requests.inbox)).toEqual([]);
    expect(rowReads(requests.wall)).toEqual([]);

    // The board row is the server's row after the change: what a fresh board snapshot shows.
    const fresh = (await signedInPage(browser, server.url, 'curator')).page;
    await fresh.goto(`${server.url}/board?q=${encodeURIComponent(`№${caseNumber}`)}`);
    const freshRow = fresh.locator(`tr[data-case-id="${caseId}"]`);
    await expect.poll(() => freshRow.locator('.board-status').getAttribute('title'), POLL).toBe('возвращено');
    expect(await freshRow.locator('[data-testid="responsible"]').textContent()).toBe(
      await boardRow.locator('[data-testid="responsible"]').textContent(),
    );
    for (const page of [board, inbox, wall, fresh]) await page.context().close();
  });
});
