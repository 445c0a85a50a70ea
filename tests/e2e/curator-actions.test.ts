// The curator's corrections of issue 10 in the browser: every clock of the case shows who holds it; the curator moves a
// misrouted case to another department and re-categorises it, each with a reason, from the keyboard; the history says
// why. The administrator marks the listed topics of the directory and names the curator's supervisor. And in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCase, triageAndRoute } from './support/api';
import { hasBrowser, screenshot } from './support/browser';
import { findPeople, type Named } from './support/people';
import { browserSuite, describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };

describeInBrowser('the curator moves and re-categorises a case; every clock shows its holder', (suite) => {
  let caseId: string;
  let people: Record<string, Named>;
  let curator: Page;

  beforeAll(async () => {
    const operator = await suite.api('operator');
    const api = await suite.api('curator');
    people = await findPeople(api, ['zhkh', 'roads']);
    caseId = await registerCase(operator, {
      text: 'На ул. Заречной у дома 8 провал асфальта, машины объезжают по тротуару.',
    });
    // Misrouted: a road question sent to ЖКХ.
    await triageAndRoute(
      api,
      caseId,
      { topic: 'Дороги', location: 'ул. Заречная, 8', category: 'ordinary' },
      people.zhkh!,
    );
    curator = (await suite.signedIn('curator')).page;
  });

  const holders = () => curator.getByTestId('clock-holder').allTextContents();

  it('shows who holds each clock: the ЖКХ executor has the draft and the case-wide answer', async () => {
    await curator.goto(`${suite.server.url}/cases/${caseId}`);
    await expect.poll(async () => (await holders()).join(' | '), POLL).toContain(people.zhkh!.short);
    const all = await holders();
    // konyshevsky-2020: the draft (p.11) and the answer (p.10, whoever has the case) are ЖКХ's now.
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const line of all) expect(line).toContain(people.zhkh!.department.name);
    expect(all.join(' ')).toContain('тот, у кого обращение сейчас');
    // How each deadline was reached, worded from the clock's rule parts: the draft's 4 h before the answer deadline
    // (p.11), then the answer's own rule (p.10).
    const rules = (await curator.locator('.clock-rule').allTextContents()).join(' | ');
    expect(rules).toContain('за 4 ч рабочего времени до срока «ответ» (п. 11)');
    expect(rules).toContain('ответ: 8 ч рабочего времени от выявления (п. 10)');
    expect(rules).not.toMatch(/ \/ |from detection/);
    await expect.poll(() => curator.getByTestId('holder-shares').textContent(), POLL).toContain('куратор');
  });

  it('moves the case to Дороги with a reason, from the keyboard', async () => {
    await curator.getByRole('button', { name: 'Передать другому подразделению' }).click();
    const form = curator.getByRole('form', { name: 'Передать другому подразделению' });
    // The current department is prefilled; the curator replaces it.
    await form.getByLabel('Подразделение').focus();
    await form.getByLabel('Подразделение').selectOption({ label: people.roads!.department.name });
    await form.getByLabel('Исполнитель').selectOption(people.roads!.person.id);
    await form.getByLabel('Причина').focus();
    await curator.keyboard.type('Провал асфальта — вопрос дорожного отдела');
    // Submitting without a reason would be refused; with it, Tab to the button and Enter.
    await curator.keyboard.press('Tab');
    await curator.keyboard.press('Enter');
    await expect.poll(() => curator.locator('.timeline-case-moved').count(), POLL).toBe(1);
    expect(await curator.locator('.timeline-case-moved').textContent()).toContain('вопрос дорожного отдела');
    await expect.poll(async () => (await holders()).join(' | '), POLL).toContain(people.roads!.short);
    expect((await holders()).join(' | ')).not.toContain(people.zhkh!.short);
  });

  it('a re-categorisation needs a reason; with one it is recorded in the history', async () => {
    await curator.getByRole('button', { name: 'Изменить классификацию' }).click();
    const form = curator.getByRole('form', { name: 'Изменить классификацию' });
    await form.getByLabel('Повышенной важности').check();
    await form.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => form.locator('.field-error').first().textContent(), POLL).toMatch(/причина обязательна/i);
    await form.getByLabel('Причина').fill('Много комментариев, возможен резонанс');
    await form.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => curator.locator('.timeline-case-recategorised').count(), POLL).toBe(1);
    expect(await curator.locator('.timeline-case-recategorised').textContent()).toContain('резонанс');
    await screenshot(curator, 'case-curator-corrections', true);
  });

  it('the same screen in English names the actions and the holders', async () => {
    const { page } = await suite.signedIn('curator');
    await page.goto(`${suite.server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Move to another department' }).count(), POLL).toBe(1);
    expect((await page.getByTestId('clock-holder').allTextContents()).join(' ')).toContain('Held by');
    const rules = (await page.locator('.clock-rule').allTextContents()).join(' | ');
    expect(rules).toContain(
      "4 working hours before the 'answer' deadline (p. 11); answer: 8 working hours from detection (p. 10)",
    );
    expect(rules).not.toMatch(/[а-яё]/i);
  });
});

describe.skipIf(!hasBrowser)(
  'the administrator: the topic directory and the supervision of curator and operator',
  () => {
    const suite = browserSuite({ page: 'admin' });

    it('adds a topic marked as listed (NAO p.16) and unmarks another', async () => {
      await suite.page.goto(`${suite.server.url}/admin/topics`);
      await suite.page.getByLabel('Название').fill('Паводок');
      await suite.page.getByLabel('В перечне тем с ответом в сокращённый срок', { exact: true }).check();
      await suite.page.getByRole('button', { name: 'Создать' }).click();
      const listed = suite.page.getByLabel('В перечне тем с ответом в сокращённый срок: Паводок');
      await expect.poll(() => listed.count(), POLL).toBe(1);
      expect(await listed.isChecked()).toBe(true);
      await listed.uncheck();
      await expect
        .poll(() => suite.page.getByLabel('В перечне тем с ответом в сокращённый срок: Паводок').isChecked(), POLL)
        .toBe(false);
      await screenshot(suite.page, 'admin-topics');
    });

    it('names who receives the notices of the curator’s breaches', async () => {
      await suite.page.goto(`${suite.server.url}/admin/supervisors`);
      const select = suite.page.getByLabel('Получает сообщения о нарушениях сроков куратором');
      // The demo names the head of the office (konyshevsky p.22); the administrator chooses the head instead.
      await expect.poll(() => select.locator('option:checked').textContent(), POLL).toContain('Управляющий делами');
      const head = await select.locator('option', { hasText: '— Глава' }).first().getAttribute('value');
      await select.selectOption(head!);
      await suite.page.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => suite.page.locator('.success-message').count(), POLL).toBe(1);
      await suite.page.reload();
      await expect
        .poll(() => suite.page.getByLabel('Получает сообщения о нарушениях сроков куратором').inputValue(), POLL)
        .toBe(head);
    });
  },
);
