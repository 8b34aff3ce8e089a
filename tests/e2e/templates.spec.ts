import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { intake } from '../fixtures/intakes';
import { createCasesInPage } from './support/page-cases';
import { CASEWORKER, MISSION, openRoute, saveSettings } from './support/setup';
import { ADMIN } from './support/sign-in';
import { TEMPLATE_IDS } from '../../shared/reference/schema';

const LETTER = 'Ходатайство представительства в территориальный орган МВД';
/** The mission letter's closing paragraph («… заранее благодарит за содействие.»), block 21 (the template gained the conditional learned-at and cause-argument blocks). */
const CLOSING_BLOCK = 'Текст блока 21';
const SAMPLE_KY_NAME = 'Төлөгөнов Чыңгыз Үмүтбекович';

const preview = (page: Page): Locator => page.getByRole('region', { name: 'Предпросмотр' });
const pageTexts = (page: Page): Locator => preview(page).locator('[data-testid^="preview-page-text-"]');

/** The text pdf.js reads from every page of the preview PDF, whitespace collapsed. */
async function previewText(page: Page): Promise<string> {
  return (await pageTexts(page).allTextContents()).join(' ').replace(/\s+/g, ' ');
}

async function expectPreviewToContain(page: Page, text: string): Promise<void> {
  await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain(text);
}

async function openLetter(page: Page): Promise<void> {
  await openRoute(page, '/settings');
  await page.getByRole('link', { name: 'Открыть шаблоны' }).click();
  await expect(page).toHaveURL(/#\/settings\/templates$/);
  await expect(page.getByRole('heading', { name: 'Шаблоны документов', level: 1 })).toBeVisible();
  // A header row and one row per factory template.
  await expect(page.getByRole('row')).toHaveCount(TEMPLATE_IDS.length + 1);
  const row = page.getByRole('row', { name: new RegExp(LETTER) });
  await expect(row).toContainText('Заводской, только чтение');
  await row.getByRole('link', { name: `Открыть шаблон «${LETTER}»` }).click();
  await expect(page.getByRole('heading', { name: LETTER, level: 1 })).toBeVisible();
}

test('copy a factory template, edit a text block with a live PDF preview, save version 2, reset to factory', async ({ app: page }) => {
  test.setTimeout(120_000);
  await saveSettings(page);
  await openLetter(page);

  // The factory template is read-only, and the preview is a real PDF made with the user's own letterhead.
  await expect(page.getByText('Заводской шаблон', { exact: true })).toBeVisible();
  await expect(page.getByLabel(CLOSING_BLOCK)).toHaveJSProperty('readOnly', true);
  await expectPreviewToContain(page, MISSION.nameRu.toUpperCase());
  await expectPreviewToContain(page, 'заранее благодарит за содействие.');
  await expectPreviewToContain(page, `Исп.: ${CASEWORKER.fullName}`);
  await expect(preview(page).getByRole('img', { name: /Страница 1 из \d/ })).toBeVisible();

  await page.getByRole('button', { name: 'Копировать для правки' }).click();
  await expect(page.getByText('Черновик на основе версии 1')).toBeVisible();
  const closing = page.getByLabel(CLOSING_BLOCK);
  await expect(closing).toBeEditable();

  // An unpaired bold marker: named at its block and field, the preview is not updated, and saving is refused.
  await closing.fill('Проверочная строка ** для {{person.fullNameKy}}.');
  const issues = page.getByRole('region', { name: 'Ошибки шаблона' });
  await expect(issues).toContainText('Блок 21 (Абзац): поле «text»: непарный маркер жирного шрифта **');
  await expect(page.getByText('Предпросмотр не обновлён: в шаблоне есть ошибки.')).toBeVisible();
  await page.getByRole('button', { name: 'Сохранить новую версию' }).click();
  await expect(page.getByText('Шаблон не сохранён: исправьте ошибки (1).')).toBeVisible();
  await expect(page.getByText('Черновик на основе версии 1')).toBeVisible();

  // A field that does not exist is refused the same way.
  await closing.fill('Проверочная строка для {{person.fullNmeKy}}.');
  await expect(issues).toContainText('Блок 21 (Абзац): поле {{person.fullNmeKy}} не существует');

  // A valid edit: the preview PDF shows it, with the sample citizen's Kyrgyz name.
  await closing.fill('Проверочная строка для {{person.fullNameKy}}.');
  await expect(issues).toHaveCount(0);
  await expectPreviewToContain(page, `Проверочная строка для ${SAMPLE_KY_NAME}.`);
  expect(await previewText(page)).not.toContain('заранее благодарит за содействие.');

  // The draft survives leaving the screen.
  await page.getByRole('link', { name: 'Все шаблоны' }).click();
  await expect(page.getByRole('row', { name: new RegExp(LETTER) })).toContainText('Есть несохранённый черновик');
  await page.getByRole('link', { name: `Открыть шаблон «${LETTER}»` }).click();
  await expect(page.getByLabel(CLOSING_BLOCK)).toHaveValue('Проверочная строка для {{person.fullNameKy}}.');

  await page.getByRole('button', { name: 'Сохранить новую версию' }).click();
  await expect(page.getByText('Сохранено: версия 2')).toBeVisible();
  await expect(page.getByText('Версия 2', { exact: true }).first()).toBeVisible();
  const history = page.getByRole('region', { name: 'История версий' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText(`Версия 2 `);
  await expect(history).toContainText(ADMIN.name);
  await expect(page.getByLabel(CLOSING_BLOCK)).toHaveValue('Проверочная строка для {{person.fullNameKy}}.');
  await expect(page.getByLabel(CLOSING_BLOCK)).toHaveJSProperty('readOnly', true);
  await expectPreviewToContain(page, `Проверочная строка для ${SAMPLE_KY_NAME}.`);

  await page.getByRole('link', { name: 'Все шаблоны' }).click();
  await expect(page.getByRole('row', { name: new RegExp(LETTER) })).toContainText('Изменён: версия 2');
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(LETTER) })).toContainText('Изменён: версия 2');
  await page.getByRole('link', { name: `Открыть шаблон «${LETTER}»` }).click();

  // Reset: the factory template is in force again, version 2 stays in the history.
  await page.getByRole('button', { name: 'Вернуть заводской…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Вернуть заводской шаблон?' });
  await expect(dialog).toContainText('Версии 2 останутся в истории');
  await dialog.getByRole('button', { name: 'Вернуть заводской' }).click();
  await expect(page.getByText('Действует заводской шаблон')).toBeVisible();
  await expect(page.getByText('Заводской шаблон', { exact: true })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Возврат к заводскому шаблону');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Версия 2');
  await expectPreviewToContain(page, 'заранее благодарит за содействие.');
  await page.getByRole('link', { name: 'Все шаблоны' }).click();
  await expect(page.getByRole('row', { name: new RegExp(LETTER) })).toContainText('Заводской, только чтение');
});

