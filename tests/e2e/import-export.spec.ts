import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { intake } from '../fixtures/intakes';
import { cp1251 } from '../unit/support/import-fixtures';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

/** Rows of a store of the app's database, read straight from IndexedDB (outside the page's CSP). */
async function storeRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('aryz');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

// A list as a Russian office sends it: Windows-1251, `;`, a blank line, dates in several spellings.
const CSV = [
  'ФИО;Дата рождения;Пол;ПИН;Паспорт;Дата выдачи;Срок действия;Телефон;Регион',
  'Сыдыков Эрлан Маратович;12.03.1990;м;;AC 7000001;01.02.2020;01.02.2030;+7 900 111-22-33;г. Москва',
  'Бекова Айжан Талантовна;3 мая 1992 г.;ж;;AC 7000002;2021-05-05;2031-05-05;;Московская область',
  'Орозов Нурбек;30.02.1985;м;;;;;;г. Москва',
  '',
  'Жээнбеков Алмаз;01.01.1988;x;;;;;;г. Москва',
  ';15.07.1991;м;;;;;;г. Москва',
  'Токтосунов Азамат;1.7.95;м;;;;;;Свердловская область',
  'Джумагулов Бакыт;12.03.1990;м;;;;;;г. Москва',
].join('\r\n');

// Each test builds cases, parses a file and reads files back: generous on a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });

