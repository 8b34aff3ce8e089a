import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { pdfPages, pdfText } from './support/pdf';
import { CASEWORKER, fillSettingsForm, MISSION } from './support/setup';

async function openSettings(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
}

const fillSettings = fillSettingsForm;

test('mission settings are saved, survive a reload and produce a mission card PDF with Kyrgyz letters', async ({ app: page }, testInfo) => {
  await openSettings(page);
  await fillSettings(page);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Наименование на кыргызском языке')).toHaveValue(MISSION.nameKy);
  await expect(page.getByLabel('Ф.И.О.')).toHaveValue(CASEWORKER.fullName);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Сформировать PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = testInfo.outputPath('mission-card.pdf');
  await download.saveAs(file);
  await expect(page.getByText(/Файл сохранён: .*\.pdf/)).toBeVisible();

  const text = pdfText(file).replace(/\s+/g, ' ');
  expect(pdfPages(file)).toBe(1);
  expect(text).toContain('Кыргыз Республикасынын Россия Федерациясындагы Элчилиги');
  expect(text).toContain('Посольство Кыргызской Республики');
  expect(text).toContain('Үсөнова Айсулуу Маңызбаевна');
  expect(text).toContain('КР-М');
});

test('bad input is refused with translated messages and the saved data stays as it was', async ({ app: page }) => {
  await openSettings(page);
  await fillSettings(page);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено')).toBeVisible();

  // Empty required field: a message at the field, nothing saved, the typed values stay in the form.
  await page.getByLabel('Наименование на русском языке').fill('   ');
  await page.getByLabel('Адрес').fill('Новый адрес, который не должен сохраниться');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Обязательное поле')).toBeVisible();
  await expect(page.getByText('Исправьте отмеченные поля. Изменения не сохранены.')).toBeVisible();
  await expect(page.getByLabel('Адрес')).toHaveValue('Новый адрес, который не должен сохраниться');

  // A 5,000-character paste bypasses maxlength (as programmatic input does) and is still refused.
  await page.getByLabel('Должность').evaluate((input: HTMLInputElement, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'Ы'.repeat(5000));
  await page.getByLabel('Наименование на русском языке').fill(MISSION.nameRu);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Не более 200 символов')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Адрес')).toHaveValue(MISSION.address);
  await expect(page.getByLabel('Должность')).toHaveValue(CASEWORKER.position);
});

test('the channel itself refuses a 2 MB string and wrong types with typed errors and writes nothing', async ({ app: page }) => {
  await openSettings(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  const results = await page.evaluate(async ([mission, caseworker]) => {
    const api = window.aryz!;
    const huge = await api.exportMissionCard({ mission: { ...mission, nameRu: 'Ж'.repeat(2_000_000) }, caseworker });
    const wrongTypes = await api.exportMissionCard({ mission: { ...mission, nameRu: 42, phones: null }, caseworker: [] } as never);
    const extra = await api.exportMissionCard({ mission: { ...mission, __proto__: { polluted: true }, injected: 1 }, caseworker } as never);
    const long = await api.exportMissionCard({ mission: { ...mission, nameRu: 'Ж'.repeat(301) }, caseworker });
    return { huge, wrongTypes, extra, long };
  }, [MISSION, CASEWORKER] as const);
  expect(results.huge).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  expect(results.wrongTypes.ok).toBe(false);
  expect(!results.wrongTypes.ok && results.wrongTypes.error.code).toBe('INVALID_PAYLOAD');
  const wrongIssues = !results.wrongTypes.ok && results.wrongTypes.error.code === 'INVALID_PAYLOAD' ? results.wrongTypes.error.issues : [];
  expect(wrongIssues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['mission.nameRu', 'mission.phones', 'caseworker']));
  expect(!results.extra.ok && results.extra.error.code).toBe('INVALID_PAYLOAD');
  expect(results.long).toEqual({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'mission.nameRu', code: 'too_long', limit: 300 }] } });
  expect(downloads).toBe(0);
});

test('the mission card asks for complete settings first', async ({ app: page }) => {
  await openSettings(page);
  await page.getByRole('button', { name: 'Сформировать PDF' }).click();
  await expect(page.getByText('Сначала заполните и сохраните настройки представительства и профиль сотрудника.')).toBeVisible();
});

test('the interface language switch applies at once and persists', async ({ app: page }) => {
  await openSettings(page);
  await page.getByLabel('Язык интерфейса').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Interface language').selectOption('ky');
  await expect(page.getByRole('heading', { name: 'Жөндөөлөр' })).toBeVisible();
  await page.getByRole('button', { name: 'Сактоо' }).click();
  await expect(page.getByText('Милдеттүү талаа').first()).toBeVisible();
});