test('the templates screen is reachable from the sidebar and lists every factory template read-only', async ({ app: page }) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Шаблоны документов' }).click();
  await expect(page.getByRole('heading', { name: 'Шаблоны документов', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Шаблоны документов' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Настройки' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Заводской, только чтение')).toHaveCount(TEMPLATE_IDS.length);
});

test('the template list and the editor (with errors and a preview) pass axe', async ({ app: page }) => {
  test.setTimeout(90_000);
  await saveSettings(page);
  await openLetter(page);
  await expectPreviewToContain(page, 'заранее благодарит за содействие.');
  await expectAccessible(page, 'read-only factory template with its preview');
  await page.getByRole('button', { name: 'Копировать для правки' }).click();
  await page.getByLabel(CLOSING_BLOCK).fill('Непарный ** маркер');
  await expect(page.getByRole('region', { name: 'Ошибки шаблона' })).toBeVisible();
  await expectAccessible(page, 'editor with an error');
  await page.getByRole('link', { name: 'Все шаблоны' }).click();
  await expect(page.getByRole('row', { name: new RegExp(LETTER) })).toContainText('Есть несохранённый черновик');
  await expectAccessible(page, 'template list');
});

test('the preview can use a real case instead of the built-in sample', async ({ app: page }) => {
  test.setTimeout(90_000);
  await saveSettings(page);
  await createCasesInPage(page, [intake({ nameKy: ['Бөкөнбаева', 'Гүлзат', ''], nameRu: ['Бокенбаева', 'Гульзат', ''], nameLat: ['BOKONBAEVA', 'GULZAT', ''] })]);
  await openLetter(page);
  await expectPreviewToContain(page, SAMPLE_KY_NAME.split(' ')[0]!);
  const picker = preview(page).getByLabel('Дело для предпросмотра');
  await picker.selectOption((await picker.locator('option', { hasText: 'Бокенбаева Гульзат' }).getAttribute('value'))!);
  await expectPreviewToContain(page, 'Бокенбаева Гульзат');
  await expectPreviewToContain(page, 'Бөкөнбаева Гүлзат');
  expect(await previewText(page)).not.toContain(SAMPLE_KY_NAME.split(' ')[0]!);
  await picker.selectOption({ index: 0 });
  await expectPreviewToContain(page, SAMPLE_KY_NAME);
});
