// The life of a message across four browser contexts: a curator triages and routes it to a chain of two
// departments; the first executor contributes, the second sees that contribution arrive live; the curator forwards the
// chain to the second (konyshevsky-2020 p.16), who composes the combined answer; the curator approves and the executor
// publishes (p.14: the executor publishes).
// Meanwhile a fourth context on the board sees the current step, its countdown and the responsible person change
// without a reload, and finally the case leave the board.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { registerCase } from './support/api';
import { screenshot } from './support/browser';
import { findPeople, type Named } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 250 };

describeInBrowser('a chain of two departments, live on the board', (suite) => {
  let caseId: string;
  let caseNumber: number;
  let people: Record<string, Named>;
  let board: Page;
  let curator: Page;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    const operator = await suite.api('operator');
    people = await findPeople(operator, ['zhkh', 'roads']);
    caseId = await registerCase(operator, {
      text: 'Во дворе дома 7 по улице Мира прорвало трубу, вода течёт на дорогу и замерзает.',
      author: 'Петров Пётр',
    });
    const detail = await operator.api.cases.detail.query({ caseId });
    caseNumber = detail.case.number;
    board = (await suite.signedIn('observer')).page;
    curator = (await suite.signedIn('curator')).page;
    first = (await suite.signedIn('zhkh')).page;
    second = (await suite.signedIn('roads', { width: 1280, height: 1000 })).page;
  });

  const row = () => board.locator(`tr[data-case-id="${caseId}"]`);
  const responsible = () => row().locator('[data-testid="responsible"]').textContent();
  const step = () => row().locator('.board-step').textContent();
  const submit = (page: Page) => page.getByRole('button', { name: 'Отправить', exact: true }).click();

  it('the board shows the new case waiting for triage with a running countdown', async () => {
    await board.goto(`${suite.server.url}/board?q=${encodeURIComponent(`№${caseNumber}`)}`);
    await expect.poll(step, POLL).toBe('классификация');
    expect(await responsible()).toContain('кураторы');
    // The countdown is live: its text changes from one second to the next (working time) or shows the pause.
    const countdown = row().locator('.ok-countdown');
    const paused = (await countdown.getAttribute('data-paused')) === 'true';
    const before = await countdown.locator('.ok-countdown-time').textContent();
    if (paused) expect(await countdown.textContent()).toContain('возобновится');
    else await expect.poll(() => countdown.locator('.ok-countdown-time').textContent(), POLL).not.toBe(before);
  });

  it('the curator triages and routes to ЖКХ then Дороги; the board follows without a reload', async () => {
    await curator.goto(`${suite.server.url}/cases/${caseId}`);
    await curator.getByRole('button', { name: 'Классифицировать' }).click();
    await curator.getByLabel('Тема').selectOption({ label: 'ЖКХ' });
    await curator.getByLabel('Место').fill('ул. Мира, 7');
    await curator.getByLabel('Повышенной важности').check();
    await submit(curator);
    await curator.getByRole('button', { name: 'Направить' }).click();
    await curator.getByLabel('Порядок работы').selectOption('sequential');
    await curator.getByLabel('Подразделение').nth(0).selectOption({ label: people.zhkh!.department.name });
    await curator.getByLabel('Исполнитель').nth(0).selectOption(people.zhkh!.person.id);
    await curator.getByRole('button', { name: 'Добавить подразделение' }).click();
    await curator.getByLabel('Подразделение').nth(1).selectOption({ label: people.roads!.department.name });
    await curator.getByLabel('Исполнитель').nth(1).selectOption(people.roads!.person.id);
    await submit(curator);
    await expect.poll(() => curator.locator('.chain li').count(), POLL).toBe(2);

    await expect.poll(responsible, POLL).toContain(people.zhkh!.short);
    expect(await responsible()).toContain(people.zhkh!.department.name);
    expect(await step()).toBe('часть ответа');
  });

  it('the first executor finds it in the inbox and contributes; the second sees it arrive live', async () => {
    await second.goto(`${suite.server.url}/cases/${caseId}`);
    await expect.poll(() => second.locator('[data-testid="contribution"]').count(), POLL).toBe(0);

    await first.goto(`${suite.server.url}/inbox`);
    await first.locator(`li[data-case-id="${caseId}"] a`).first().click();
    // Presence: the second executor sees who else has the case open, and that they are typing.
    await expect.poll(() => second.getByTestId('presence').textContent(), POLL).toContain(people.zhkh!.person.fullName);
    await first.getByRole('button', { name: 'Отправить часть ответа' }).click();
    await first.getByTestId('contribution-text').fill('Аварийная бригада перекрыла воду, трубу заменят до 18:00.');
    await expect.poll(() => second.getByTestId('presence').textContent(), POLL).toContain('печатает');
    await submit(first);

    await expect.poll(() => second.locator('[data-testid="contribution"]').count(), POLL).toBe(1);
    expect(await second.locator('[data-testid="contribution"]').textContent()).toContain('Аварийная бригада');
    // p.16: the part went to the curator, who now holds the case until forwarding it.
    await expect.poll(responsible, POLL).toContain('кураторы');
    expect(await second.getByRole('button', { name: 'Составить сводный ответ' }).count()).toBe(0);
    await curator.reload();
    await curator.getByRole('button', { name: 'Переслать следующему исполнителю' }).first().click();
    expect(await curator.getByTestId('forward-next').textContent()).toContain(people.roads!.department.name);
    await curator
      .getByRole('form', { name: 'Переслать следующему исполнителю' })
      .getByRole('button', { name: 'Переслать следующему исполнителю' })
      .click();
    await expect.poll(responsible, POLL).toContain(people.roads!.short);
  });

  it('the second executor composes the combined answer; the curator approves; the executor publishes', async () => {
    await second.getByRole('button', { name: 'Составить сводный ответ' }).click();
    await second
      .getByTestId('draft-text')
      .fill('Здравствуйте! Трубу уже меняют, воду перекрыли. Участок дороги посыпали песком — проезд безопасен.');
    await screenshot(second, 'case-workspace', true);
    await submit(second);
    await expect
      .poll(() => board.locator(`tr[data-case-id="${caseId}"] .board-step`).textContent(), POLL)
      .toBe('согласование');

    await curator.reload();
    await curator.getByRole('button', { name: 'Согласовать' }).first().click();
    await curator.getByRole('form', { name: 'Согласовать' }).getByRole('button', { name: 'Согласовать' }).click();
    await expect.poll(step, POLL).toBe('публикация');
    await screenshot(board, 'board-one-case');

    await second.getByRole('button', { name: 'Опубликовать ответ' }).click();
    await second.getByLabel('Адрес публикации').fill('https://vk.com/wall-1_2?reply=3');
    await submit(second);
    await expect.poll(() => row().count(), POLL).toBe(0);
    expect(await board.getByText('Нет обращений по этим фильтрам').count()).toBe(1);
  });
});
