import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { intake } from '../fixtures/intakes';
import { expect, test } from './support/fixtures';
import { acknowledgeEndedEvidence } from './support/consistency';
import { createCasesInPage } from './support/page-cases';
import { pdfText } from './support/pdf';
import { pdfInNewTab } from './support/pdf-tab';
import { openRoute, saveSettings } from './support/setup';

const LETTER = 'Ходатайство представительства в территориальный орган МВД';

async function pdfOfPages(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 60, y: 700, size: 24 });
  return Buffer.from(await doc.save());
}

test('a scan attached to the case gives its real page count to the attachment mark of a generated letter', async ({ app: page }) => {
  test.setTimeout(120_000);
  await saveSettings(page);
  const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Сыдыков', 'Нурбек', ''], nameRu: ['Сыдыков', 'Нурбек', ''], nameLat: ['SYDYKOV', 'NURBEK', ''], number: '7770001' })]);
  const work = mkdtempSync(path.join(tmpdir(), 'aryz-letter-'));
  const scan = path.join(work, 'трудовой договор.pdf');
  writeFileSync(scan, await pdfOfPages(3));

  await openRoute(page, `/cases/${caseId}`);
  const files = page.getByRole('region', { name: 'Вложения', exact: true });
  const chooser = page.waitForEvent('filechooser');
  await files.getByRole('button', { name: 'Прикрепить файлы…' }).click();
  await (await chooser).setFiles(scan);
  await expect(files.getByText('3 л.', { exact: true })).toBeVisible();

  const section = page.locator('section#documents');
  await section.getByRole('button', { name: 'Новый документ' }).click();
  await section.getByLabel('Шаблон').selectOption({ label: LETTER });
  await section.getByRole('button', { name: 'Добавить вложения дела (1)' }).click();
  await expect(section.getByLabel('Наименование приложения 1')).toHaveValue('трудовой договор');
  await expect(section.getByLabel('Листов', { exact: true })).toHaveValue('3');
  await acknowledgeEndedEvidence(section);
  await section.getByRole('button', { name: 'Сформировать документ' }).click();
  const row = section.getByRole('row', { name: new RegExp(LETTER) });
  await expect(row).toContainText('КР-М-1/');

  const { file } = await pdfInNewTab(page, () => row.getByRole('button', { name: /^Открыть: / }).click(), path.join(work, 'letter.pdf'));
  expect(pdfText(file).replace(/\s+/g, ' ')).toContain('трудовой договор на 3 л. в 1 экз.');
});
