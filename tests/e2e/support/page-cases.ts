import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import type { IntakeDraft } from '../../../shared/case';

let source: Promise<string> | null = null;

function bundle(): Promise<string> {
  source ??= build({
    entryPoints: [path.join(__dirname, 'page-cases-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return source;
}

/** Creates the given intakes in the app's database (CDP evaluation is outside the page's CSP). */
export async function createCasesInPage(page: Page, drafts: IntakeDraft[]): Promise<string[]> {
  await page.evaluate(await bundle());
  return page.evaluate((d) => (window as unknown as { __aryzTest: { createCases(x: unknown[]): Promise<string[]> } }).__aryzTest.createCases(d), drafts as unknown[]);
}
