import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { addCalendarDays, rollToWorkingDay, toWorkCalendar } from '../../shared/deadlines/calendar';
import { dateRu } from '../../shared/documents/russian';
import { factoryBundle } from '../unit/support/reference-fixtures';
import { acknowledgeEndedEvidence } from './support/consistency';
import { expect, test } from './support/fixtures';
import { addRequestsInPage, createCasesInPage } from './support/page-cases';
import { pdfText } from './support/pdf';
import { pdfInNewTab } from './support/pdf-tab';
import { openRoute, saveSettings } from './support/setup';

/** Issue 14: the review checks a document against its own case before it is generated. */

const NOTE = 'Вербальная нота в МИД России';
const LETTER = 'Ходатайство представительства в территориальный орган МВД';
const MEMO = 'Памятка гражданину';

/** Today as the page sees it (the browser runs in Moscow time). */
function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
}

async function openReview(page: Page, caseId: string, template: string): Promise<Locator> {
  await openRoute(page, `/cases/${caseId}?section=documents`);
  const section = page.locator('section#documents');
  await section.getByRole('button', { name: 'Новый документ' }).click();
  await section.getByLabel('Шаблон').selectOption({ label: template });
  await expect(section.getByRole('article', { name: 'Документ, как он будет напечатан' })).toBeVisible();
  return section;
}

async function addAttachment(section: Locator, title: string): Promise<void> {
  await section.getByRole('button', { name: 'Добавить приложение' }).click();
  await section.getByLabel('Наименование приложения 1').fill(title);
  await section.getByLabel('Листов', { exact: true }).fill('1');
}

test('the review refuses a note that contradicts its case, names the contradiction, and generates once the case is corrected', async ({ app: page }) => {
  test.setTimeout(150_000);
  await saveSettings(page);
  // The Kyrgyz spelling was typed in its Russian form: no letter of it is Kyrgyz-only.
  const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Усенов', 'Манызбек', 'Жумабекович'], nameRu: ['Усенов', 'Манызбек', 'Жумабекович'], nameLat: ['USONOV', 'MANGYZBEK', ''] })]);
  const section = await openReview(page, caseId!, NOTE);
  await addAttachment(section, 'Копия паспорта гражданина');

  const claim = 'Документ говорит о буквах кыргызского алфавита в имени, но в написании «Усенов Манызбек Жумабекович» их нет.';
  const checks = section.getByRole('region', { name: 'Проверка по материалам дела' });
  await expect(checks.getByRole('listitem').filter({ hasText: claim })).toContainText('Противоречие');
  // The contradiction stands beside its paragraph in the letter too.
  const letter = section.getByRole('article', { name: 'Документ, как он будет напечатан' });
  await expect(letter).toContainText(claim);
  const generate = section.getByRole('button', { name: 'Сформировать документ' });
  await expect(generate).toBeDisabled();
  await expect(generate).toHaveAccessibleDescription(`Нельзя сформировать: документ противоречит материалам дела — ${claim}`);

  // The caseworker corrects the Kyrgyz spelling in place, as the passport has it; the case is saved (audited).
  await letter.locator('[data-path="person.fullNameKy"]').first().click();
  const editor = letter.getByRole('group', { name: /^Исправление: / });
  await editor.getByRole('button', { name: /Фамилия/ }).click();
  await editor.getByRole('textbox').fill('Үсөнов');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(letter.locator('[data-path="person.fullNameKy"]').first()).toHaveText('Үсөнов Манызбек Жумабекович');
  await editor.getByRole('button', { name: 'Готово' }).click();
  await expect(checks.getByText(claim)).toHaveCount(0);
  await expect(letter).not.toContainText(claim);

  // Whatever true warnings remain are acknowledged one by one; then the note is generated.
  for (const box of await checks.getByRole('checkbox', { name: 'Принимаю: сформировать, несмотря на это предупреждение' }).all()) await box.check();
  await expect(generate).toBeEnabled();
  await generate.click();
  await expect(section.getByRole('status').filter({ hasText: `Документ сформирован: ${NOTE}` })).toBeVisible({ timeout: 20_000 });
  const row = section.getByRole('row', { name: new RegExp(NOTE) });
  const opened = await pdfInNewTab(page, () => row.getByRole('button', { name: /^Открыть: / }).click(), path.join(mkdtempSync(path.join(tmpdir(), 'aryz-note-')), 'note.pdf'));
  expect(pdfText(opened.file).replace(/\s+/g, ' ')).toContain('записаны как Үсөнов Манызбек Жумабекович, с использованием букв кыргызского алфавита');
});

