import type { Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';

const LONG_REGION = 'Ханты-Мансийский автономный округ — Югра';

function people() {
  const withPhone = intake({
    nameKy: ['Жумагулов', 'Бакыт', ''],
    nameRu: ['Джумагулов', 'Бакыт', ''],
    nameLat: ['ZHUMAGULOV', 'BAKYT', ''],
    number: '1111111',
    region: 'г. Москва',
    birth: { year: 1990, month: 3, day: 15 },
  });
  withPhone.person.phones = ['+7 (916) 123-45-67'];
  return [
    withPhone,
    intake({ nameKy: ['Үсөнов', 'Нурлан', ''], nameRu: ['Усенов', 'Нурлан', ''], nameLat: ['USONOV', 'NURLAN', ''], number: '2222222', region: 'Московская область', birth: { year: 1985, month: 7, day: 1 } }),
    intake({ nameKy: ['Ылйасов', 'Йусуп', ''], nameRu: ['Ылйасов', 'Йусуп', ''], nameLat: ['', '', ''], number: '3333333', region: LONG_REGION, birth: { year: 1992, month: 1, day: 20 } }),
    intake({ nameKy: ['Васильев', 'Марьям', ''], nameRu: ['Васильев', 'Марьям', ''], nameLat: ['', '', ''], number: '4444444', region: 'г. Москва', birth: { year: 1988, month: 11, day: 5 } }),
  ];
}

test.beforeEach(async ({ app: page }) => {
  await saveSettings(page);
  await createCasesInPage(page, people());
  await openRoute(page, '/cases');
  await expect(page.getByText('Всего дел: 4')).toBeVisible();
});

const rows = (page: Page) => page.getByRole('grid').getByRole('row').filter({ has: page.locator('.case-row__name') });

test('region and caseworker filters are chosen from the data by partial text in any case', async ({ app: page }) => {
  const region = page.getByRole('combobox', { name: 'Регион' });
  await region.fill('москва');
  // «москва» is in «г. Москва» only; the list offers what the cases hold, not every region of Russia.
  const offered = (filter: string) => page.getByRole('listbox', { name: filter }).getByRole('option');
  await expect(offered('Регион')).toHaveText(['г. Москва']);
  await expect(region).toHaveAttribute('aria-expanded', 'true');
  await region.press('ArrowDown');
  await expect(region).toHaveAttribute('aria-activedescendant', /.+/);
  await region.press('Enter');
  await expect(region).toHaveValue('г. Москва');
  await expect(page.getByText('Найдено: 2')).toBeVisible();

  // Text naming no value is not kept as a filter: leaving the field restores the chosen value.
  await region.fill('Тверь');
  await expect(offered('Регион')).toHaveText(['Нет такого значения']);
  await page.getByLabel('Поиск').focus();
  await expect(region).toHaveValue('г. Москва');
  await expect(page.getByText('Найдено: 2')).toBeVisible();

  // Emptying the field clears the filter.
  await region.fill('');
  await region.press('Enter');
  await expect(page.getByText('Всего дел: 4')).toBeVisible();

  const caseworker = page.getByRole('combobox', { name: 'Сотрудник' });
  await caseworker.fill('ТОКТОГУЛ');
  await expect(offered('Сотрудник')).toHaveCount(1);
  const name = (await offered('Сотрудник').textContent())!;
  expect(name).toMatch(/^Токтогулов/);
  await offered('Сотрудник').click();
  await expect(caseworker).toHaveValue(name);
  await expect(page.getByText('Найдено: 4')).toBeVisible();
});

test('a long region name stays inside its row: one line, an ellipsis, the whole name in its title', async ({ app: page }) => {
  const cell = page.getByRole('gridcell', { name: LONG_REGION });
  await expect(cell).toHaveAttribute('title', LONG_REGION);
  const boxes = await rows(page).evaluateAll((elements) =>
    elements.map((row) => {
      const box = row.getBoundingClientRect();
      const cells = [...row.querySelectorAll('[role="gridcell"]')].map((c) => c.getBoundingClientRect());
      return { top: box.top, bottom: box.bottom, inside: cells.every((c) => c.top >= box.top - 0.5 && c.bottom <= box.bottom + 0.5) };
    }),
  );
  expect(boxes).toHaveLength(4);
  for (const box of boxes) expect(box.inside).toBe(true);
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom - 0.5);
  expect(await cell.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
});

test('nonsense finds nothing; a query word must start a word of the case', async ({ app: page }) => {
  const box = page.getByLabel('Поиск');
  for (const nonsense of ['ЖЖЖЖ', 'ааааааааа', 'гулов']) {
    await box.fill(nonsense);
    await expect(page.getByText('Ничего не найдено'), nonsense).toBeVisible();
  }
  await box.fill('Жума');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
});

test('search by birth date and by phone, however typed', async ({ app: page }) => {
  const box = page.getByLabel('Поиск');
  for (const query of ['15.03.1990', '03.1990', '8 (916) 123 45 67', '+7 916 123-45-67', '916 1234567', 'Жумагулов 15.03.1990']) {
    await box.fill(query);
    await expect(page.getByText('Найдено: 1'), query).toBeVisible();
    await expect(rows(page).filter({ hasText: 'Джумагулов Бакыт' }), query).toHaveCount(1);
  }
  await box.fill('1990');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await box.fill('16.03.1990');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
});

test('when nothing matches, a suggestion from the cases’ own names finds the case', async ({ app: page }) => {
  const box = page.getByLabel('Поиск');
  await box.fill('Жумагулв');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  const suggestion = page.getByRole('button', { name: 'Джумагулов' });
  await expect(page.getByText('Возможно, вы имели в виду:')).toBeVisible();
  await suggestion.click();
  await expect(box).toHaveValue('Джумагулов');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  // Nonsense gets no suggestion.
  await box.fill('ЖЖЖЖ');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await expect(page.getByText('Возможно, вы имели в виду:')).toHaveCount(0);
});

test('the glide spellings find each other both ways: й-sequences, iotated vowels and the soft sign', async ({ app: page }) => {
  const box = page.getByLabel('Поиск');
  const cases: [string, string][] = [
    // Russian spellings typed, Kyrgyz indexed …
    ['Ильясов Юсуп', 'Ылйасов Йусуп'],
    ['Ilyasov', 'Ылйасов Йусуп'],
    // … and Kyrgyz spellings typed, Russian indexed.
    ['Василйев Марйам', 'Васильев Марьям'],
    ['Vasilyev', 'Васильев Марьям'],
  ];
  for (const [typed, found] of cases) {
    await box.fill(typed);
    await expect(page.getByText('Найдено: 1'), typed).toBeVisible();
    await expect(rows(page).filter({ hasText: found }), typed).toHaveCount(1);
  }
});

/** Fills what intake cannot save without, with the Russian name and birth date given. */
async function fillIntake(page: Page, ru: readonly [string, string], birth: readonly [string, string, string]): Promise<void> {
  const ruGroup = page.getByRole('group', { name: 'Имя по-русски (как в российских документах)', exact: true });
  await ruGroup.getByLabel('Фамилия').fill(ru[0]);
  await ruGroup.getByRole('textbox', { name: 'Имя', exact: true }).fill(ru[1]);
  await page.getByLabel('Форма отчества').selectOption({ label: 'Без отчества' });
  await page.getByRole('combobox', { name: 'Пол', exact: true }).selectOption('male');
  const birthGroup = page.getByRole('group', { name: 'Дата рождения', exact: true });
  await birthGroup.getByLabel('День').fill(birth[0]);
  await birthGroup.getByLabel('Месяц').fill(birth[1]);
  await birthGroup.getByLabel('Год').fill(birth[2]);
  await page.getByLabel('Язык общения').selectOption({ label: 'Кыргызский' });
  await page.getByLabel('Регион России').fill('г. Москва');
  await page.getByLabel('Когда узнал о включении в реестр').fill('15.05.2025');
  await page.getByRole('combobox', { name: 'Как узнал', exact: true }).selectOption({ label: 'Банк' });
}

test('intake takes the other spelling of the glide class for the same person, both ways', async ({ app: page }) => {
  const dialog = page.getByRole('dialog', { name: 'Возможно, этот человек уже есть в базе' });
  // Kyrgyz «Ылйасов Йусуп» is on file; the Russian spelling is typed — and Russian «Васильев Марьям» on
  // file, the Kyrgyz spelling typed.
  for (const [ru, birth] of [
    [['Ильясов', 'Юсуп'], ['20', '01', '1992']],
    [['Василйев', 'Марйам'], ['05', '11', '1988']],
  ] as const) {
    await openRoute(page, '/cases/new');
    await expect(page.getByRole('heading', { name: 'Новое дело', level: 1 })).toBeVisible();
    await fillIntake(page, ru, birth);
    await page.getByRole('button', { name: 'Сохранить дело' }).click();
    await expect(dialog, ru.join(' ')).toBeVisible();
    await expect(dialog.getByText(`то же Ф.И.О. и дата рождения ${birth.join('.')}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Вернуться к анкете' }).click();
    await expect(dialog).toBeHidden();
  }
});

test('a lock drops the search index; after the unlock the search and the sort by name answer from the one built again', async ({ app: page }) => {
  test.setTimeout(90_000);
  const box = page.getByLabel('Поиск');
  await box.fill('Усенов');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Программа заблокирована' })).toBeVisible();
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(page.getByRole('heading', { name: 'Программа заблокирована' })).toBeHidden();
  await box.fill('Васильев');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
  await expect(rows(page).filter({ hasText: 'Васильев Марьям' })).toHaveCount(1);
  await box.fill('');
  await page.getByLabel('Сортировка').selectOption('sortName');
  await page.getByLabel('Порядок').selectOption('asc');
  const names = rows(page).locator('.case-row__name a');
  await expect(names).toHaveText(['Васильев Марьям', 'Джумагулов Бакыт', 'Усенов Нурлан', 'Ылйасов Йусуп']);
  await page.getByLabel('Порядок').selectOption('desc');
  await expect(names).toHaveText(['Ылйасов Йусуп', 'Усенов Нурлан', 'Джумагулов Бакыт', 'Васильев Марьям']);
});
