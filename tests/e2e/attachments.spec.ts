import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { PDFDocument, rgb } from 'pdf-lib';
import { intake } from '../fixtures/intakes';
import { tiffBytes } from '../fixtures/scans';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { addChecksInPage, createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

const TERMINATION = 'Документ о досрочном прекращении договора (приказ, соглашение)';
const work = mkdtempSync(path.join(tmpdir(), 'aryz-attach-e2e-'));

/** A 3-page PDF with a dark block on the first page, so its thumbnail has something to draw. */
async function threePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i += 1) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 60, y: 500, width: 470, height: 280, color: rgb(0.1, 0.2, 0.5) });
    page.drawText(`Page ${i + 1}`, { x: 60, y: 450, size: 32 });
  }
  return Buffer.from(await doc.save());
}

/** An 8×8 red PNG. */
const PNG_RED = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4IyCAFTEMLQkAPSE7ARI8sjsAAAAASUVORK5CYII=';

async function openNewCase(page: Page, number: string, before?: (caseId: string) => Promise<void>): Promise<Locator> {
  await saveSettings(page);
  const [id] = await createCasesInPage(page, [intake({ nameKy: ['Жолдошев', 'Мирлан', ''], nameRu: ['Жолдошев', 'Мирлан', ''], nameLat: ['ZHOLDOSHEV', 'MIRLAN', ''], number })]);
  await before?.(id!);
  await openRoute(page, `/cases/${id}`);
  await expect(page.getByRole('heading', { name: /^Дело КР-М-/ })).toBeVisible();
  return page.getByRole('region', { name: 'Вложения', exact: true });
}

/** Drops files on the drop zone the way a file manager does: a DataTransfer carrying File objects. */
async function dropFiles(zone: Locator, files: Array<{ name: string; base64: string; type: string }>): Promise<void> {
  await zone.evaluate((el, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** How many of the thumbnail's pixels are neither blank nor white: proof something was drawn. */
function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked += 1;
    return inked;
  });
}

const item = (section: Locator, name: string) => section.getByRole('listitem').filter({ has: section.page().getByText(name, { exact: true }) });

