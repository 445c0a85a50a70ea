// The curator's and operator's working day (issue 12): the registration form as the operator's first screen, the
// curator's own queue and bell, the route form's executors with head and absence marks, and the holders of every
// clock on a case opened by its link.
import { beforeAll, expect, it } from 'vitest';
import type { TestSession } from '../support/typed-client';
import { command, onLeaveThisWeek, registerCase, triageAndRoute } from './support/api';
import { bellCount, screenshot } from './support/browser';
import type { Named } from './support/people';
import { describeInBrowser, deskSessions } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };

describeInBrowser('the curator and operator at work', { timeout: 900_000 }, (suite) => {
  let operator: TestSession;
  let curator: TestSession;
  let zhkh: TestSession;
  let people: Record<string, Named>;

  beforeAll(async () => {
    ({ operator, curator, zhkh, people } = await deskSessions(suite, ['zhkh', 'zhkh2', 'roads']));
  });

  it('a case opened by its link names the holder of every clock at once, with no live change', async () => {
    const caseId = await registerCase(operator, { text: 'У дома 3 по ул. Лесной третий день не вывозят мусор.' });
    await triageAndRoute(
      curator,
      caseId,
      { topic: 'ЖКХ', location: 'ул. Лесная, 3', category: 'ordinary' },
      people.zhkh!,
    );
    const { context, page } = await suite.signedIn('curator');
    // A fresh tab straight on the case's address, as a link in an e-mail opens it.
    const tab = await context.newPage();
    await tab.goto(`${suite.server.url}/cases/${caseId}`);
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

  const triaged = { topic: 'ЖКХ', location: 'ул. Садовая, 2', category: 'ordinary' } as const;

  it('lists what waits on a curator, earliest deadline first, and the bell rings for each new task', async () => {
    const { page } = await suite.signedIn('curator');
    await page.goto(`${suite.server.url}/inbox`);
    const queue = page.getByRole('region', { name: /Ждут куратора/ });
    await expect.poll(() => queue.count(), POLL).toBe(1);
    const card = (id: string) => queue.locator(`li[data-case-id="${id}"]`);
    /** Whose turn the queue's card of case `id` says it is (null while the card is not there). */
    const turnOf = (id: string) =>
      card(id)
        .getAttribute('data-turn')
        .catch(() => null);
    const bell = () => bellCount(page);
    const rang = await bell();

    // A new message: to triage.
    const fresh = await registerCase(operator, { text: 'Во дворе дома 2 по Садовой сломали качели.' });
    await expect.poll(() => turnOf(fresh), POLL).toBe('triage');
    expect(await card(fresh).textContent()).toContain('новое сообщение');
    await expect.poll(bell, POLL).toBeGreaterThan(rang);

    // A draft sent for approval.
    const drafted = await registerCase(operator, { text: 'На Садовой, 4 течёт крыша над третьим подъездом.' });
    await triageAndRoute(curator, drafted, triaged, people.zhkh!);
    await command(zhkh, drafted, {
      type: 'submit-draft',
      kind: 'answer',
      text: 'Кровлю починят в среду.',
      attachments: [],
    });
    await expect.poll(() => turnOf(drafted), POLL).toBe('approve');
    expect(await card(drafted).textContent()).toContain('проект ждёт согласования');

    // A case returned by the executor.
    const returned = await registerCase(operator, { text: 'На Садовой, 6 нет автобусной остановки.' });
    await triageAndRoute(curator, returned, triaged, people.zhkh!);
    await command(zhkh, returned, {
      type: 'return',
      departmentId: people.zhkh!.department.id,
      reason: 'Вопрос транспорта',
    });
    await expect.poll(() => turnOf(returned), POLL).toBe('reroute');

    // A part of a forwarded chain (konyshevsky p.16): the curator forwards it.
    const chain = await registerCase(operator, { text: 'На Садовой, 8 после ремонта теплотрассы разрыт тротуар.' });
    await triageAndRoute(curator, chain, triaged, [people.zhkh!, people.roads!]);
    await command(zhkh, chain, {
      type: 'submit-contribution',
      departmentId: people.zhkh!.department.id,
      text: 'Теплотрасса готова.',
    });
    await expect.poll(() => turnOf(chain), POLL).toBe('forward');

    // Earliest deadline first.
    const dues = (
      await queue.locator('li[data-case-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-due')))
    )
      .filter((d): d is string => Boolean(d))
      .map(Number);
    expect(dues.length).toBeGreaterThanOrEqual(4);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    // The bell names the draft and the new message.
    await page.getByRole('button', { name: /Уведомления/ }).click();
    const panel = page.getByRole('dialog', { name: 'Уведомления' });
    await expect.poll(() => panel.textContent(), POLL).toContain('ждёт согласования');
    expect(await panel.textContent()).toContain('ждёт первичной обработки');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'curator-queue-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'curator-queue-390');
  });

  it('the operator lands on the registration form; bad input is explained in Russian; a repeat shows while typing', async () => {
    await registerCase(operator, { text: 'Не горит фонарь у остановки на Полевой.', author: 'Петрова Зинаида' });
    const { page } = await suite.signedIn('operator');
    await page.waitForURL((u) => u.pathname === '/register', { timeout: 20_000 });
    const form = page.getByRole('form', { name: 'Регистрация сообщения' });
    await form.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents(), POLL)
      .toContain('Укажите ссылку на сообщение');
    expect(await form.locator('.field-error').allTextContents()).toContain('Укажите автора сообщения');
    // The first wrong field has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('link');
    await form.getByLabel('Ссылка на сообщение').fill('vk.com/wall-1_5');
    await form.getByLabel('Автор', { exact: true }).fill('Петрова Зинаида');
    await form.getByLabel('Текст сообщения').fill('Опять не горит фонарь у остановки на Полевой, третью неделю.');
    await form.getByRole('button', { name: 'Зарегистрировать' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents(), POLL)
      .toContain('Ссылка должна начинаться с http:// или https://');
    // The earlier message of the same author is suggested while typing.
    await expect
      .poll(
        () =>
          page
            .getByTestId('repeat-suggestions')
            .textContent()
            .catch(() => ''),
        POLL,
      )
      .toContain('тот же автор');
    await form.getByLabel('Ссылка на сообщение').fill('https://vk.com/wall-1_5');
    await form.getByRole('radio', { name: 'личное сообщение' }).check();
    await form.getByLabel('Ссылка на вложение').fill('https://vk.com/photo-1_7');
    await form.getByRole('button', { name: 'Добавить вложение' }).click();
    await screenshot(page, 'curator-register-1440', true);
    await form.getByRole('button', { name: 'Зарегистрировать' }).click();
    const result = page.getByTestId('register-result');
    await expect.poll(() => result.textContent().catch(() => ''), POLL).toContain('Сообщение зарегистрировано');
    // Focus goes to the result, not back to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('register-result');
    const href = await result.getByRole('link', { name: 'Открыть обращение' }).getAttribute('href');
    const caseId = href!.split('/').pop()!;
    const detail = await curator.api.cases.detail.query({ caseId });
    expect(detail.state.message?.visibility).toBe('private');
    expect(detail.state.message?.attachments).toHaveLength(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'curator-register-390', true);
  });

  it('the route form marks the head and the absent, and preselects the usual executor who is here', async () => {
    const admin = await suite.api('admin');
    await onLeaveThisWeek(admin, people.zhkh!, people.zhkh2!);
    const caseId = await registerCase(operator, { text: 'В доме 12 по Мира нет горячей воды.' });
    await command(curator, caseId, { type: 'triage', processable: true, ...triaged });
    const { page } = await suite.signedIn('curator');
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Направить', exact: true }).click();
    const form = page.getByRole('form', { name: 'Направить' });
    await form.getByLabel('Подразделение').selectOption({ label: people.zhkh!.department.name });
    const executor = form.getByLabel('Исполнитель');
    await expect.poll(() => executor.inputValue(), POLL).toBe(people.zhkh2!.person.id);
    const options = await executor.locator('option').allTextContents();
    const head = options.find((o) => o.startsWith(people.zhkh!.person.fullName)) ?? '';
    expect(head).toContain('руководитель');
    expect(head).toContain('отсутствует до');
    expect(head).toContain(people.zhkh2!.person.fullName);
    expect(await form.getByTestId('route-usual').textContent()).toContain(people.zhkh2!.person.fullName);
    await screenshot(page, 'curator-route-1440', true);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'curator-route-390', true);
    // Choosing the absent head anyway is allowed, with a warning (record, never trap).
    await executor.selectOption(people.zhkh!.person.id);
    expect(await form.getByTestId('route-usual').textContent()).toContain('отсутствует');
  });
});
