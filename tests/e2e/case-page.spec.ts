import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';
import { intake } from '../fixtures/intakes';
import { createCasesInPage } from './support/page-cases';

type Name = readonly [surname: string, givenName: string, patronymic: string];
const PERSON: { ru: Name; ky: Name; lat: Name; pin: string } = {
  ru: ['Усенов', 'Бакыт', 'Асанович'],
  ky: ['Үсөнов', 'Бакыт', 'Асан уулу'],
  lat: ['USONOV', 'BAKYT', 'ASANOVICH'],
  pin: '21203199000123',
};

/** A minimal valid case, created the way a caseworker does it: through the intake form. Returns the case page's URL. */
async function createCase(page: Page): Promise<string> {
  await saveSettings(page);
  await openRoute(page, '/cases/new');
  await expect(page.getByRole('heading', { name: 'Новое дело' })).toBeVisible();
  const scripts = [
    ['Имя по-русски (как в российских документах)', PERSON.ru],
    ['Имя по-кыргызски (кириллица)', PERSON.ky],
    ['Имя латиницей (как в паспорте)', PERSON.lat],
  ] as const;
  for (const [group, [surname, givenName, patronymic]] of scripts) {
    const fieldset = page.getByRole('group', { name: group });
    await fieldset.getByLabel('Фамилия').fill(surname);
    await fieldset.getByRole('textbox', { name: 'Имя', exact: true }).fill(givenName);
    await fieldset.getByLabel('Отчество').fill(patronymic);
  }
  await page.getByLabel('Форма отчества').selectOption('patronymic');
  await page.getByRole('combobox', { name: 'Пол', exact: true }).selectOption('male');
  const birth = page.getByRole('group', { name: 'Дата рождения' });
  await birth.getByLabel('День').fill('12');
  await birth.getByLabel('Месяц').fill('03');
  await birth.getByLabel('Год').fill('1990');
  await page.getByLabel('ПИН').fill(PERSON.pin);
  await page.getByLabel('Язык общения').selectOption('ky');
  await page.getByLabel('Регион России').fill('г. Москва');
  await page.getByLabel('Когда узнал о включении в реестр').fill('15.05.2025');
  await page.getByLabel('Как узнал').selectOption('bank');
  await page.getByRole('button', { name: 'Сохранить дело' }).click();
  await expect(page.getByRole('heading', { name: /^Дело КР-М-\d{2}-00001$/ })).toBeVisible();
  expect(page.url()).toMatch(/#\/cases\/[A-Za-z0-9_-]+$/);
  return page.url();
}

const headerValue = (page: Page, label: string) => page.locator('.case-header__item').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
const history = (page: Page) => page.getByRole('region', { name: 'История дела' });

test('the header shows the person in every script, ПИН, birth date, status, region and caseworker', async ({ app: page }) => {
  await createCase(page);
  await expect(headerValue(page, 'Ф.И.О. (рус.)')).toHaveText('Усенов Бакыт Асанович');
  await expect(headerValue(page, 'Ф.И.О. (кырг.)')).toHaveText('Үсөнов Бакыт Асан уулу');
  await expect(headerValue(page, 'Ф.И.О. (лат.)')).toHaveText('USONOV BAKYT ASANOVICH');
  await expect(headerValue(page, 'ПИН')).toHaveText(PERSON.pin);
  await expect(headerValue(page, 'Дата рождения')).toHaveText('12.03.1990');
  await expect(headerValue(page, 'Статус')).toHaveText('Приём');
  await expect(headerValue(page, 'Регион')).toHaveText('г. Москва');
  await expect(headerValue(page, 'Сотрудник')).toHaveText(ADMIN.name);
  await expect(headerValue(page, 'Создано')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await expect(history(page).getByText(/^Дело создано, № КР-М-\d{2}-00001\. Статус: Приём\.$/)).toBeVisible();
  await expect(history(page).getByText(ADMIN.name)).toBeVisible();
});

test('a field edited in place is saved, survives a reload and is in the history as before → after with who did it', async ({ app: page }) => {
  await createCase(page);
  await page.getByRole('button', { name: 'Изменить: Фамилия (рус.)' }).click();
  const input = page.getByLabel('Фамилия (рус.)');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('Усенов');
  await input.fill('Усёнов');
  await input.press('Enter');
  await expect(headerValue(page, 'Ф.И.О. (рус.)')).toHaveText('Усёнов Бакыт Асанович');

  // Keyboard only: Enter on the focused value opens the editor, Escape leaves the value as it was.
  const place = page.locator('.inline-field').filter({ hasText: 'Место рождения' }).locator('.inline-field__value');
  await place.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('г. Ош');
  await page.keyboard.press('Escape');
  await expect(place).toHaveText('—');
  await page.getByRole('button', { name: 'Изменить: Место рождения' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('г. Ош');
  await page.keyboard.press('Enter');
  await expect(place).toHaveText('г. Ош');

  // A warning does not block: the value is saved and the warning is said at the field.
  await page.getByRole('button', { name: 'Изменить: Фамилия (лат.)' }).click();
  await page.getByLabel('Фамилия (лат.)').fill('USÖNOV');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('.inline-field__warning').getByText('Латинское написание: допустимы только A–Z, пробел, дефис, апостроф (лишние: Ö)')).toBeVisible();

  await page.reload();
  await expect(headerValue(page, 'Ф.И.О. (рус.)')).toHaveText('Усёнов Бакыт Асанович');
  await expect(headerValue(page, 'Ф.И.О. (лат.)')).toHaveText('USÖNOV BAKYT ASANOVICH');
  const entry = history(page).locator('.history__entry').filter({ hasText: 'Фамилия (рус.): Усенов → Усёнов' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(ADMIN.name);
  await expect(entry.locator('time')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await expect(history(page)).toContainText('Место рождения: — → г. Ош');
  // Newest first.
  await expect(history(page).locator('.history__entry').first()).toContainText('Фамилия (лат.): USONOV → USÖNOV');
});

test('a refused edit says why at the field, keeps what was typed and changes nothing', async ({ app: page }) => {
  await createCase(page);
  await page.getByRole('button', { name: 'Изменить: ПИН' }).click();
  const pin = page.getByLabel('ПИН');
  await pin.fill('2120319900012X');
  await pin.press('Enter');
  await expect(page.getByText(/ПИН — ровно 14 цифр/)).toBeVisible();
  await expect(pin).toHaveValue('2120319900012X');
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await expect(headerValue(page, 'ПИН')).toHaveText(PERSON.pin);

  // A required field emptied: the schema's message, in Russian.
  await page.getByRole('button', { name: 'Изменить: Имя (рус.)' }).click();
  await page.getByLabel('Имя (рус.)').fill('  ');
  await page.getByLabel('Имя (рус.)').press('Enter');
  await expect(page.getByText('Обязательное поле')).toBeVisible();

  await page.reload();
  await expect(headerValue(page, 'ПИН')).toHaveText(PERSON.pin);
  await expect(headerValue(page, 'Ф.И.О. (рус.)')).toHaveText('Усенов Бакыт Асанович');
  await expect(history(page).locator('.history__entry')).toHaveCount(1);
});

test('a status change shows in the header and in the history with its note', async ({ app: page }) => {
  await createCase(page);
  await page.getByLabel('Новый статус').selectOption('checking');
  await page.getByLabel('Примечание (необязательно)').fill('Проверено на сайте МВД: лицо в реестре');
  await page.getByRole('button', { name: 'Сменить статус' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Проверка');
  await expect(headerValue(page, 'Статус')).toHaveText('Проверка');
  const entry = history(page).locator('.history__entry').first();
  await expect(entry).toContainText('Статус: Приём → Проверка');
  await expect(entry).toContainText('Примечание: Проверено на сайте МВД: лицо в реестре');
  await expect(entry).toContainText(ADMIN.name);
  await page.reload();
  await expect(page.getByTestId('case-status')).toHaveText('Проверка');
});

test('documents are added and removed with confirmation; impossible dates are refused at the field', async ({ app: page }) => {
  await createCase(page);
  const documents = page.getByRole('region', { name: 'Документы, удостоверяющие личность' });
  await expect(documents.getByText('Документы не указаны.')).toBeVisible();

  await documents.getByRole('button', { name: 'Добавить документ' }).click();
  let dialog = page.getByRole('dialog', { name: 'Добавить документ' });
  await dialog.getByLabel('Вид документа').selectOption('passport_2020');
  await dialog.getByLabel('Серия').fill('AC');
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  // Nothing is written while a required field is missing; what was typed stays.
  await expect(dialog.getByText('Обязательное поле').first()).toBeVisible();
  await expect(dialog.getByLabel('Серия')).toHaveValue('AC');
  await dialog.getByLabel('Номер').fill('1234567');
  await dialog.getByLabel('Дата выдачи').fill('10.05.2021');
  await dialog.getByLabel('Кем выдан').fill('МКК 211011');
  await dialog.getByLabel('Действителен до').fill('09.05.2031');
  await dialog.getByLabel('Использован для въезда в Россию').check();
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await expect(dialog).toBeHidden();
  await expect(documents.getByRole('heading', { name: 'Документ 1: Общегражданский паспорт (2020 г.) AC 1234567' })).toBeVisible();
  await expect(headerValue(page, 'Действующий документ')).toHaveText('Общегражданский паспорт (2020 г.) AC 1234567, действителен до 09.05.2031');
  await expect(history(page).locator('.history__entry').first()).toContainText('Документ 1 — добавлено: Общегражданский паспорт (2020 г.) AC 1234567');

  // An expiry before the issue date cannot be true: refused with the finding's text, nothing changes.
  await documents.getByRole('button', { name: 'Изменить: Документ 1 — Действителен до' }).click();
  const expiry = documents.getByLabel('Действителен до');
  await expiry.fill('01.01.2020');
  await expiry.press('Enter');
  await expect(documents.getByText('Срок действия 01.01.2020 не позже даты выдачи 10.05.2021')).toBeVisible();
  await expect(expiry).toHaveValue('01.01.2020');
  await expiry.press('Escape');
  await expect(headerValue(page, 'Действующий документ')).toContainText('до 09.05.2031');

  await documents.getByRole('button', { name: 'Удалить: Документ 1' }).click();
  dialog = page.getByRole('dialog', { name: 'Удалить запись?' });
  await expect(dialog).toContainText('Удалить «Документ 1: Общегражданский паспорт (2020 г.) AC 1234567»?');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(documents.getByRole('heading', { name: /^Документ 1:/ })).toBeVisible();
  await documents.getByRole('button', { name: 'Удалить: Документ 1' }).click();
  await page.getByRole('dialog', { name: 'Удалить запись?' }).getByRole('button', { name: 'Удалить' }).click();
  await expect(documents.getByText('Документы не указаны.')).toBeVisible();
  await expect(headerValue(page, 'Действующий документ')).toHaveText('—');
  await page.reload();
  await expect(documents.getByText('Документы не указаны.')).toBeVisible();
  await expect(history(page).locator('.history__entry').first()).toContainText('Документ 1 — удалено: Общегражданский паспорт (2020 г.) AC 1234567');
});

test('without a caseworker profile the case is read-only and the page says where to fill it in', async ({ app: page }) => {
  await createCase(page);
  // The settings screen refuses to save an incomplete profile, so the state is made the only way it can
  // arise (a profile lost or never finished): the caseworker row is deleted from the page's own database.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('aryz');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete('caseworker');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByText(/Дело открыто только для просмотра/)).toBeVisible();
  await expect(headerValue(page, 'Ф.И.О. (рус.)')).toHaveText('Усенов Бакыт Асанович');
  await expect(page.getByRole('button', { name: /^Изменить/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Сменить статус' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Добавить документ' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Заполнить настройки' }).click();
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
});

test('a case that does not exist says so and links back to the list', async ({ app: page }) => {
  await openRoute(page, '/cases/no-such-case');
  await expect(page.getByRole('heading', { name: 'Дело не найдено' })).toBeVisible();
  await page.getByRole('link', { name: 'Вернуться к списку дел' }).click();
  await expect(page).toHaveURL(/#\/cases$/);
});

test('the case page has a section bar that stays in view and moves focus to the section chosen', async ({ app: page }) => {
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake()]);
  await openRoute(page, `/cases/${caseId}`);
  const bar = page.getByRole('navigation', { name: 'Разделы дела' });
  await expect(bar).toBeVisible();
  await bar.getByRole('link', { name: 'История дела' }).click();
  await expect(page.getByRole('heading', { name: 'История дела', exact: true })).toBeFocused();
  // Far down the page the bar is still on screen, and the keyboard reaches its links.
  await expect(bar).toBeInViewport();
  await bar.getByRole('link', { name: 'Документы' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Документы', exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Документы', exact: true })).toBeInViewport();
});
