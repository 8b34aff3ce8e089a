import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { changeStatusesInPage, chooseCauseInPage, createCasesInPage } from './support/page-cases';
import { pdfText } from './support/pdf';
import { MISSION, openRoute, saveSettings } from './support/setup';

const MSK = 'г. Москва';
const SVE = 'Свердловская область';

/**
 * Five cases with dated histories (midday UTC, the same day in Moscow), counted by hand for 01.2025–03.2025:
 *   c1 Moscow  taken in 10 Jan, excluded 31 Jan                  → Jan: opened, excluded; 21 days
 *   c2 Moscow  taken in 1 Feb, checking 5 Feb, excluded 3 Mar     → Feb: opened; Mar: excluded; 30 days; cause R-1
 *   c3 Sverdl. taken in 14 Feb, refused 20 Mar                    → Feb: opened; Mar: refused
 *   c4 Sverdl. taken in 31 Mar                                    → Mar: opened; open at the end of March
 *   c5 Moscow  taken in 20 Dec 2024, left Russia 10 Feb            → open at the start; Feb: left Russia
 * Open at month end: Jan c5 = 1; Feb c2, c3 = 2; Mar c4 = 1. Median days to exclusion (21, 30) = 25.5.
 */
async function seedFixture(page: Page): Promise<string[]> {
  await saveSettings(page);
  const noon = (date: string) => `${date}T09:00:00.000Z`;
  const people = [
    { region: MSK, at: '2025-01-10', then: [['excluded', '2025-01-31']] },
    { region: MSK, at: '2025-02-01', then: [['checking', '2025-02-05'], ['excluded', '2025-03-03']] },
    { region: SVE, at: '2025-02-14', then: [['refused', '2025-03-20']] },
    { region: SVE, at: '2025-03-31', then: [] },
    { region: MSK, at: '2024-12-20', then: [['left_russia', '2025-02-10']] },
  ] as const;
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const [id] = await createCasesInPage(page, [intake({ region: p.region, number: String(7000001 + i) })], noon(p.at));
    await changeStatusesInPage(page, id!, p.then.map(([status, date]) => ({ status, at: noon(date) })));
    ids.push(id!);
  }
  await chooseCauseInPage(page, ids[1]!, 'R-1', 'E-2');
  return ids;
}

async function openReport(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Отчёты' }).click();
  await expect(page.getByRole('heading', { name: 'Отчёты для министерства', level: 1 })).toBeVisible();
  await setMonth(page, 'Период с (месяц)', from);
  await setMonth(page, 'по (месяц)', to);
  await expectSettled(page);
}

/** The period's month picker: the month by name in the interface's language, then the year. */
async function setMonth(page: Page, label: string, month: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).selectOption(month.slice(5, 7));
  await page.getByLabel(`${label}: год`, { exact: true }).fill(month.slice(0, 4));
}

/** The report shown is the one for the current settings (not still reading or recomputing). */
async function expectSettled(page: Page): Promise<void> {
  await expect(page.locator('.reports-body')).toHaveAttribute('aria-busy', 'false');
}