test('attach a 3-page PDF through the dialog and a PNG by drop: page counts, thumbnails, a checklist link, trash and restore', async ({ app: page }) => {
  const section = await openNewCase(page, '5550001');
  await expect(section.getByText('Вложений пока нет.')).toBeVisible();
  const pdfPath = path.join(work, 'договор.pdf');
  const pdf = await threePagePdf();
  writeFileSync(pdfPath, pdf);

  // Through the file dialog (the page's file chooser in browser mode).
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Прикрепить файлы…' }).click();
  await (await chooser).setFiles(pdfPath);
  await expect(section.getByText('Прикреплён 1 файл')).toBeVisible();
  const pdfItem = item(section, 'договор.pdf');
  await expect(pdfItem.getByText('3 л.', { exact: true })).toBeVisible();
  await expect(pdfItem).toContainText('PDF');
  const pdfThumb = pdfItem.getByRole('img', { name: 'Миниатюра «договор.pdf»' });
  await expect(pdfThumb).toHaveAttribute('data-state', 'drawn');
  expect(await inkedPixels(pdfThumb)).toBeGreaterThan(500);
  // The larger view of the first page, in a dialog that Escape closes.
  await pdfItem.getByRole('button', { name: 'Просмотр «договор.pdf»' }).click();
  const preview = page.getByRole('dialog', { name: 'договор.pdf' });
  await expect(preview.getByText('Показана первая страница из 3')).toBeVisible();
  const large = preview.getByRole('img', { name: 'Первая страница «договор.pdf»' });
  await expect(large).toHaveAttribute('data-state', 'drawn');
  expect(await large.evaluate((el) => (el as HTMLCanvasElement).height)).toBe(900);
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // By drop: the bytes go to main, which decides the type by content (a PNG named .pdf is a PNG).
  const zone = section.getByTestId('attachments-drop');
  await dropFiles(zone, [{ name: 'скриншот.pdf', base64: PNG_RED, type: 'application/pdf' }]);
  const pngItem = item(section, 'скриншот.pdf');
  await expect(pngItem.getByText('1 л.', { exact: true })).toBeVisible();
  await expect(pngItem).toContainText('PNG');
  const pngThumb = pngItem.getByRole('img', { name: 'Миниатюра «скриншот.pdf»' });
  await expect(pngThumb).toHaveAttribute('data-state', 'drawn');
  expect(await inkedPixels(pngThumb)).toBeGreaterThan(0);

  // An executable renamed .pdf, and the same PDF again: refused, and not attached twice.
  await dropFiles(zone, [
    { name: 'virus.pdf', base64: Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode').toString('base64'), type: 'application/pdf' },
    // The same bytes under another name (pdf-lib stamps every new document, so they are the file's own bytes).
    { name: 'договор-копия.pdf', base64: pdf.toString('base64'), type: 'application/pdf' },
  ]);
  await expect(section.getByRole('alert')).toContainText('«virus.pdf» не прикреплён: это не скан PDF, JPEG, PNG или TIFF');
  await expect(section.getByText('«договор.pdf» уже прикреплён к этому делу')).toBeVisible();
  await expect(section.locator('.attachments > li')).toHaveCount(2);

  // Caption, date and a link to the diagnosis checklist: the item turns present, proven by this scan.
  const checklistItem = page.getByRole('region', { name: 'Диагностика: почему человек в реестре' }).locator('.checklist__item').filter({ hasText: TERMINATION });
  await expect(checklistItem).toContainText('не хватает');
  await pdfItem.getByLabel('Подпись').fill('Приказ о расторжении договора');
  await pdfItem.getByLabel('Дата документа').fill('12.03.2025');
  await pdfItem.getByLabel('Подтверждает').selectOption({ label: TERMINATION });
  await pdfItem.getByRole('button', { name: 'Сохранить: договор.pdf' }).click();
  await expect(section.getByText('Изменения сохранены')).toBeVisible();
  await expect(checklistItem).toContainText('есть');
  await expect(checklistItem).toContainText('приложен файл Приказ о расторжении договора');
  const history = page.getByRole('region', { name: 'История дела' });
  await expect(history.getByText('Прикреплён файл «договор.pdf» (3 л.)')).toBeVisible();
  await expect(history.getByText(`Вложение подтверждает: ничего → ${TERMINATION}`)).toBeVisible();
  await expect(history.getByText(/^Дата вложения: \d{2}\.\d{2}\.\d{4} → 12\.03\.2025$/)).toBeVisible();

  // Delete → trash → restore.
  await item(section, 'скриншот.pdf').getByRole('button', { name: 'Удалить «скриншот.pdf» в корзину' }).click();
  await expect(section.getByText('«скриншот.pdf» перемещён в корзину')).toBeVisible();
  await expect(section.locator('.attachments:not(.attachments--trash) > li')).toHaveCount(1);
  await section.getByRole('button', { name: 'Корзина (1)' }).click();
  const trash = section.getByRole('group', { name: 'Корзина вложений' });
  await expect(trash).toContainText('скриншот.pdf');
  await expect(trash).toContainText(/хранится до \d{2}\.\d{2}\.\d{4}/);
  // The section with its list, forms, thumbnails and the open trash: no serious accessibility problems.
  await expectAccessible(page, 'case attachments with the trash open', { include: '#attachments' });
  await trash.getByRole('button', { name: 'Восстановить «скриншот.pdf»' }).click();
  await expect(trash.getByText('Корзина пуста.')).toBeVisible();
  await expect(section.locator('.attachments:not(.attachments--trash) > li')).toHaveCount(2);
  await expect(history.getByText('Вложение восстановлено из корзины')).toBeVisible();

  // Deleting the linked scan takes the proof away again.
  await pdfItem.getByRole('button', { name: 'Удалить «договор.pdf» в корзину' }).click();
  await expect(checklistItem).toContainText('не хватает');
});

test('a dropped file over 25 MB is refused with its size, without being sent', async ({ app: page }) => {
  const section = await openNewCase(page, '5550002');
  await section.getByTestId('attachments-drop').evaluate((el) => {
    const transfer = new DataTransfer();
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    transfer.items.add(new File([big], 'большой.pdf', { type: 'application/pdf' }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(section.getByRole('alert')).toContainText('«большой.pdf» не прикреплён: 26 МБ — больше допустимых 25 МБ');
  await expect(section.getByText('Вложений пока нет.')).toBeVisible();
});

test('a screenshot attached from the register checks log is linked to that check; a dropped multi-page TIFF gets its page count and thumbnail', async ({ app: page }) => {
  const section = await openNewCase(page, '5550003', (id) =>
    addChecksInPage(page, id, [{ at: '2025-05-20T10:15:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: 'В реестре', screenshotNote: '' }]),
  );
  const shotPath = path.join(work, 'проверка-мвд.png');
  writeFileSync(shotPath, Buffer.from(PNG_RED, 'base64'));
  const checks = page.getByRole('region', { name: 'Проверки реестра', exact: true });
  const chooser = page.waitForEvent('filechooser');
  await checks.getByRole('button', { name: 'Прикрепить скриншот проверки 20.05.2025 10:15' }).click();
  await (await chooser).setFiles(shotPath);
  await expect(checks.getByRole('row').filter({ hasText: 'В реестре' })).toContainText('проверка-мвд');
  const shot = item(section, 'проверка-мвд.png');
  await expect(shot.getByLabel('Подтверждает')).toHaveValue(/^check:/);
  await expect(shot.getByLabel('Подтверждает').locator('option:checked')).toHaveText('Проверка 20.05.2025 10:15');

  await dropFiles(section.getByTestId('attachments-drop'), [{ name: 'паспорт.tif', base64: Buffer.from(tiffBytes(4)).toString('base64'), type: 'image/tiff' }]);
  const tiff = item(section, 'паспорт.tif');
  await expect(tiff.getByText('4 л.', { exact: true })).toBeVisible();
  await expect(tiff).toContainText('TIFF');
  await expect(tiff.getByRole('img', { name: 'Миниатюра «паспорт.tif»' })).toHaveAttribute('data-state', 'drawn');
});