test('an import with bad rows lists every one of them, writes nothing until confirmed, then one audit entry', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  // Already in the database: row 9 of the file (the blank line 5 counts, as in Excel) is this person (same name and date of birth).
  await createCasesInPage(page, [intake({ nameRu: ['Джумагулов', 'Бакыт', ''], birth: { year: 1990, month: 3, day: 12 }, number: '1111111' })]);
  const file = testInfo.outputPath('список.csv');
  writeFileSync(file, cp1251(CSV));

  await openRoute(page, '/import');
  await expect(page.getByRole('heading', { name: 'Импорт списка граждан' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Выбрать файл…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText('список.csv: строк с данными — 7')).toBeVisible();
  await expect(page.getByText('CSV, кодировка WINDOWS-1251, разделитель «;»')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Поле: ФИО' })).toHaveValue('fullNameRu');
  await expect(page.getByRole('combobox', { name: 'Поле: Дата рождения' })).toHaveValue('birthDate');
  await expect(page.getByRole('combobox', { name: 'Поле: Паспорт' })).toHaveValue('document');
  await expectAccessible(page, 'import: column mapping');

  await page.getByRole('button', { name: 'Проверить (ничего не записывается)' }).click();
  await expect(page.getByText('Строк: 7. Готовы к импорту: 4. С ошибками: 3.')).toBeVisible();
  const rowOf = (n: number) => page.locator(`tr[data-row="${n}"]`);
  await expect(rowOf(4)).toContainText('Дата рождения: «30.02.1985» — такой даты нет');
  await expect(rowOf(6)).toContainText('Пол: «x» — укажите «м» или «ж»');
  await expect(rowOf(7)).toContainText('Фамилия (рус.): Обязательное поле');
  await expect(rowOf(9)).toContainText('Похоже на дело КР-М-26-00001');
  for (const n of [4, 6, 7]) await expect(rowOf(n).getByRole('checkbox')).toBeDisabled();
  await expect(rowOf(9).getByRole('checkbox')).not.toBeChecked();
  expect(await storeRows(page, 'cases')).toHaveLength(1);
  // The dry run wrote nothing: the audit holds the case's creation (and the session's sign-in) only.
  expect((await storeRows<{ entity: string }>(page, 'audit')).filter((a) => a.entity !== 'session')).toHaveLength(1);
  await expectAccessible(page, 'import: dry run');

  await page.getByRole('button', { name: 'Подтвердить и импортировать (3)' }).click();
  await expect(page.getByRole('heading', { name: 'Импорт завершён' })).toBeVisible();
  await expect(page.getByText('Создано дел: 3 (КР-М-26-00002 — КР-М-26-00004). Пропущено строк: 4.')).toBeVisible();
  await expect(page.getByText('Строка 4: ошибки в данных')).toBeVisible();
  await expect(page.getByText('Строка 9: исключена вами')).toBeVisible();
  await expectAccessible(page, 'import: done');

  // Names are sealed at rest: the stored rows are counted here, their names read back through the list below.
  expect(await storeRows(page, 'cases')).toHaveLength(4);
  const audit = await storeRows<{ entity: string; changes: { field: string; after: { number: string }[] }[] }>(page, 'audit');
  const imports = audit.filter((a) => a.entity === 'import');
  expect(imports).toHaveLength(1);
  // The row's changes (the numbers created) are sealed at rest; the numbers are read in the report above.

  await page.getByRole('link', { name: 'Открыть список дел' }).click();
  for (const name of ['Бекова Айжан Талантовна', 'Джумагулов Бакыт', 'Сыдыков Эрлан Маратович', 'Токтосунов Азамат']) await expect(page.getByText(name).first()).toBeVisible();
  await page.getByLabel('Поиск').fill('Токтосунов');
  await expect(page.getByText('Найдено: 1')).toBeVisible();
});

const PEOPLE = [
  intake({ nameRu: ['Усенов', 'Нурлан', ''], birth: { year: 1985, month: 7, day: 1 }, number: '2222222', region: 'г. Москва' }),
  intake({ nameRu: ['Асанбек', 'Нурлан', 'уулу'], birth: { year: 1990 }, number: '5555555', region: 'г. Москва' }),
  intake({ nameRu: ['Эшимкулова', 'Айгуль', ''], number: '4444444', region: 'Свердловская область' }),
  intake({ nameRu: ['Ыдырысов', 'Азамат', ''], birth: { year: 1979, month: 12, day: 31 }, number: '3333333', region: 'г. Москва' }),
];

async function exportList(page: Page, format: 'Excel (XLSX)' | 'CSV (для Excel, разделитель «;»)', target: string): Promise<void> {
  await page.getByRole('button', { name: 'Экспорт…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Экспорт списка дел' });
  await expect(dialog).toContainText('Будут выгружены все дела по текущему поиску, фильтрам и сортировке: 3.');
  await dialog.getByLabel(format).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Экспортировать' }).click();
  await (await download).saveAs(target);
  await expect(dialog.getByRole('status')).toContainText('Сохранено:');
  await expectAccessible(page, 'export dialog');
  await dialog.getByRole('button', { name: 'Закрыть' }).click();
}

test('the filtered, sorted case list exports to CSV and XLSX exactly as listed', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  await createCasesInPage(page, PEOPLE);
  await openRoute(page, '/cases');
  await expect(page.getByText('Всего дел: 4')).toBeVisible();
  // The region is chosen from the values in the data: typed, then taken with Enter.
  await page.getByRole('combobox', { name: 'Регион' }).fill('г. Москва');
  // The offered values come from the cases (a live query): Enter chooses only once the list has them.
  await expect(page.getByRole('option', { name: 'г. Москва', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Регион' }).press('Enter');
  await page.getByLabel('Сортировка').selectOption('sortName');
  await page.getByLabel('Порядок').selectOption('asc');
  await expect(page.getByText('Найдено: 3')).toBeVisible();

  const csvPath = testInfo.outputPath('cases.csv');
  await exportList(page, 'CSV (для Excel, разделитель «;»)', csvPath);
  const bytes = readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows[0]!.slice(0, 5)).toEqual(['№ дела', 'Ф.И.О. (рус.)', 'Ф.И.О. (кырг.)', 'Ф.И.О. (лат.)', 'Дата рождения']);
  expect(rows.slice(1).map((r) => [r[1], r[4], r[8]])).toEqual([
    ['Асанбек Нурлан уулу', '1990', 'г. Москва'],
    ['Усенов Нурлан', '01.07.1985', 'г. Москва'],
    ['Ыдырысов Азамат', '31.12.1979', 'г. Москва'],
  ]);

  const xlsxPath = testInfo.outputPath('cases.xlsx');
  await exportList(page, 'Excel (XLSX)', xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell('B1').value).toBe('Ф.И.О. (рус.)');
  expect(sheet.getCell('B1').font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect([2, 3, 4].map((r) => sheet.getCell(`B${r}`).value)).toEqual(['Асанбек Нурлан уулу', 'Усенов Нурлан', 'Ыдырысов Азамат']);
  expect(sheet.getCell('E3').value).toEqual(new Date(Date.UTC(1985, 6, 1)));
  expect(sheet.getCell('E3').numFmt).toBe('dd.mm.yyyy');
  expect(sheet.rowCount).toBe(4);
});

test('the outgoing register exports the rows of its filter to CSV', async ({ app: page }, testInfo) => {
  await saveSettings(page);
  await openRoute(page, '/register');
  await expect(page.getByRole('heading', { name: 'Журнал исходящих' })).toBeVisible();
  // Register rows as the documents feature writes them (its own tests cover how numbers are allocated).
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('aryz');
        open.onsuccess = () => {
          const tx = open.result.transaction('outgoing', 'readwrite');
          for (const row of rows) tx.objectStore('outgoing').put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [1, 2, 3].map((seq) => ({
      number: `КР-М/26-${seq}`,
      seq,
      year: 2026,
      date: `2026-11-0${seq}`,
      caseId: `c${seq}`,
      caseNumber: `КР-М-26-0000${seq}`,
      personName: `Асанов ${seq}`,
      documentId: `d${seq}`,
      addressee: seq === 2 ? 'УВМ МВД по Свердловской области' : 'ГУ МВД России по г. Москве',
      title: 'Запрос',
      status: seq === 3 ? 'void' : 'registered',
      voidReason: seq === 3 ? 'Ошибка в адресате' : '',
    })),
  );
  await page.reload();
  await page.getByLabel('Адресат').fill('Москве');
  await expect(page.getByText('Записей: 2')).toBeVisible();
  await page.getByRole('button', { name: 'Экспорт…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Экспорт реестра исходящих' });
  await expect(dialog).toContainText('по текущим фильтрам: 2.');
  await dialog.getByLabel('CSV (для Excel, разделитель «;»)').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Экспортировать' }).click();
  const target = testInfo.outputPath('register.csv');
  await (await download).saveAs(target);
  const rows = Papa.parse<string[]>(readFileSync(target).subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows).toEqual([
    ['Исх. №', 'Дата', '№ дела', 'Гражданин', 'Адресат', 'Документ', 'Статус', 'Причина аннулирования'],
    ['КР-М/26-1', '01.11.2026', 'КР-М-26-00001', 'Асанов 1', 'ГУ МВД России по г. Москве', 'Запрос', 'зарегистрирован', ''],
    ['КР-М/26-3', '03.11.2026', 'КР-М-26-00003', 'Асанов 3', 'ГУ МВД России по г. Москве', 'Запрос', 'аннулирован', 'Ошибка в адресате'],
  ]);
});
