// The curator's and operator's working day (issue 12): the registration form as the operator's first screen, the
// curator's own queue and bell, the route form's executors with head and absence marks, and the holders of every
// clock on a case opened by its link.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, registerCase, triageAndRoute } from './support/api';
import { hasBrowser, launchBrowser, signedInPage } from './support/browser';
import { findPeople, type Named } from './support/people';
import { buildWeb, startTestServer, type TestServer } from './support/server';

const POLL = { timeout: 20_000, interval: 250 };

describe.skipIf(!hasBrowser)('the curator and operator at work', () => {
  let server: TestServer;
  let browser: Browser;
  let operator: ApiClient;
  let curator: ApiClient;
  let people: Record<string, Named>;

  beforeAll(async () => {
    buildWeb();
    server = await startTestServer();
    browser = await launchBrowser();
    operator = await new ApiClient(server.url).login('operator');
    curator = await new ApiClient(server.url).login('curator');
    people = await findPeople(curator, ['zhkh', 'zhkh2', 'roads']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a case opened by its link names the holder of every clock at once, with no live change', async () => {
    const caseId = await registerCase(operator, { text: 'У дома 3 по ул. Лесной третий день не вывозят мусор.' });
    await triageAndRoute(
      curator,
      caseId,
      { topic: 'ЖКХ', location: 'ул. Лесная, 3', category: 'ordinary' },
      people.zhkh!,
    );
    const { context, page } = await signedInPage(browser, server.url, 'curator');
    // A fresh tab straight on the case's address, as a link in an e-mail opens it.
    const tab = await context.newPage();
    await tab.goto(`${server.url}/cases/${caseId}`);
    await expect.poll(() => tab.getByTestId('clock-holder').count(), POLL).toBeGreaterThanOrEqual(2);
    await expect
      .poll(
        async () =>
          (await tab.getByTestId('clock-holder').allTextContents()).every((l) => l.includes(people.zhkh!.short)),
        POLL,
      )
      .toBe(true);
    for (const line of await tab.getByTestId('clock-holder').allTextContents()) expect(line).not.toMatch(/:\s*—/);
    await page.close();
  });
});
