import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { intake } from '../fixtures/intakes';
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
  await page.getByLabel('Регион').fill('г. Москва');
  await expect(page.getByRole('status').filter({ hasText: 'Найдено' })).toContainText('4');
  await page.getByRole('link', { name: 'Сформировать документы…' }).click();

  await expect(page.getByRole('heading', { name: 'Пакетное формирование документов' })).toBeVisible();
  await expect(page.getByText('Дел: 4')).toBeVisible();
  await page.getByLabel('Шаблон документа').selectOption({ label: 'Ходатайство представительства в территориальный орган МВД (v1)' });
  await expect(page.getByLabel('Адресат')).toHaveValue('auto');
  await expect(page.getByLabel('Также собрать все документы в один PDF')).toBeChecked();
  await page.getByRole('button', { name: 'Сформировать 4' }).click();

  // Progress to completion, then the summary.
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Пакет завершён.')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.batch__progress-text')).toHaveText('Готово 4 из 4');
  await expect(page.getByText('Сформировано: 4')).toBeVisible();
  await expect(page.getByText('Не сформировано: 0')).toBeVisible();
  const shownNumbers = await page.locator('.batch__number').allTextContents();
  expect(shownNumbers).toHaveLength(4);

  // The register: one row per document, consecutive, the same numbers the summary shows, only Moscow cases.
  const register = await page.evaluate(
    () =>
      new Promise<RegisterRow[]>((resolve, reject) => {
        const open = indexedDB.open('aryz');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('outgoing').objectStore('outgoing').getAll();
          request.onsuccess = () => resolve(request.result as RegisterRow[]);
          request.onerror = () => reject(request.error);
        };
      }),
  );
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
});
