// Notifications: when a curator flags a message as socially significant, the head gets an alert that is impossible
// to miss (a banner on every page until acknowledged) and the bell counts it; acknowledging clears the banner.
import { expect, it } from 'vitest';
import { command, registerCase } from './support/api';
import { bellCount, screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 30_000, interval: 250 };

describeInBrowser('alerts to the head', { page: 'head' }, (suite) => {
  it('a socially significant message reaches the head at once as a banner and in the bell', async () => {
    const head = suite.page;
    const count = () => bellCount(head);
    await expect.poll(() => head.locator('[data-connection]').getAttribute('data-connection'), POLL).toBe('online');
    // Earlier demo alerts may already wait: acknowledge them so the new one is the banner.
    while ((await head.getByTestId('urgent-alert').count()) > 0) {
      await head.getByRole('button', { name: 'Принято' }).click();
      await head.waitForTimeout(300);
    }
    const before = await count();

    const { operator, curator } = await suite.apis('operator', 'curator');
    const caseId = await registerCase(operator, {
      text: 'На Заводской улице прорвало теплотрассу, без тепла 40 домов!',
    });
    await command(curator, caseId, { type: 'flag-socially-significant', note: 'без тепла 40 домов' });

    await expect.poll(() => head.getByTestId('urgent-alert').count(), POLL).toBe(1);
    // Worded from the notification's key in the reader's language (Russian here): no English half. (An earlier
    // unread alert of the demo data may be the one shown.)
    const banner = (await head.getByTestId('urgent-alert').textContent()) ?? '';
    expect(banner).toMatch(/Социально значимое обращение № \d+ — \S/);
    expect(banner).not.toMatch(/socially significant/);
    await expect.poll(count, POLL).toBeGreaterThan(before);
    await screenshot(head, 'alert-to-head');
    const link = head.getByTestId('urgent-alert').getByRole('link');
    expect(await link.getAttribute('href')).toBe(`/cases/${caseId}`);

    await head.getByRole('button', { name: 'Принято' }).click();
    // Acknowledged: this alert leaves the banner (another unread alert, e.g. a surge, may take its place).
    const showsThisAlert = async () =>
      (await head.getByTestId('urgent-alert').count()) > 0 &&
      (await head.getByTestId('urgent-alert').getByRole('link').getAttribute('href')) === `/cases/${caseId}`;
    await expect.poll(showsThisAlert, POLL).toBe(false);
  });
});
