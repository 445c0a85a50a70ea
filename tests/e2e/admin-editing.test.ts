// Administration after creation: the wall's place directory, a person, a department and an absence are edited in the
// browser and the change is seen in the list and through the API; focus lands where the keyboard user goes next
// (the cleared form's first field, the edited row's button, the first invalid field); a custom profile takes a
// decimal comma and names a bad value in Russian.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { TestSession } from '../support/typed-client';
import { findPeople } from './support/people';
import { describeInBrowser } from './support/suite';

const POLL = { timeout: 20_000, interval: 200 };

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

describeInBrowser('administration: editing after creation', { page: 'admin' }, (suite) => {
  let admin: TestSession;

  beforeAll(async () => {
    admin = await suite.api('admin');
  });

  it('adds a place to the wall directory from the admin menu, edits it and sees it; focus follows the form', async () => {
    await suite.page.goto(`${suite.server.url}/admin`);
    await suite.page
      .getByRole('navigation', { name: 'Администрирование' })
      .getByRole('link', { name: 'Места для табло' })
      .click();
    await suite.page.waitForURL(/\/admin\/places$/);
    const name = suite.page.getByLabel('Название', { exact: true });
    await name.fill('Кулигино');
    await suite.page.getByLabel('Вид', { exact: true }).selectOption({ label: 'населённый пункт' });
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => suite.page.getByRole('cell', { name: 'Кулигино', exact: true }).count(), POLL).toBe(1);
    // The create form is cleared and the cursor is back in its first field, ready for the next place.
    await expect.poll(() => isFocused(name), POLL).toBe(true);
    expect(await name.inputValue()).toBe('');

    // A refused save: the same name again is a conflict named next to the field, which takes the focus.
    await name.fill('Кулигино');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await suite.page.locator('.admin-form .field-error').first().textContent()).toMatch(
      /Место «Кулигино» уже есть/,
    );
    await expect.poll(() => isFocused(name), POLL).toBe(true);

    // Editing: the row's button fills the form and puts the cursor into it.
    await suite.page.getByRole('button', { name: 'Изменить: Кулигино' }).click();
    expect(await isFocused(name)).toBe(true);
    expect(await name.inputValue()).toBe('Кулигино');
    await suite.page.getByLabel('Вид', { exact: true }).selectOption({ label: 'район' });
    // Saved from the keyboard: Enter in the name field.
    await name.fill('Верхние Кулиги');
    await name.press('Enter');
    const row = suite.page.getByRole('row', { name: /Верхние Кулиги/ });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('район');
    expect(await suite.page.getByRole('cell', { name: 'Кулигино', exact: true }).count()).toBe(0);
    // Back on the edited row's button, and the form is the create form again.
    await expect.poll(() => focusedLabel(suite.page), POLL).toBe('Изменить: Верхние Кулиги');
    expect(await suite.page.getByRole('button', { name: 'Создать' }).count()).toBe(1);

    const places = await admin.api.directory.places.query();
    expect(places.map((p) => [p.name, p.kind])).toContainEqual(['Верхние Кулиги', 'district']);
  });

  it('edits a person: full name, roles, department and whether they may sign in', async () => {
    await suite.page.goto(`${suite.server.url}/admin/people`);
    await suite.page.getByRole('button', { name: 'Изменить: Орлова Светлана Юрьевна' }).click();
    const form = suite.page.getByRole('form', { name: /Изменение сотрудника: Орлова Светлана Юрьевна/ });
    const fullName = form.getByLabel('ФИО');
    expect(await isFocused(fullName)).toBe(true);

    // No role left: refused with the server's Russian message, the first role box focused.
    for (const role of ['исполнитель']) await form.getByLabel(role, { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => form.locator('.field-error').first().textContent(), POLL).toMatch(/хотя бы одну роль/);
    await expect.poll(() => isFocused(form.getByLabel('оператор', { exact: true })), POLL).toBe(true);

    await fullName.fill('Орлова-Петрова Светлана Юрьевна');
    await form.getByLabel('исполнитель', { exact: true }).check();
    await form.getByLabel('куратор', { exact: true }).check();
    await form.getByLabel('Подразделение').selectOption({ label: 'Дороги и транспорт' });
    await form.getByLabel('Активен', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Сохранить' }).click();

    const row = suite.page.getByRole('row', { name: /Орлова-Петрова Светлана Юрьевна/ });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('исполнитель, куратор');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Дороги и транспорт');
    expect(await row.getByLabel('Активен: Орлова-Петрова Светлана Юрьевна').isChecked()).toBe(false);
    expect(await form.count()).toBe(0);
    await expect.poll(() => focusedLabel(suite.page), POLL).toBe('Изменить: Орлова-Петрова Светлана Юрьевна');

    const people = await admin.api.directory.people.query();
    const person = people.find((p) => p.login === 'zhkh2');
    expect(person?.fullName).toBe('Орлова-Петрова Светлана Юрьевна');
    expect([...(person?.roles ?? [])].sort()).toEqual(['curator', 'executor']);
    expect(person?.active).toBe(false);
  });

  it("edits a department's name and supervising deputy", async () => {
    await suite.page.goto(`${suite.server.url}/admin/departments`);
    await suite.page.getByRole('button', { name: 'Изменить: Культура' }).click();
    const name = suite.page.getByLabel('Название', { exact: true });
    expect(await isFocused(name)).toBe(true);
    await name.fill('Культура и спорт');
    await suite.page.getByLabel('Курирующий заместитель').selectOption({ label: 'Григорьев Виктор Михайлович' });
    await suite.page.getByRole('button', { name: 'Сохранить' }).click();
    const row = suite.page.getByRole('row', { name: /Культура и спорт/ });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Григорьев Виктор Михайлович');
    expect(await suite.page.getByRole('cell', { name: 'Культура', exact: true }).count()).toBe(0);
    await expect.poll(() => focusedLabel(suite.page), POLL).toBe('Изменить: Культура и спорт');
  });

  it("edits an absence's dates and substitute", async () => {
    const who = await findPeople(admin, ['zhkh', 'zhkh2', 'roads2']);
    const zhkh = who.zhkh!.person;
    // 1–5 December 2026 in Moscow (UTC+3): from 00:00 on the 1st to 23:59 on the 5th.
    await admin.api.directory.createAbsence.mutate({
      personId: zhkh.id,
      substituteId: who.zhkh2!.person.id,
      reason: 'leave',
      startsAt: Date.parse('2026-11-30T21:00:00Z'),
      endsAt: Date.parse('2026-12-05T20:59:00Z'),
    });
    await suite.page.goto(`${suite.server.url}/admin/absences`);
    const edit = suite.page.getByRole('button', { name: `Изменить: ${zhkh.fullName}, 01.12.2026, 00:00` });
    await edit.click();
    expect(await suite.page.getByLabel('С', { exact: true }).inputValue()).toBe('2026-12-01');
    expect(await suite.page.getByLabel('По', { exact: true }).inputValue()).toBe('2026-12-05');
    await suite.page.getByLabel('С', { exact: true }).fill('2026-12-07');
    await suite.page.getByLabel('По', { exact: true }).fill('2026-12-11');
    await suite.page.getByLabel('Замещающий').selectOption({ label: who.roads2!.person.fullName });
    await suite.page.getByRole('button', { name: 'Сохранить' }).click();
    const row = suite.page.getByRole('row', { name: new RegExp(zhkh.fullName) });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent(), POLL).toBe('07.12.2026, 00:00');
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(who.roads2!.person.fullName);
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('11.12.2026, 23:59');
    await expect.poll(() => focusedLabel(suite.page), POLL).toBe(`Изменить: ${zhkh.fullName}, 07.12.2026, 00:00`);

    const absences = await admin.api.directory.absences.query();
    const saved = absences.filter((a) => a.personId === zhkh.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.substituteId).toBe(who.roads2!.person.id);
    // 7 December 00:00 and 11 December 23:59 Moscow time.
    expect(new Date(saved[0]!.startsAt).getTime()).toBe(Date.parse('2026-12-06T21:00:00Z'));
    expect(new Date(saved[0]!.endsAt).getTime()).toBe(Date.parse('2026-12-11T20:59:00Z'));
  });

  it('a custom profile takes a decimal comma and names a bad value in Russian', async () => {
    await suite.page.goto(`${suite.server.url}/admin/profiles`);
    await suite.page.getByRole('button', { name: /Конышевский/ }).click();
    await suite.page.getByRole('button', { name: /Создать на основе/ }).click();
    await suite.page.getByLabel('Идентификатор (латиница, цифры, дефис)').fill('konyshevsky-comma');
    const share = suite.page.getByLabel('Доля времени, после которой срок «под угрозой»');
    await share.fill('половина');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => share.getAttribute('aria-invalid'), POLL).toBe('true');
    const message = await suite.page.locator('.profile-editor .field-error').first().textContent();
    expect(message).toMatch(/[А-Яа-яЁё]/);
    expect(message).not.toMatch(/expected|invalid|number/i);
    await expect.poll(() => isFocused(share), POLL).toBe(true);

    await share.fill('0,6');
    await suite.page.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => suite.page.locator('.profile-list li', { hasText: 'свой' }).count(), POLL).toBe(1);
    await expect.poll(() => suite.page.locator('.profile-view').textContent(), POLL).toMatch(/угрозой»: 0,6/);
    const saved = await admin.api.profiles.get.query({ id: 'konyshevsky-comma' });
    expect(saved.atRiskShare).toBe(0.6);
  });
});