test('a warning generated over is acknowledged explicitly, and the case history (the audit) keeps what it said', async ({ app: page }) => {
  test.setTimeout(150_000);
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake()]);
  const section = await openReview(page, caseId!, LETTER);
  await addAttachment(section, 'Копия паспорта гражданина');
  const generate = section.getByRole('button', { name: 'Сформировать документ' });
  await expect(generate).toBeDisabled();
  await expect(generate).toHaveAccessibleDescription('Подтвердите предупреждения проверки, чтобы сформировать документ.');

  await acknowledgeEndedEvidence(section);
  await expect(generate).toBeEnabled();
  await generate.click();
  await expect(section.getByRole('status').filter({ hasText: `Документ сформирован: ${LETTER}` })).toBeVisible({ timeout: 20_000 });

  const history = page.locator('section[aria-labelledby="case-section-history"]');
  const entry = history.locator('li.history__entry', { hasText: 'Сформирован, несмотря на предупреждения проверки (2)' });
  await expect(entry).toContainText('Документ приводит миграционный учёт с 16.01.2024 по 31.12.2024, срок которого истёк 31.12.2024, до даты документа.');
  await expect(entry).toContainText('Документ приводит договор № 15/24 от 16.01.2024, срок которого истёк 31.12.2024, до даты документа.');
});

test('the memo says plainly when nothing has been sent, then shows the answer date of the letter sent', async ({ app: page }) => {
  test.setTimeout(150_000);
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake()]);
  let section = await openReview(page, caseId!, MEMO);
  let letter = section.getByRole('article', { name: 'Документ, как он будет напечатан' });
  await expect(letter).toContainText('По Вашему заявлению письма пока не направлены.');
  await expect(letter).not.toContainText('Ориентировочный срок ответа');
  await section.getByRole('button', { name: 'Закрыть', exact: true }).click();

  // The mission's letter went out two days ago: its answer is expected after the mission's follow-up interval
  // (30 days by default), moved to the next working day.
  const today = await pageToday(page);
  const sentAt = addCalendarDays(today, -2);
  await addRequestsInPage(page, caseId!, [{ kind: 'mission_letter', addressee: 'УВМ ГУ МВД России по г. Москве', ourNumber: 'КР-М-77/26', sentAt }]);
  const due = rollToWorkingDay(toWorkCalendar(factoryBundle().calendar), addCalendarDays(sentAt, 30), 'next');
  const line = `Ориентировочный срок ответа на Письмо представительства от ${dateRu(sentAt)} № КР-М-77/26: ${dateRu(due)}.`;

  await page.reload();
  section = await openReview(page, caseId!, MEMO);
  letter = section.getByRole('article', { name: 'Документ, как он будет напечатан' });
  await expect(letter).toContainText(line);
  await expect(letter).not.toContainText('письма пока не направлены');
  // The Kyrgyz half names the letter in Kyrgyz.
  await expect(letter).toContainText(`Өкүлчүлүктүн каты (${dateRu(sentAt)}, № КР-М-77/26) боюнча жооп күтүлгөн болжолдуу мөөнөт: ${dateRu(due)}.`);
  await expect(letter).not.toContainText('азырынча эч кандай кат жөнөтүлгөн жок');
  for (const box of await section.getByRole('checkbox', { name: 'Принимаю: сформировать, несмотря на это предупреждение' }).all()) await box.check();
  await section.getByRole('button', { name: 'Сформировать документ' }).click();
  await expect(section.getByRole('status').filter({ hasText: `Документ сформирован: ${MEMO}` })).toBeVisible({ timeout: 20_000 });
  const row = section.getByRole('row', { name: new RegExp(MEMO) });
  const opened = await pdfInNewTab(page, () => row.getByRole('button', { name: /^Открыть: / }).click(), path.join(mkdtempSync(path.join(tmpdir(), 'aryz-memo-')), 'memo.pdf'));
  const text = pdfText(opened.file).replace(/\s+/g, ' ');
  expect(text).toContain(line);
  expect(text).not.toContain('письма пока не направлены');
});
