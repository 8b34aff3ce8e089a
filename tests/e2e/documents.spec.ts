import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { acknowledgeEndedEvidence } from './support/consistency';
import { createCasesInPage } from './support/page-cases';
import { installDocumentsHelper, registerManyInPage } from './support/page-documents';
import { pdfText } from './support/pdf';
import { pdfInNewTab } from './support/pdf-tab';
import { CASEWORKER, openRoute, saveSettings } from './support/setup';

const LETTER = 'Ходатайство представительства в территориальный орган МВД';
const ADDRESSEE = 'Управление по вопросам миграции ГУ МВД России по г. Москве';
const ATTACHMENTS_REQUISITE = 'перечень приложений (наименование, число листов и экземпляров)';

/** Today as the page sees it (the browser runs in Moscow time). */
function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const item = await pending;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'aryz-doc-')), 'letter.pdf');
  await item.saveAs(file);
  return { file, name: item.suggestedFilename() };
}

test('review, refuse a missing requisite, fix a value in place, generate the mission letter, find it in the register, read it back, void it', async ({ app: page }) => {
  test.setTimeout(150_000);
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Үсөнов', 'Маңызбек', 'Жумабекович'], nameRu: ['Усенов', 'Манызбек', 'Жумабекович'], nameLat: ['USONOV', 'MANGYZBEK', ''] })]);
  await openRoute(page, `/cases/${caseId}?section=documents`);
  const section = page.locator('section#documents');
  await expect(section.getByRole('heading', { name: 'Документы' })).toBeFocused();
  await expect(section.getByText('Документов по делу ещё нет.')).toBeVisible();

  // Ctrl+G opens a new document's review (the key is named on the button).
  await expect(section.getByRole('button', { name: 'Новый документ' })).toHaveAttribute('aria-keyshortcuts', 'Control+G');
  await page.keyboard.press('Control+G');
  await section.getByLabel('Шаблон').selectOption({ label: LETTER });
  // The case region's migration unit is proposed as the addressee; the next number is shown, not yet taken.
  await expect(section.getByRole('combobox', { name: 'Адресат' })).toHaveValue(/uvm-77/);
  const year = (await pageToday(page)).slice(2, 4);
  await expect(section.getByText(`Будет присвоен при формировании: КР-М-1/${year}`)).toBeVisible();

  // The letter itself is shown before a number is taken: the case's values highlighted in the text, the number
  // «присваивается при формировании», the missing attachments marked where they would print; generation is refused naming them.
  const letter = section.getByRole('article', { name: 'Документ, как он будет напечатан' });
  const fullName = letter.getByRole('button', { name: 'Усенов Манызбек Жумабекович — исправить: фамилия, имя, отчество гражданина' }).first();
  await expect(fullName).toBeVisible();
  await expect(letter.locator('mark[data-path="outgoing.number"]')).toHaveText('присваивается при формировании');
  await expect(letter).not.toContainText(`КР-М-1/${year}`);
  await expect(letter.getByRole('button', { name: `Заполнить: ${ATTACHMENTS_REQUISITE}` })).toHaveText(`не заполнено: ${ATTACHMENTS_REQUISITE}`);
  await expect(letter.locator('[data-path="addressee.block"]').first()).toContainText('Начальнику');
  await expect(letter.locator('[data-path="executor.phone"]')).toHaveText(CASEWORKER.phone);
  await expect(letter).not.toContainText('(пусто)');
  // Values are never broken inside: a value (a date, a number) is one unbreakable run.
  const date = letter.locator('[data-path="outgoing.date"]');
  expect(await date.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  // The fixture's registration and contract ended before today's letter: true warnings, acknowledged explicitly.
  await acknowledgeEndedEvidence(section);
  const generate = section.getByRole('button', { name: 'Сформировать документ' });
  await expect(generate).toBeDisabled();
  await expect(section.getByText(`Нельзя сформировать: не заполнено — ${ATTACHMENTS_REQUISITE}.`)).toBeVisible();
  await expect(generate).toHaveAccessibleDescription(`Нельзя сформировать: не заполнено — ${ATTACHMENTS_REQUISITE}.`);
  await expectAccessible(page, 'review with a missing requisite');

  // A wrong value is fixed in place — a click on it in the letter — and saved to the case (audited); the letter follows.
  await fullName.click();
  const editor = letter.getByRole('group', { name: 'Исправление: фамилия, имя, отчество гражданина' });
  await editor.getByRole('button', { name: /Отчество/ }).click();
  await editor.getByRole('textbox').fill('Жумабекович-уулу');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(letter.getByRole('button', { name: 'Усенов Манызбек Жумабекович-уулу — исправить: фамилия, имя, отчество гражданина' }).first()).toBeVisible();
  await expectAccessible(page, 'review with a field being corrected');
  await editor.getByRole('button', { name: 'Готово' }).click();
  await expect(editor).toBeHidden();

  // Fix the missing requisite: one attachment with its sheets and copies.
  await section.getByRole('button', { name: 'Добавить приложение' }).click();
  await section.getByLabel('Наименование приложения 1').fill('Копия паспорта гражданина');
  await section.getByLabel('Листов', { exact: true }).fill('2');
  await expect(section.getByText(/Нельзя сформировать/)).toHaveCount(0);
  await expect(letter.locator('[data-path="attachments[].title"]')).toHaveText('Копия паспорта гражданина');
  await expect(letter).toContainText('Копия паспорта гражданина на 2 л. в 1 экз.');
  // The preview is the real PDF with the number it is about to get, drawn page by page; nothing is registered by it.
  await section.getByRole('button', { name: 'Предпросмотр' }).click();
  await expect(section.getByRole('img', { name: /^Страница 1 из \d$/ })).toBeVisible({ timeout: 20_000 });
  await expect(section.locator('.document-preview__pages')).toContainText(`КР-М-1/${year}`);
  await expect(section.getByText('Будет присвоен при формировании: КР-М-1/' + year)).toBeVisible();
  // Ctrl+G in the review generates.
  await page.keyboard.press('Control+G');
  await expect(section.getByRole('status').filter({ hasText: `Документ сформирован: ${LETTER} КР-М-1/${year}` })).toBeVisible();
  // Ctrl+P presses the print button of the case's document.
  await expect(section.locator('[data-shortcut="print"]')).toHaveAttribute('aria-keyshortcuts', 'Control+P');
  await page.evaluate(() => document.querySelector('[data-shortcut="print"]')?.addEventListener('click', () => (document.body.dataset.printed = 'yes')));
  await page.keyboard.press('Control+P');
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  // The case list of documents shows number, date, template, addressee and status.
  const row = section.getByRole('row', { name: new RegExp(LETTER) });
  await expect(row).toContainText(`КР-М-1/${year}`);
  await expect(row).toContainText(ADDRESSEE);
  await expect(row).toContainText('Сформирован');

  // Open shows the stored PDF (in a new tab in browser mode); its text has the requisites.
  const opened = await pdfInNewTab(page, () => row.getByRole('button', { name: `Открыть: ${LETTER} КР-М-1/${year}` }).click(), path.join(mkdtempSync(path.join(tmpdir(), 'aryz-doc-')), 'letter.pdf'));
  expect(opened.url).toMatch(/\/__bridge\/view\/[0-9a-f]{24}$/);
  expect(opened.type).toBe('application/pdf');
  await expect(section.getByRole('status').filter({ hasText: 'Файл открыт.' })).toBeVisible();
  const text = pdfText(opened.file).replace(/\s+/g, ' ');
  for (const expected of [`КР-М-1/${year}`, 'Усенов Манызбек Жумабекович-уулу', 'Копия паспорта гражданина на 2 л. в 1 экз.', 'С уважением', `Исп.: ${CASEWORKER.fullName}, тел. ${CASEWORKER.phone}`, 'ПОСОЛЬСТВО КЫРГЫЗСКОЙ РЕСПУБЛИКИ']) {
    expect(text).toContain(expected);
  }
  // Save as… offers the same bytes under a name made of the title and number.
  const saved = await download(page, () => row.getByRole('button', { name: `Сохранить как…: ${LETTER} КР-М-1/${year}` }).click());
  expect(saved.name).toBe(`${LETTER} КР-М-1-${year}.pdf`);
  expect(pdfText(saved.file)).toBe(pdfText(opened.file));
  // Print shows the same file, to print from the viewer.
  const printed = await pdfInNewTab(page, () => row.getByRole('button', { name: `Печать: ${LETTER} КР-М-1/${year}` }).click(), path.join(mkdtempSync(path.join(tmpdir(), 'aryz-doc-')), 'print.pdf'));
  expect(pdfText(printed.file)).toBe(pdfText(opened.file));
  await expect(section.getByRole('status').filter({ hasText: 'Файл открыт для печати' })).toBeVisible();

  // The register lists the number with the case and the citizen.
  await openRoute(page, '/register');
  await expect(page.getByRole('heading', { name: 'Журнал исходящих' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Журнал исходящих' });
  const entry = grid.getByRole('row', { name: /Открыть дело/ });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`КР-М-1/${year}`);
  await expect(entry).toContainText(ADDRESSEE);
  await expect(entry).toContainText('Усенов Манызбек');
  await expectAccessible(page, 'register');
  await page.getByLabel('Статус').selectOption({ label: 'аннулирован' });
  await expect(page.getByText('Записей нет.')).toBeVisible();
  await page.getByLabel('Статус').selectOption({ label: 'все' });

  // Void with a reason: the number stays in the register, marked void with the reason.
  await entry.click();
  const row2 = page.locator('section#documents').getByRole('row', { name: new RegExp(LETTER) });
  await row2.getByRole('button', { name: `Аннулировать: ${LETTER} КР-М-1/${year}` }).click();
  const dialog = page.getByRole('dialog', { name: `Аннулировать документ КР-М-1/${year}` });
  await dialog.getByRole('button', { name: 'Аннулировать' }).click();
  await expect(dialog.getByText('Укажите причину.')).toBeVisible();
  await expectAccessible(page, 'void dialog');
  await dialog.getByLabel('Причина аннулирования').fill('Ошибка в адресате');
  await dialog.getByRole('button', { name: 'Аннулировать' }).click();
  await expect(dialog).toBeHidden();
  await expect(row2).toContainText('аннулирован');
  await expect(row2).toContainText('Ошибка в адресате');
  await expect(row2.getByRole('button', { name: /Открыть/ })).toHaveCount(0);
  await expectAccessible(page, 'case documents with a void document');
  // The case history tells the document's story in words, with who did it.
  const history = page.locator('section[aria-labelledby="case-section-history"]');
  await expect(history).toContainText(`Зарегистрирован документ «${LETTER}» № КР-М-1/${year}, адресат: ${ADDRESSEE}`);
  await expect(history).toContainText(/Сформирован файл документа: страниц \d+, \d+ КБ/);
  await expect(history.locator('li.history__entry', { hasText: 'Документ аннулирован' })).toContainText('Ошибка в адресате');

  await openRoute(page, '/register');
  await page.getByLabel('Статус').selectOption({ label: 'аннулирован' });
  await expect(grid.getByRole('row', { name: /Открыть дело/ })).toContainText('Ошибка в адресате');
  await expect(grid.getByRole('row', { name: /Открыть дело/ })).toContainText(`КР-М-1/${year}`);
});

test('two tabs registering at the same moment never get the same number, and no number is skipped', async ({ app: page }) => {
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake()]);
  const second = await page.context().newPage();
  await second.goto(new URL('/', page.url()).href);
  await expect(second.getByRole('navigation', { name: 'Разделы', exact: true })).toBeVisible();
  await Promise.all([installDocumentsHelper(page), installDocumentsHelper(second)]);
  const [a, b] = await Promise.all([registerManyInPage(page, caseId!, 25, '2026-03-02', 'tab A'), registerManyInPage(second, caseId!, 25, '2026-03-02', 'tab B')]);
  const numbers = [...a, ...b];
  expect(new Set(numbers).size).toBe(50);
  const seqs = numbers.map((n) => Number(/^КР-М-(\d+)\/26$/.exec(n)?.[1])).sort((x, y) => x - y);
  expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  await openRoute(page, '/register');
  await expect(page.getByText('Записей: 50')).toBeVisible();
  await second.close();
});
