// The board with 10,000 open cases: the server's board answer is replaced (in the browser, by request interception)
// with 10,000 generated rows; only the rows on screen exist in the DOM, every one with its live countdown, scrolling
// to the middle shows the right case, and search filters all of them. How fast it renders and ticks is measured by
// the board render benchmark (tests/bench/board-render.bench.ts), not asserted here.
import { beforeAll, expect, it } from 'vitest';
import { boardRows, serveBoardRows, workAllDay } from './support/board-rows';
import { screenshot } from './support/browser';
import { describeInBrowser } from './support/suite';

const N = 10_000;
/** Generous: the machine running the suite may be busy; the benchmark reports the real figure. */
const SLOW = { timeout: 120_000 };

describeInBrowser('board with 10,000 open cases', { page: 'curator' }, (suite) => {
  beforeAll(async () => {
    // The organisation's own id, so every row gets its working calendar and a live countdown.
    const org = await (await suite.api('curator')).api.directory.organisation.query();
    const rows = boardRows(N, Date.now(), org.id);
    await serveBoardRows(suite.page, () => rows);
  });

  it('renders only the visible rows and counts all of them', async () => {
    await suite.page.goto(`${suite.server.url}/board`);
    await expect.poll(() => suite.page.locator('.board-total').textContent(), SLOW).toContain(`${N}`);
    const domRows = await suite.page.locator('tr[data-case-id]').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(60);
    expect(await suite.page.locator('tr[data-case-id] .ok-countdown').count()).toBe(domRows);
    await screenshot(suite.page, 'board-10k');
  });

  it('scrolls to the middle and shows the case there, still with few DOM rows', async () => {
    await suite.page.getByTestId('board-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await expect
      .poll(() => suite.page.locator('tr[data-case-id] .board-number').allTextContents(), SLOW)
      .toContainEqual(expect.stringMatching(/^№10(49|50|51)\d\d$/));
    expect(await suite.page.locator('tr[data-case-id]').count()).toBeLessThan(60);
  });

  it('filters 10,000 rows by search at once', async () => {
    await suite.page.getByLabel('Поиск').fill('№105000');
    await expect.poll(() => suite.page.locator('tr[data-case-id]').count(), SLOW).toBe(1);
    // The URL follows the search box a moment later (the box itself never waits for it).
    await expect.poll(() => new URL(suite.page.url()).searchParams.get('q'), SLOW).toBe('№105000');
  });

  it('shows every countdown scrolled into sight at the latest tick, its accessible name current out of sight too', async () => {
    const { context, page } = await suite.signedIn('curator');
    const org = await (await suite.api('curator')).api.directory.organisation.query();
    // Today a working day all day; row i falls due at start - 1 h + i min = now - 30 min + i min, so rows 0..89 show
    // minutes and seconds for the next half hour at least, however slowly the board loads.
    const start = Date.now() + 30 * 60_000;
    const rows = boardRows(N, start, org.id);
    await serveBoardRows(page, () => rows, workAllDay);
    await page.goto(`${suite.server.url}/board`);
    await expect.poll(() => page.locator('.board-total').textContent(), SLOW).toContain(`${N}`);
    const second = page.locator('tr[data-index="1"] .ok-countdown-text');
    await expect.poll(() => second.textContent(), SLOW).toMatch(/с$/);
    // Three ticks go by while the rows below the list's box (mounted, not in sight) are left as they are.
    for (let i = 0; i < 3; i++) {
      const before = await second.textContent();
      await expect.poll(() => second.textContent(), SLOW).not.toBe(before);
    }
    // Right after a tick, scroll down one box's height, and read every mounted row three frames later.
    const read = await page.evaluate(
      () =>
        new Promise<{ index: number; text: string; label: string; inBox: boolean }[]>((resolve) => {
          const box = document.querySelector('[data-testid="board-scroll"]') as HTMLElement;
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          new MutationObserver((_, observer) => {
            observer.disconnect();
            box.scrollTop += box.clientHeight;
            void frame()
              .then(frame)
              .then(frame)
              .then(() => {
                const shown = box.getBoundingClientRect();
                resolve(
                  Array.from(box.querySelectorAll('tr[data-case-id]')).map((tr) => {
                    const time = tr.querySelector('.ok-countdown-time') as HTMLElement;
                    const r = time.getBoundingClientRect();
                    return {
                      index: Number(tr.getAttribute('data-index')),
                      text: tr.querySelector('.ok-countdown-text')?.textContent ?? '',
                      label: time.getAttribute('aria-label') ?? '',
                      inBox: r.bottom > shown.top && r.top < shown.bottom,
                    };
                  }),
                );
              });
          }).observe(box, { subtree: true, characterData: true, childList: true });
        }),
    );
    await context.close();
    // What a text says of the server time T it was drawn at: "просрочено на M мин SS с" is floor((T - due) / 1 s) =
    // M * 60 + SS seconds, "осталось M мин SS с" floor((due - T) / 1 s); row i is due at start - 1 h + i min.
    const drawnAt = (index: number, text: string): [number, number] => {
      const m = /^(осталось|просрочено на) (\d+) мин (\d\d) с$/.exec(text);
      if (!m) throw new Error(`row ${index}: "${text}" is not a time in minutes and seconds`);
      const seconds = Number(m[2]) * 60 + Number(m[3]);
      const due = start - 3_600_000 + index * 60_000;
      return m[1] === 'осталось'
        ? [due - (seconds + 1) * 1000 + 1, due - seconds * 1000]
        : [due + seconds * 1000, due + (seconds + 1) * 1000 - 1];
    };
    const running = read.filter((r) => r.index < 90);
    const inBox = running.filter((r) => r.inBox);
    // The box now shows rows that were out of sight for those three ticks (below its bottom and the margin).
    expect(Math.min(...inBox.map((r) => r.index))).toBeGreaterThanOrEqual(5);
    // Every text in the box and every accessible name (in the box or not) was drawn at one and the same tick.
    let from = Number.NEGATIVE_INFINITY;
    let to = Number.POSITIVE_INFINITY;
    for (const r of inBox) {
      expect(r.label, `row ${r.index}`).toBe(r.text);
      const [a, b] = drawnAt(r.index, r.text);
      [from, to] = [Math.max(from, a), Math.min(to, b)];
    }
    for (const r of running) {
      const [a, b] = drawnAt(r.index, r.label);
      [from, to] = [Math.max(from, a), Math.min(to, b)];
    }
    expect(from, JSON.stringify(running)).toBeLessThanOrEqual(to);
  });
});
