import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { fillSettingsForm, openRoute } from './support/setup';

test('keyboard shortcuts: help with F1 and «?», search with «/», a new case with Alt+N, Ctrl+S saves the form; keys shown in tooltips', async ({ app: page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Сочетания клавиш' });
  await expect(help).toBeVisible();
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['Новое дело', 'Alt+N'],
    ['Поиск дел', '/ или Ctrl+K'],
    ['Сформировать документ', 'Ctrl+G'],
    ['Печать документа', 'Ctrl+P'],
    ['Сохранить', 'Ctrl+S'],
    ['Список сочетаний клавиш', 'F1 или ?'],
  ];
  for (const [action, keys] of rows) {
    await expect(help.getByRole('row', { name: new RegExp(`^${action}`) })).toContainText(keys);
  }
  await expectAccessible(page, 'shortcuts help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Закрыть' }).click();
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: 'Сочетания клавиш' })).toHaveAttribute('aria-keyshortcuts', 'F1');

  // «/» goes to the case search; typed inside a field it is just text.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: /Поиск/ });
  await expect(search).toBeFocused();
  await expect(search).toHaveAttribute('aria-keyshortcuts', '/ Control+K');
  await expect(search).toHaveAttribute('title', '/ или Ctrl+K');
  await page.keyboard.type('а/б');
  await expect(search).toHaveValue('а/б');

  // Ctrl+S saves the form the caret is in (settings), with the key named on the button.
  await openRoute(page, '/settings');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  const save = page.getByRole('button', { name: 'Сохранить', exact: true });
  await expect(save).toHaveAttribute('title', 'Ctrl+S');
  await fillSettingsForm(page);
  await page.keyboard.press('Control+S');
  await expect(page.getByText('Сохранено')).toBeVisible();

  // Alt+N opens a new case from anywhere; in the intake's fields «/» is text.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Новое дело', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/cases\/new$/);
  const surname = page.getByRole('group', { name: 'Имя по-кыргызски (кириллица)', exact: true }).getByLabel('Фамилия');
  await expect(surname).toBeFocused();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/cases\/new$/);
  await expect(surname).toHaveValue('/');
});

test('the text size is chosen in the settings, scales the interface and survives a reload', async ({ app: page }) => {
  await openRoute(page, '/settings');
  const size = page.getByLabel('Размер текста');
  await expect(size).toHaveValue('100');
  const heading = page.getByRole('heading', { name: 'Настройки', level: 1 });
  const before = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await size.selectOption({ label: 'Очень крупный (130 %)' });
  await expect.poll(() => heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(before * 1.3, 0);
  // A label sized in the stylesheet scales with it too (sizes are in rem).
  expect(await page.locator('.field label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(13 * 1.3, 0);
  await expectAccessible(page, 'settings at 130 % text');

  await page.reload();
  await expect(page.getByLabel('Размер текста')).toHaveValue('130');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeCloseTo(19.5, 1);
  await page.getByLabel('Размер текста').selectOption('100');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(15);
});

test('forced colours (Windows high contrast): the page renders, the current section and the shortcuts keep visible marks, axe stays clean', async ({ app: page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  await openRoute(page, '/cases');
  const current = page.getByRole('navigation').getByRole('link', { name: 'Дела', exact: true });
  await expect(current).toHaveAttribute('aria-current', 'page');
  // Background colours are repainted by the system; the current section keeps an outline.
  expect(await current.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await expectAccessible(page, 'case list in forced colours');
  await openRoute(page, '/settings');
  await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
  await expectAccessible(page, 'settings in forced colours');
  const settings = page.getByRole('navigation').getByRole('link', { name: 'Настройки', exact: true });
  expect(await settings.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.emulateMedia({ forcedColors: 'none' });
  expect(await settings.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('solid');
});
