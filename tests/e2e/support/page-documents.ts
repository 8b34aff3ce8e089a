import path from 'node:path';
import type { Page } from '@playwright/test';
import { pageScript } from '../../tools/page-script';
import type { PageDocumentsApi } from './page-documents-entry';

let source: Promise<string> | null = null;

function bundle(): Promise<string> {
  source ??= pageScript(path.join(__dirname, 'page-documents-entry.ts'));
  return source;
}

type DocsWindow = Window & { __aryzDocs: PageDocumentsApi };

/** Installs the helper once per loaded document (each evaluation would open another database connection). */
export async function installDocumentsHelper(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as Partial<DocsWindow>).__aryzDocs === 'object')) return;
  await page.evaluate(await bundle());
}

/** Starts registering `count` numbered documents in the page, all at once; resolves with their numbers. */
export function registerManyInPage(page: Page, caseId: string, count: number, date: string, label: string): Promise<string[]> {
  return page.evaluate(([id, n, d, l]) => (window as unknown as DocsWindow).__aryzDocs.registerMany(id, n, d, l), [caseId, count, date, label] as const);
}
