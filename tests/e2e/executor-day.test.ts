// An executor's working day (issue 12, items 8–13), in a real browser against the demo installation: a revision
// opens without a conflict against oneself and with the curator's reason above the editor; two departments of a
// parallel set both send their parts; "Мои задачи" separates my turn from waiting for others; live state is never
// stale (typing, chain links, "Готово"); the publication address is checked and the published link shown.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { TestSession } from '../support/typed-client';
import { command, registerCase, triageAndRoute } from './support/api';
import { screenshot } from './support/browser';
import { findPeople, type Named } from './support/people';
import { describeInBrowser, deskSessions } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('an executor’s working day', (suite) => {
  let operator: TestSession;
  let curator: TestSession;
  let zhkh: TestSession;
  let people: Record<string, Named>;

  beforeAll(async () => {
    ({ operator, curator, zhkh, people } = await deskSessions(suite, ['zhkh', 'roads']));
  });

  const submit = (page: Page) => page.getByRole('button', { name: 'Отправить', exact: true }).click();
  /** Opens an action's form; the only action of a case opens by itself, and a second click would close it. */
  const openAction = async (page: Page, name: string) => {
    const button = page.getByRole('button', { name, exact: true });
    await button.waitFor();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  };
  const triaged = { topic: 'ЖКХ', location: 'ул. Садовая, 1', category: 'ordinary' } as const;

  /** A case routed in a curator-forwarded chain: ЖКХ first, then Дороги (konyshevsky-2020 p.16). */
  async function chainCase(text: string): Promise<string> {
    const caseId = await registerCase(operator, { text });
    await triageAndRoute(curator, caseId, triaged, [people.zhkh!, people.roads!]);
    return caseId;
  }

  it('item 8 and 11: a revision opens with my returned draft, no conflict against myself, the reason above it', async () => {
    const caseId = await registerCase(operator, { text: 'У дома 12 по Садовой третий день нет горячей воды.' });
    await triageAndRoute(curator, caseId, triaged, people.zhkh!);
    const page = (await suite.signedIn('zhkh')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Отправить проект' }).click();
    await page.getByTestId('draft-text').fill('Здравствуйте! Воду дадут завтра.');
    await expect.poll(() => page.locator('.shared-status').textContent(), POLL).toBe('черновик сохранён');
    await submit(page);
    await expect.poll(() => page.locator('.success-message').count(), POLL).toBe(1);

    await command(curator, caseId, { type: 'request-revision', reason: 'Укажите точное время подачи воды' });
    await page.reload();
    await openAction(page, 'Отправить проект');
    const editor = page.getByTestId('draft-text');
    await expect.poll(() => editor.inputValue(), POLL).toBe('Здравствуйте! Воду дадут завтра.');
    // Editing the returned draft saves it: a false conflict would hold every save until the user chose a side.
    await editor.fill('Здравствуйте! Воду дадут завтра к 10:00.');
    await expect.poll(() => page.locator('.shared-status').textContent(), POLL).toBe('черновик сохранён');
    expect(await page.getByTestId('draft-conflict').count()).toBe(0);

    const reason = page.getByTestId('revision-reason');
    expect(await reason.textContent()).toContain('Укажите точное время подачи воды');
    const reasonBox = await reason.boundingBox();
    const editorBox = await editor.boundingBox();
    expect(reasonBox!.y + reasonBox!.height).toBeLessThanOrEqual(editorBox!.y);
    await screenshot(page, 'executor-revision-1440');
    const phone = (await suite.signedIn('zhkh', PHONE)).page;
    await phone.goto(`${suite.server.url}/cases/${caseId}`);
    await openAction(phone, 'Отправить проект');
    await expect.poll(() => phone.getByTestId('revision-reason').count(), POLL).toBe(1);
    await screenshot(phone, 'executor-revision-390', true);
  });

  it('item 9: in a parallel set the second department sends its part after the first, from the same version', async () => {
    const krOperator = await suite.api('kr-operator');
    const krCurator = await suite.api('kr-curator');
    const kr = await findPeople(krCurator, ['kr-zhkh', 'kr-roads']);
    const caseId = await registerCase(krOperator, { text: 'На Заводской прорвало трубу и размыло дорогу.' });
    await command(krCurator, caseId, { type: 'triage', processable: true, ...triaged });
    await command(krCurator, caseId, {
      type: 'route',
      mode: 'parallel',
      assignments: [
        { departmentId: kr['kr-zhkh']!.department.id, executorId: kr['kr-zhkh']!.person.id },
        { departmentId: kr['kr-roads']!.department.id, executorId: kr['kr-roads']!.person.id },
      ],
    });
    const pages: Page[] = [];
    for (const login of ['kr-zhkh', 'kr-roads']) {
      const page = (await suite.signedIn(login)).page;
      await page.goto(`${suite.server.url}/cases/${caseId}`);
      await page.getByRole('button', { name: 'Отправить часть ответа' }).click();
      pages.push(page);
    }
    const [housing, roads] = pages as [Page, Page];
    await housing.getByTestId('contribution-text').fill('Трубу заменят до 18:00.');
    await roads.getByTestId('contribution-text').fill('Дорогу отсыплют щебнем в среду.');
    await submit(housing);
    await expect.poll(() => housing.locator('.success-message').count(), POLL).toBe(1);
    await submit(roads);
    await expect.poll(() => roads.locator('.success-message').count(), POLL).toBe(1);
    expect(await roads.locator('.command-form .error-message').count()).toBe(0);
    await expect.poll(() => roads.getByTestId('contribution').count(), POLL).toBe(2);
  });

  it('item 10: "Мои задачи" separates my turn from waiting for others, each with the holder’s clock', async () => {
    const mineId = await registerCase(operator, { text: 'Во дворе дома 5 по Лесной не вывозят мусор.' });
    await triageAndRoute(curator, mineId, triaged, people.zhkh!);
    const approvalId = await registerCase(operator, { text: 'В подъезде дома 8 по Лесной сломан лифт.' });
    await triageAndRoute(curator, approvalId, triaged, people.zhkh!);
    await command(zhkh, approvalId, { type: 'submit-draft', kind: 'answer', text: 'Лифт починят.', attachments: [] });
    // ЖКХ is the second link of a chain Дороги → ЖКХ: not started yet.
    const laterId = await registerCase(operator, { text: 'На Лесной яма и затопило подвал дома 10.' });
    await triageAndRoute(curator, laterId, triaged, [people.roads!, people.zhkh!]);

    const page = (await suite.signedIn('zhkh')).page;
    await page.goto(`${suite.server.url}/inbox`);
    const yourTurn = page.getByTestId('your-turn');
    const waiting = page.getByTestId('waiting');
    const card = (section: typeof yourTurn, id: string) => section.locator(`li[data-case-id="${id}"]`);
    await expect.poll(() => card(yourTurn, mineId).count(), POLL).toBe(1);
    expect(await card(waiting, mineId).count()).toBe(0);
    expect(await card(yourTurn, mineId).locator('.inbox-card-title').textContent()).toContain('проект ответа');
    expect(await card(yourTurn, mineId).locator('.ok-countdown').count()).toBe(1);

    expect(await card(yourTurn, approvalId).count()).toBe(0);
    expect(await card(waiting, approvalId).getByTestId('waiting-for').textContent()).toBe('ждёт: кураторы');
    expect(await card(waiting, approvalId).locator('.inbox-card-title').textContent()).toContain('согласование');
    expect(await card(waiting, approvalId).locator('.ok-countdown').count()).toBe(1);

    expect(await card(yourTurn, laterId).count()).toBe(0);
    expect(await card(waiting, laterId).getByTestId('waiting-for').textContent()).toContain(people.roads!.short);
    expect(await card(waiting, laterId).locator('.inbox-card-title').textContent()).toContain('часть ответа');

    // The department's open cases are counted, never "no open cases" while it has some.
    const count = await page.getByTestId('department-open').textContent();
    expect(count).toMatch(/Открытых обращений подразделения «ЖКХ»: [1-9]\d*/);
    await screenshot(page, 'executor-inbox-1440');
    const phone = (await suite.signedIn('zhkh', PHONE)).page;
    await phone.goto(`${suite.server.url}/inbox`);
    await expect.poll(() => phone.getByTestId('your-turn').locator('li').count(), POLL).toBeGreaterThan(0);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(phone, 'executor-inbox-390');
  });

  it('item 12: "печатает" ends when the part is sent', async () => {
    const caseId = await chainCase('Возле дома 3 по Почтовой прорвало трубу, вода на тротуаре.');
    const writer = (await suite.signedIn('zhkh')).page;
    const watcher = (await suite.signedIn('curator')).page;
    await watcher.goto(`${suite.server.url}/cases/${caseId}`);
    await writer.goto(`${suite.server.url}/cases/${caseId}`);
    await writer.getByRole('button', { name: 'Отправить часть ответа' }).click();
    // Keep typing until the colleague sees it, then send at once (the typing mark is still on when the part goes).
    const text = writer.getByTestId('contribution-text');
    const typingSeen = async () => ((await watcher.getByTestId('presence').textContent()) ?? '').includes('печатает');
    await text.pressSequentially('Бригада выехала', { delay: 20 });
    for (let i = 0; i < 40 && !(await typingSeen()); i++) await text.pressSequentially('.', { delay: 20 });
    expect(await typingSeen()).toBe(true);
    await text.pressSequentially('!');
    await submit(writer);
    await expect.poll(() => writer.locator('.success-message').count(), POLL).toBe(1);
    // The writer still has the case open: present, no longer typing.
    await expect.poll(() => watcher.getByTestId('presence').textContent(), POLL).not.toContain('печатает');
    expect(await watcher.getByTestId('presence').textContent()).toContain(people.zhkh!.person.fullName);
  });

  it('item 12: "Готово: Направить" goes once the case moves on', async () => {
    const caseId = await registerCase(operator, { text: 'На Полевой не горят фонари уже неделю.' });
    await command(curator, caseId, { type: 'triage', processable: true, ...triaged });
    const page = (await suite.signedIn('curator')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Направить' }).click();
    await page.getByLabel('Подразделение').nth(0).selectOption({ label: people.zhkh!.department.name });
    await page.getByLabel('Исполнитель').nth(0).selectOption(people.zhkh!.person.id);
    await submit(page);
    await expect.poll(() => page.locator('.success-message').textContent(), POLL).toBe('Готово: Направить');
    await command(zhkh, caseId, { type: 'submit-draft', kind: 'answer', text: 'Фонари заменят.', attachments: [] });
    // The draft arrives live; the curator's "done" belongs to a state that is gone.
    await expect.poll(() => page.getByRole('button', { name: 'Согласовать' }).count(), POLL).toBe(1);
    expect(await page.locator('.success-message').count()).toBe(0);
  });

  it('item 12 and 13: the address is checked, the published link shown, no chain link "в работе" once closed', async () => {
    const caseId = await chainCase('У школы на Почтовой яма, и затопило подвал дома 5.');
    await command(zhkh, caseId, {
      type: 'submit-contribution',
      departmentId: people.zhkh!.department.id,
      text: 'Подвал откачают сегодня.',
      attachments: [],
    });
    await command(curator, caseId, { type: 'forward' });
    const roads = await suite.api('roads');
    await command(roads, caseId, {
      type: 'compose-answer',
      kind: 'answer',
      text: 'Подвал откачают сегодня, яму заделают в среду.',
      attachments: [],
    });
    await command(curator, caseId, { type: 'approve' });

    const page = (await suite.signedIn('roads')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await openAction(page, 'Опубликовать ответ');
    const address = page.getByLabel('Адрес публикации');
    const fieldError = page.locator('.command-form .field-error');
    await address.fill('not a url');
    await submit(page);
    await expect.poll(() => fieldError.textContent(), POLL).toContain('ссылка вида https://');
    await address.fill('https://ok.ru/group/1/topic/2');
    await submit(page);
    await expect.poll(() => fieldError.textContent(), POLL).toContain('в ту же сеть');
    await screenshot(page, 'executor-publish-error-1440');
    await address.fill('https://vk.com/wall-1_77?reply=5');
    await submit(page);

    const link = page.getByTestId('publication').locator('a');
    await expect.poll(() => link.getAttribute('href'), POLL).toBe('https://vk.com/wall-1_77?reply=5');
    const links = page.getByTestId('chain-link');
    expect(await links.allTextContents()).toEqual([
      `${people.zhkh!.department.name} — ${people.zhkh!.person.fullName} (часть готова ✓)`,
      `${people.roads!.department.name} — ${people.roads!.person.fullName} (сводный ответ составлен ✓)`,
    ]);
    await screenshot(page, 'executor-published-1440', true);
    const phone = (await suite.signedIn('roads', PHONE)).page;
    await phone.goto(`${suite.server.url}/cases/${caseId}`);
    await expect.poll(() => phone.getByTestId('publication').count(), POLL).toBe(1);
    await screenshot(phone, 'executor-published-390', true);
  }, 300_000);

  it('issue 16 item 3: the action panel offers what the domain grants, reassigning to a substitute included', async () => {
    const caseId = await registerCase(operator, { text: 'В доме 2 по Зелёной протекает крыша над квартирой 9.' });
    await triageAndRoute(curator, caseId, triaged, people.zhkh!);
    const substitute = (await findPeople(curator, ['zhkh2'])).zhkh2!;
    const page = (await suite.signedIn('curator')).page;
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await openAction(page, 'Передать замещающему');
    const form = page.getByRole('form', { name: 'Передать замещающему' });
    await form.getByLabel('Замещающий').selectOption({ label: substitute.person.fullName });
    await form.getByLabel('Причина').selectOption({ label: 'болезнь' });
    await submit(page);
    await expect
      .poll(() => page.getByTestId('chain-link').first().textContent(), POLL)
      .toContain(substitute.person.fullName);
    await screenshot(page, 'executor-reassign-1440');
  }, 300_000);
});
