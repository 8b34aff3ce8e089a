import path from 'node:path';
import type { Page } from '@playwright/test';
import { pageScript } from '../../tools/page-script';
import type { IntakeDraft } from '../../../shared/case';
import type { PageCasesApi } from './page-cases-entry';

let source: Promise<string> | null = null;

function bundle(): Promise<string> {
  source ??= pageScript(path.join(__dirname, 'page-cases-entry.ts'));
  return source;
}

type TestWindow = Window & { __aryzTest: PageCasesApi };
type Params<K extends keyof PageCasesApi> = Parameters<PageCasesApi[K]>;

/** Once per loaded document: each evaluation would open another connection to the database. */
async function install(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as Partial<TestWindow>).__aryzTest === 'object')) return;
  await page.evaluate(await bundle());
}

/**
 * Creates the given intakes in the app's database (CDP evaluation is outside the page's CSP). `at`, an ISO
 * date-time, takes them in at that moment instead of now (a case nobody has touched since).
 */
export async function createCasesInPage(page: Page, drafts: IntakeDraft[], at?: string): Promise<string[]> {
  await install(page);
  return page.evaluate(([d, a]) => (window as unknown as TestWindow).__aryzTest.createCases(d, a), [drafts as unknown[], at] as const);
}

/** Records sent requests on a case through the tracking repository; returns their ids. */
export async function addRequestsInPage(page: Page, caseId: string, inputs: Params<'addRequests'>[1]): Promise<string[]> {
  await install(page);
  return page.evaluate(([id, i]) => (window as unknown as TestWindow).__aryzTest.addRequests(id, i), [caseId, inputs] as const);
}

/** Records what happened to a sent request (an answer, a registration …) through the tracking repository. */
export async function updateRequestInPage(page: Page, requestId: string, patch: Params<'patchRequest'>[1]): Promise<void> {
  await install(page);
  await page.evaluate(([id, p]) => (window as unknown as TestWindow).__aryzTest.patchRequest(id, p), [requestId, patch] as const);
}

/** Records register checks on a case through the tracking repository. */
export async function addChecksInPage(page: Page, caseId: string, inputs: Params<'addChecks'>[1]): Promise<void> {
  await install(page);
  await page.evaluate(([id, i]) => (window as unknown as TestWindow).__aryzTest.addChecks(id, i), [caseId, inputs] as const);
}

/** Moves a case through statuses at given moments through the case repository (dated status history). */
export async function changeStatusesInPage(page: Page, caseId: string, changes: Params<'changeStatuses'>[1]): Promise<void> {
  await install(page);
  await page.evaluate(([id, c]) => (window as unknown as TestWindow).__aryzTest.changeStatuses(id, c), [caseId, changes] as const);
}

/** Records the caseworker's chosen cause on a case's diagnosis. */
export async function chooseCauseInPage(page: Page, caseId: string, causeId: string, exclusionGround: string): Promise<void> {
  await install(page);
  await page.evaluate(([id, c, g]) => (window as unknown as TestWindow).__aryzTest.chooseCause(id, c, g), [caseId, causeId, exclusionGround] as const);
}
