import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Browser mode shows a stored PDF the way the desktop app hands it to the system viewer: in a new tab.
 * Clicks, waits for that tab, and saves what it shows (fetched with the page's session) to `file`.
 */
export async function pdfInNewTab(page: Page, click: () => Promise<void>, file: string): Promise<{ url: string; type: string; file: string }> {
  const popup = page.waitForEvent('popup');
  await click();
  const tab = await popup;
  const url = tab.url();
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`${url}: HTTP ${response.status()}`);
  writeFileSync(file, await response.body());
  await tab.close();
  return { url, type: response.headers()['content-type'] ?? '', file };
}
