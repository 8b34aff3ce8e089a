import { mkdtempSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { createCasesInPage } from './support/page-cases';
import { pdfPages, pdfText } from './support/pdf';
import { openRoute, saveSettings } from './support/setup';

const MOSCOW = [
  intake({ nameKy: ['Жумагулов', 'Бакыт', ''], nameRu: ['Джумагулов', 'Бакыт', ''], nameLat: ['ZHUMAGULOV', 'BAKYT', ''], number: '1111111', region: 'г. Москва' }),
  intake({ nameKy: ['Үсөнов', 'Маңызбек', ''], nameRu: ['Усенов', 'Манызбек', ''], nameLat: ['USONOV', 'MANGYZBEK', ''], number: '2222222', region: 'г. Москва' }),
  intake({ nameKy: ['Ыдырысов', 'Азамат', ''], nameRu: ['Ыдырысов', 'Азамат', ''], nameLat: ['YDYRYSOV', 'AZAMAT', ''], number: '3333333', region: 'г. Москва' }),
  intake({ nameKy: ['Эшимкулова', 'Айгүл', ''], nameRu: ['Эшимкулова', 'Айгуль', ''], nameLat: ['ESHIMKULOVA', 'AIGUL', ''], number: '4444444', region: 'г. Москва' }),
];
const ELSEWHERE = [
  intake({ nameKy: ['Токтогулов', 'Нурлан', ''], nameRu: ['Токтогулов', 'Нурлан', ''], nameLat: ['TOKTOGULOV', 'NURLAN', ''], number: '5555555', region: 'Московская область' }),
  intake({ nameKy: ['Сыдыков', 'Эрмек', ''], nameRu: ['Сыдыков', 'Эрмек', ''], nameLat: ['SYDYKOV', 'ERMEK', ''], number: '6666666', region: 'Свердловская область' }),
];

/** Every row of one object store of the app's database, read straight from IndexedDB. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
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

interface RegisterRow {
  number: string;
  seq: number;
  year: number;
  caseId: string;
  documentId: string;
  status: string;
}

test('batch: documents for the filtered cases, with progress, consecutive numbers in the register and one merged PDF', async ({ app: page }) => {
  test.setTimeout(120_000);
  await saveSettings(page);
  const ids = await createCasesInPage(page, [...MOSCOW, ...ELSEWHERE]);
  const moscowIds = new Set(ids.slice(0, MOSCOW.length));

  await openRoute(page, '/cases');
  // The region is chosen from the values in the data: typed, then taken with Enter.
  await page.getByRole('combobox', { name: 'Регион' }).fill('г. Москва');
  // The offered values come from the cases (a live query): Enter chooses only once the list has them.
  await expect(page.getByRole('option', { name: 'г. Москва', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Регион' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Найдено' })).toContainText('4');
  await page.getByRole('link', { name: 'Сформировать документы…' }).click();

  await expect(page.getByRole('heading', { name: 'Пакетное формирование документов' })).toBeVisible();
  await expect(page.getByText('Дел: 4')).toBeVisible();
  await page.getByLabel('Шаблон документа').selectOption({ label: 'Ходатайство представительства в территориальный орган МВД (v1)' });
  await expect(page.getByLabel('Адресат')).toHaveValue('auto');
  await expectAccessible(page, 'batch form');
  await expect(page.getByLabel('Также собрать все документы в один PDF')).toBeChecked();
  // Nothing starts before the count is confirmed: cancelling numbers nothing.
  await page.getByRole('button', { name: 'Сформировать 4' }).click();
  let confirm = page.getByRole('dialog', { name: 'Сформировать документы?' });
  await expect(confirm).toContainText('Будет сформировано документов: 4 — «Ходатайство представительства в территориальный орган МВД»');
  await expect(confirm).toContainText('Каждому будет присвоен исходящий номер');
  await expect(confirm.getByRole('button', { name: 'Отмена' })).toBeFocused();
  await expectAccessible(page, 'batch confirmation');
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  expect(await readStore<RegisterRow>(page, 'outgoing')).toHaveLength(0);
  await page.getByRole('button', { name: 'Сформировать 4' }).click();
  confirm = page.getByRole('dialog', { name: 'Сформировать документы?' });
  await confirm.getByRole('button', { name: 'Да, сформировать 4' }).click();

  // Progress to completion, then the summary.
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Пакет завершён.')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.batch__progress-text')).toHaveText('Готово 4 из 4');
  await expect(page.getByText('Сформировано: 4')).toBeVisible();
  await expect(page.getByText('Не сформировано: 0')).toBeVisible();
  const shownNumbers = await page.locator('.batch__number').allTextContents();
  expect(shownNumbers).toHaveLength(4);

  // The register: one row per document, consecutive, the same numbers the summary shows, only Moscow cases.
  const register = await readStore<RegisterRow>(page, 'outgoing');
  expect(register).toHaveLength(4);
  const sorted = [...register].sort((a, b) => a.seq - b.seq);
  expect(sorted.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
  expect(sorted.every((r) => r.status === 'registered' && moscowIds.has(r.caseId))).toBe(true);
  expect(new Set(register.map((r) => r.caseId)).size).toBe(4);
  expect([...shownNumbers].sort()).toEqual(sorted.map((r) => r.number).sort());

  // The merged PDF: every letter, in order, read back.
  const merged = page.getByText(/Общий PDF: \d+ стр\./);
  await expect(merged).toBeVisible();
  const pages = Number(/(\d+) стр/.exec((await merged.textContent()) ?? '')?.[1]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сохранить общий PDF…' }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'aryz-batch-e2e-')), 'merged.pdf');
  await (await download).saveAs(file);
  expect(pdfPages(file)).toBe(pages);
  expect(pages).toBeGreaterThanOrEqual(4);
  const text = pdfText(file).replace(/\s+/g, ' ');
  for (const row of sorted) expect(text).toContain(row.number);
  for (const name of ['Джумагулов', 'Усенов', 'Ыдырысов', 'Эшимкулова']) expect(text).toContain(name);
  for (const name of ['Токтогулов', 'Сыдыков']) expect(text).not.toContain(name);
  expect(text).toContain('Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве');
  // One letter after another in register order.
  const at = sorted.map((r) => text.indexOf(`№ ${r.number}`));
  expect(at.every((pos, i) => pos >= 0 && (i === 0 || pos > at[i - 1]!))).toBe(true);
  await expect(page.getByText('Сохранено: ')).toBeVisible();
  await expectAccessible(page, 'batch summary');
});

test('batch: a batch interrupted by a reload is offered for resume and finishes without a number given twice or missed', { tag: '@fault' }, async ({ app: page }) => {
  test.setTimeout(180_000);
  await saveSettings(page);
  const people = Array.from({ length: 10 }, (_, i) =>
    intake({ nameKy: [`Асанов${'абвгдежзик'[i]}`, 'Бакыт', ''], nameRu: [`Асанов${'абвгдежзик'[i]}`, 'Бакыт', ''], nameLat: ['ASANOV', 'BAKYT', ''], number: String(7000000 + i), region: 'г. Москва' }),
  );
  const ids = await createCasesInPage(page, [...people, ...ELSEWHERE]);
  await openRoute(page, '/cases');
  // The region is chosen from the values in the data: typed, then taken with Enter.
  await page.getByRole('combobox', { name: 'Регион' }).fill('г. Москва');
  // The offered values come from the cases (a live query): Enter chooses only once the list has them.
  await expect(page.getByRole('option', { name: 'г. Москва', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Регион' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Найдено' })).toContainText('10');
  await page.getByRole('link', { name: 'Сформировать документы…' }).click();
  await expect(page.getByText('Дел: 10')).toBeVisible();
  await page.getByLabel('Шаблон документа').selectOption({ label: 'Ходатайство представительства в территориальный орган МВД (v1)' });
  await page.getByLabel('Также собрать все документы в один PDF').uncheck();
  // The page dies in the worst window, deterministically: every case numbered and registered, the letters
  // handed to main but not yet answered (the hand-over is held back), nothing rendered yet.
  const handOver = '**/__bridge/rpc/batch%3Aadd';
  await page.route(handOver, () => undefined);
  await page.getByRole('button', { name: 'Сформировать 10' }).click();
  await page.getByRole('dialog', { name: 'Сформировать документы?' }).getByRole('button', { name: 'Да, сформировать 10' }).click();
  await expect.poll(async () => (await readStore<RegisterRow>(page, 'outgoing')).length, { timeout: 60_000 }).toBe(10);
  await page.unroute(handOver);
  await page.reload();
  await expect(page.getByText(/Формирование было прервано: сделано \d+ из 10/)).toBeVisible();
  await expectAccessible(page, 'interrupted batch');
  const before = await readStore<RegisterRow>(page, 'outgoing');
  const items = await readStore<{ state: string }>(page, 'batchItems');
  expect(items).toHaveLength(10);
  expect(items.filter((i) => i.state === 'done').length).toBeLessThan(10);
  expect(before.length).toBe(items.filter((i) => i.state !== 'pending').length);

  // On any other screen the interrupted batch is offered for resume.
  await openRoute(page, '/cases');
  const banner = page.getByRole('region', { name: 'Пакетное формирование документов' });
  await expect(banner).toContainText('прерван');
  await banner.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByText('Пакет завершён.')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText('Сформировано: 10')).toBeVisible();
  await expect(banner).toHaveCount(0);

  const register = (await readStore<RegisterRow>(page, 'outgoing')).sort((a, b) => a.seq - b.seq);
  expect(register.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(register.every((r) => r.status === 'registered')).toBe(true);
  expect(new Set(register.map((r) => r.caseId))).toEqual(new Set(ids.slice(0, 10)));
  // Numbers given before the reload were kept, not given again.
  for (const row of before) expect(register.find((r) => r.number === row.number)?.documentId).toBe(row.documentId);
  const documents = await readStore<{ id: string; status: string; file: { relPath: string; pages: number } | null }>(page, 'documents');
  expect(documents).toHaveLength(10);
  expect(documents.every((d) => d.status === 'generated' && d.file !== null && d.file.pages >= 1)).toBe(true);
});