async function tableRows(page: Page, id: string): Promise<string[][]> {
  const table = page.locator(`table[data-table="${id}"]`);
  await expect(table).toBeVisible();
  return table.locator('tbody tr, tfoot tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

test('the report counts match a hand count and export as PDF and XLSX', async ({ app: page }, testInfo) => {
  await seedFixture(page);
  await openReport(page, '2025-01', '2025-03');

  //                    month     opened excl refused left closed reopened open
  expect(await tableRows(page, 'months')).toEqual([
    ['01.2025', '1', '1', '0', '0', '0', '0', '1'],
    ['02.2025', '2', '0', '0', '1', '0', '0', '2'],
    ['03.2025', '1', '1', '1', '0', '0', '0', '1'],
    ['Итого', '4', '2', '1', '1', '0', '0', '1'],
  ]);
  expect(await tableRows(page, 'regions')).toEqual([
    // Equal intake: the one with more cases still open comes first.
    [SVE, '2', '0', '1', '0', '0', '0', '1', '—'],
    [MSK, '2', '2', '0', '1', '0', '0', '0', '25,5'],
    ['Итого', '4', '2', '1', '1', '0', '0', '1', '25,5'],
  ]);
  const causes = await tableRows(page, 'causes');
  expect(causes[0]).toEqual(['Не диагностировано', '3', '1', '1', '1', '0', '0', '1', '21']);
  expect(causes[1]![0]).toMatch(/^R-1/);
  expect(causes[1]!.slice(1)).toEqual(['1', '1', '0', '0', '0', '0', '0', '30']);
  expect(await tableRows(page, 'missions')).toEqual([
    [MISSION.nameRu, '4', '2', '1', '1', '0', '0', '1', '25,5'],
    ['Итого', '4', '2', '1', '1', '0', '0', '1', '25,5'],
  ]);
  expect(await tableRows(page, 'days')).toEqual([
    ['Исключено дел', '2'],
    ['Минимум', '21'],
    ['Нижний квартиль', '23,3'],
    ['Медиана', '25,5'],
    ['Верхний квартиль', '27,8'],
    ['Максимум', '30'],
  ]);
  const summary = page.locator('.reports-summary');
  await expect(summary.getByText('Открыто на начало периода')).toBeVisible();
  await expect(summary.locator('div', { hasText: 'Открыто на начало периода' }).locator('dd')).toHaveText('1');
  await expect(summary.locator('div', { hasText: 'Учтено дел' }).locator('dd')).toHaveText('5');
  await expect(page.getByRole('img', { name: /Столбчатая диаграмма/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /линия — открытые дела/ })).toBeVisible();

  await expectAccessible(page, 'reports with charts and tables');

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сформировать PDF' }).click();
  const pdfFile = testInfo.outputPath('report.pdf');
  await (await pdfDownload).saveAs(pdfFile);
  await expect(page.getByText(/Файл сохранён: .*\.pdf/)).toBeVisible();
  const text = pdfText(pdfFile);
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(MISSION.nameRu);
  expect(flat).toContain('01.2025 – 03.2025');
  expect(text).toMatch(/02\.2025\s+2\s+0\s+0\s+1\s+0\s+0\s+2/);
  expect(text).toMatch(/Итого\s+4\s+2\s+1\s+1\s+0\s+0\s+1/);
  expect(text).toMatch(/Свердловская область\s+2\s+0\s+1\s+0\s+0\s+0\s+1\s+—/);
  expect(text).toMatch(/Медиана\s+25,5/);
  expect(flat).toMatch(/\b1\s*\/\s*\d+\b/);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Выгрузить в Excel' }).click();
  const xlsxFile = testInfo.outputPath('report.xlsx');
  await (await xlsxDownload).saveAs(xlsxFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxFile);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['По месяцам', 'По регионам', 'По причинам ошибки', 'По представительствам', 'По сотрудникам', 'Дни от приёма до исключения']);
  expect(workbook.worksheets[0]!.getRow(4).values).toEqual([undefined, '03.2025', 1, 1, 1, 0, 0, 0, 1]);
});

test('filters and the period change the counts; a reversed period is refused', async ({ app: page }) => {
  await seedFixture(page);
  await openReport(page, '2025-01', '2025-03');
  await page.getByLabel('Регион', { exact: true }).selectOption(SVE);
  await expectSettled(page);
  expect(await tableRows(page, 'months')).toEqual([
    ['01.2025', '0', '0', '0', '0', '0', '0', '0'],
    ['02.2025', '1', '0', '0', '0', '0', '0', '1'],
    ['03.2025', '1', '0', '1', '0', '0', '0', '1'],
    ['Итого', '2', '0', '1', '0', '0', '0', '1'],
  ]);
  await page.getByLabel('Регион', { exact: true }).selectOption('');
  // February alone: c1's exclusion is before it, c5 and c1 are not open at its start (c5 is: taken in in December).
  await setMonth(page, 'Период с (месяц)', '2025-02');
  await setMonth(page, 'по (месяц)', '2025-02');
  // Months are named in the interface's language, whatever the system locale («January 2026» before).
  await expect(page.getByLabel('Период с (месяц)', { exact: true }).locator('option:checked')).toHaveText('Февраль');
  await expectSettled(page);
  expect(await tableRows(page, 'months')).toEqual([
    ['02.2025', '2', '0', '0', '1', '0', '0', '2'],
    ['Итого', '2', '0', '0', '1', '0', '0', '2'],
  ]);
  await expect(page.locator('.reports-summary div', { hasText: 'Открыто на начало периода' }).locator('dd')).toHaveText('1');

  await setMonth(page, 'Период с (месяц)', '2025-04');
  await expect(page.getByRole('alert')).toHaveText('Начало периода позже его конца.');
  await expect(page.locator('table[data-table="months"]')).toHaveCount(0);
});

test('coming back to the screen shows what changed meanwhile', async ({ app: page }) => {
  const ids = await seedFixture(page);
  await openRoute(page, '/reports');
  await expectSettled(page);
  const before = await tableRows(page, 'months');
  // The default last 12 months: nothing moved then, and c4 (taken in 31.03.2025) is still open.
  expect(before.at(-1)).toEqual(['Итого', '0', '0', '0', '0', '0', '0', '1']);
  await openRoute(page, '/cases');
  await changeStatusesInPage(page, ids[3]!, [{ status: 'excluded', at: new Date().toISOString() }]);
  await openRoute(page, '/reports');
  await expectSettled(page);
  const after = await tableRows(page, 'months');
  expect(after.at(-2)!.slice(1)).toEqual(['0', '1', '0', '0', '0', '0', '0']); // this month: c4 excluded, nothing open
  expect(after.at(-1)).toEqual(['Итого', '0', '1', '0', '0', '0', '0', '0']);
});

test('an empty database shows the default twelve months with nothing counted', async ({ app: page }) => {
  await saveSettings(page);
  await openRoute(page, '/reports');
  await expectSettled(page);
  const rows = await tableRows(page, 'months');
  expect(rows).toHaveLength(13);
  expect(rows.at(-1)).toEqual(['Итого', '0', '0', '0', '0', '0', '0', '0']);
  await expect(page.getByText('За этот период дел нет.')).toBeVisible();
});
