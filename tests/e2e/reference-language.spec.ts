import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openRoute } from './support/setup';

/** Russian words left in a text: Cyrillic outside «…» quotes (names of apps and forms) and the Kyrgyz letters. */
const russianIn = (text: string) => text.replace(/«[^»]*»/g, '').replace(/[ңөүҢӨҮ]/g, '').match(/[А-Яа-яЁё]+/g) ?? [];

async function switchLanguage(page: Page, from: string, language: string): Promise<void> {
  await openRoute(page, '/settings');
  await page.getByLabel(from).selectOption(language);
  await openRoute(page, '/settings/reference');
}

test('in English the reference screen shows causes, grounds and evidence in English, with no Russian text', async ({ app: page }) => {
  await switchLanguage(page, 'Язык интерфейса', 'en');
  await expect(page.getByRole('heading', { name: 'Reference data', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Error causes' }).click();
  const causes = page.locator('.ref-card');
  await expect(causes).toHaveCount(11);
  await expect(causes.first().getByRole('heading', { level: 3 })).toHaveText('R-1 Registration gap while a contract was in force');
  const texts = [...(await causes.locator('h3').allTextContents()), ...(await causes.locator('.ref-card__text').allTextContents())];
  expect(texts.flatMap(russianIn)).toEqual([]);
  // The grounds each cause leads to are named in English too.
  await expect(causes.first().getByText('E-2 — Obtaining lawful grounds to stay (reside) in Russia')).toBeVisible();

  await page.getByRole('tab', { name: 'Evidence' }).click();
  await expect(page.getByRole('cell', { name: 'Valid passport or ID card (copy of the data page)' })).toBeVisible();
  const labels = await page.locator('.ref-section tbody tr td:nth-child(2)').allTextContents();
  expect(labels.length).toBe(27);
  expect(labels.flatMap(russianIn)).toEqual([]);
});

test('in Kyrgyz the causes are the Kyrgyz texts', async ({ app: page }) => {
  await switchLanguage(page, 'Язык интерфейса', 'ky');
  await page.getByRole('tab', { name: 'Ката себептери' }).click();
  await expect(page.locator('.ref-card').first().getByRole('heading', { level: 3 })).toHaveText('R-1 Келишим мөөнөтүндө каттоонун үзгүлтүккө учурашы');
});
