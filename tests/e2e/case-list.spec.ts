import type { Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

const PEOPLE = [
  intake({ nameKy: ['Жумагулов', 'Бакыт', ''], nameRu: ['Джумагулов', 'Бакыт', ''], nameLat: ['ZHUMAGULOV', 'BAKYT', ''], pin: '21203199000123', series: 'AN', number: '1111111', region: 'г. Москва' }),
  intake({ nameKy: ['Үсөнов', 'Нурлан', ''], nameRu: ['Усенов', 'Нурлан', ''], nameLat: ['USONOV', 'NURLAN', ''], number: '2222222', region: 'Московская область' }),
  intake({ nameKy: ['Ыдырысов', 'Азамат', ''], nameRu: ['Ыдырысов', 'Азамат', ''], nameLat: ['YDYRYSOV', 'AZAMAT', ''], number: '3333333', region: 'г. Москва' }),
  intake({ nameKy: ['Эшимкулова', 'Айгүл', ''], nameRu: ['Эшимкулова', 'Айгуль', ''], nameLat: ['ESHIMKULOVA', 'AIGUL', ''], number: '4444444', region: 'Свердловская область' }),
  intake({ nameKy: ['Асанбек', 'Нурлан', 'уулу'], nameRu: ['Асанбек', 'Нурлан', 'уулу'], nameLat: ['ASANBEK UULU', 'NURLAN', ''], number: '5555555', region: 'г. Москва' }),
];

test.beforeEach(async ({ app: page }) => {
  await saveSettings(page);
  await createCasesInPage(page, PEOPLE);
  await openRoute(page, '/cases');
  await expect(page.getByText('Всего дел: 5')).toBeVisible();
});

const FAMILIES: [string, string[]][] = [
  ['Джумагулов Бакыт', ['Жумагулов', 'Джумагулов', 'Zhumagulov', 'Jumagulov', 'Dzhumagulov', 'JUMA']],
  ['Усенов Нурлан', ['Үсөнов', 'Усенов', 'Usonov', 'Üsönov']],
  ['Ыдырысов Азамат', ['Ыдырысов', 'Idirisov', 'Ydyrysov']],
  ['Эшимкулова Айгуль', ['Эшимкулова', 'Eshimkulova']],
  ['Асанбек Нурлан уулу', ['Асанбек уулу Нурлан', 'Нурлан Асанбек', 'Asanbek uulu']],
  ['Джумагулов Бакыт', ['21203199000123', '2 1203 1990 00123', 'AN 1111111', 'АН 111-11-11']],
];

test('search finds a person by every spelling family, ПИН and document number, as you type', async ({ app: page }) => {
  const box = page.getByLabel('Поиск');
  const grid = page.getByRole('grid');
  for (const [expected, queries] of FAMILIES) {
    for (const query of queries) {
      await box.fill(query);
      await expect(grid.getByRole('row').filter({ hasText: expected }), `${query} → ${expected}`).toHaveCount(1);
    }
  }
  await box.fill('Ыдырысов');
  // Read the number only once the search has rendered its single row, not the previous query's rows.
  const row = grid.getByRole('row').filter({ hasText: 'Ыдырысов Азамат' });
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  const number = (await row.locator('.case-row__number').textContent())!;
  await box.fill(number.toLowerCase());
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: 'Ыдырысов Азамат' })).toHaveCount(1);
  await box.fill('Усенов Нурлан');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await box.fill('Жумагулов Азамат');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
});

/** Chooses a filter value from the data by typing part of it (any case) and picking the offered value. */
async function chooseFilter(page: Page, filter: string, typed: string, value: string): Promise<void> {
  const box = page.getByRole('combobox', { name: filter });
  await box.fill(typed);
  await page.getByRole('option', { name: value, exact: true }).click();
  await expect(box).toHaveValue(value);
}

test('filters, sorting and keyboard opening of a case', async ({ app: page }) => {
  await chooseFilter(page, 'Регион', 'москва', 'г. Москва');
  await expect(page.getByText('Найдено: 3')).toBeVisible();
  await page.getByLabel('Сортировка').selectOption('sortName');
  await page.getByLabel('Порядок').selectOption('asc');
  const names = page.locator('.case-row__name a');
  await expect(names).toHaveText(['Асанбек Нурлан уулу', 'Джумагулов Бакыт', 'Ыдырысов Азамат']);
  await page.getByLabel('Статус').selectOption('checking');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await page.getByLabel('Статус').selectOption('');
  await page.getByLabel('Поиск').fill('Ыдырысов');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await expect(names).toHaveText(['Ыдырысов Азамат']);
  await page.getByLabel('Поиск').press('ArrowDown');
  await expect(page.locator('.case-row:focus')).toContainText('Ыдырысов Азамат');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/cases\/[\w-]+$/);
  await expect(page.getByRole('heading', { name: /Дело КР-М-/ })).toBeVisible();
});

test('after a reload the list reopens on its filter and sort, shows their first rows and stays live', async ({ app: page }) => {
  await chooseFilter(page, 'Регион', 'г. Моск', 'г. Москва');
  await page.getByLabel('Сортировка').selectOption('sortName');
  await page.getByLabel('Порядок').selectOption('asc');
  const names = page.locator('.case-row__name a');
  await expect(names).toHaveText(['Асанбек Нурлан уулу', 'Джумагулов Бакыт', 'Ыдырысов Азамат']);

  // The app starts on the list: its first page is read while the app starts, before the list is counted.
  await page.reload();
  await expect(names).toHaveText(['Асанбек Нурлан уулу', 'Джумагулов Бакыт', 'Ыдырысов Азамат']);
  await expect(page.getByText('Найдено: 3')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Регион' })).toHaveValue('г. Москва');

  // A case added after the start shows up in the list opened on the preloaded page.
  await createCasesInPage(page, [intake({ nameKy: ['Абдыраев', 'Эрлан', ''], nameRu: ['Абдыраев', 'Эрлан', ''], nameLat: ['ABDYRAEV', 'ERLAN', ''], number: '6666666', region: 'г. Москва' })]);
  await expect(page.getByText('Найдено: 4')).toBeVisible();
  await expect(names.first()).toHaveText('Абдыраев Эрлан');
});
