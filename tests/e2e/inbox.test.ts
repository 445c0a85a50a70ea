// An executor's inbox: cases routed to them with their clock, and — while a colleague is away — the colleague's cases
// too, marked as taken over; on a phone the inbox is a readable column of cards.
import { beforeAll, expect, it } from 'vitest';
import { onLeaveThisWeek, registerCase, triageAndRoute } from './support/api';
import { screenshot } from './support/browser';
import { findPeople } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };

describeInBrowser('inbox with a substitute', (suite) => {
  let caseId: string;
  let absentName: string;

  beforeAll(async () => {
    const { admin, operator, curator } = await suite.apis('admin', 'operator', 'curator');
    const people = await findPeople(curator, ['zhkh', 'zhkh2']);
    absentName = people.zhkh!.person.fullName;
    // zhkh is on leave from an hour ago for a week; zhkh2 stands in.
    await onLeaveThisWeek(admin, people.zhkh!, people.zhkh2!);
    caseId = await registerCase(operator, { text: 'В подъезде дома 9 по Школьной не работает освещение.' });
    await triageAndRoute(
      curator,
      caseId,
      { topic: 'ЖКХ', location: 'ул. Школьная, 9', category: 'ordinary' },
      people.zhkh!,
    );
  });

  it('the substitute sees the absent colleague’s case among their own, with its clock, on a phone', async () => {
    const { page } = await suite.signedIn('zhkh2', { width: 390, height: 844 });
    await page.goto(`${suite.server.url}/inbox`);
    const card = page.locator(`li[data-case-id="${caseId}"]`).first();
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await card.textContent()).toContain(`замещаю: ${absentName}`);
    expect(await card.locator('.ok-countdown').count()).toBe(1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, 'inbox-phone');
  });
});
