import '../../tools/page/zod-jitless';
import { withPageSession } from '../../tools/page/tools-session';
import { changeStatus, createCase } from '../../../renderer/src/data/cases/cases.repo';
import { saveDiagnosisChoice } from '../../../renderer/src/data/tracking/diagnosis.repo';
import type { CaseStatus } from '../../../shared/case/schema';
import { loadSettings } from '../../../renderer/src/data/settings/settings.repo';
import { actorFrom } from '../../../renderer/src/data/settings/use-actor';
import { addCheck, type newCheckSchema } from '../../../renderer/src/data/tracking/checks.repo';
import { addRequest, updateRequest, type newRequestSchema, type requestPatchSchema } from '../../../renderer/src/data/tracking/requests.repo';
import type { z } from 'zod';

/**
 * Test-only: creates cases in the page through the app's own repository (the same code the intake
 * screen calls), so list and search specs can start from known people without typing each intake.
 */
async function actor() {
  const found = actorFrom(await loadSettings());
  if (!found) throw new Error('save settings first');
  return found;
}

/** `at` (ISO date-time): the moment the cases are taken in, for cases that must look older than today. */
async function createCases(drafts: unknown[], at?: string): Promise<string[]> {
  const who = await actor();
  const ids: string[] = [];
  for (const draft of drafts) {
    const result = await createCase(draft, who, at ? { now: new Date(at) } : {});
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids.push(result.value.id);
  }
  return ids;
}

/** Through the tracking repository, as the case page records a sent request: returns the request's id. */
async function addRequests(caseId: string, inputs: z.input<typeof newRequestSchema>[]): Promise<string[]> {
  const who = await actor();
  const ids: string[] = [];
  for (const input of inputs) {
    const result = await addRequest(caseId, input, who);
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids.push(result.value.id);
  }
  return ids;
}

async function patchRequest(requestId: string, patch: z.input<typeof requestPatchSchema>): Promise<void> {
  const result = await updateRequest(requestId, patch, await actor());
  if (!result.ok) throw new Error(JSON.stringify(result));
}

async function addChecks(caseId: string, inputs: z.input<typeof newCheckSchema>[]): Promise<void> {
  const who = await actor();
  for (const input of inputs) {
    const result = await addCheck(caseId, input, who);
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
}

/** Moves a case through statuses at the given moments (ISO date-times), as the status control would have then. */
async function changeStatuses(caseId: string, changes: { status: CaseStatus; at: string; note?: string }[]): Promise<void> {
  const who = await actor();
  for (const change of changes) await changeStatus(caseId, change.status, change.note ?? '', who, new Date(change.at));
}

/** Records the caseworker's choice of cause on the diagnosis (overriding any suggestion). */
async function chooseCause(caseId: string, causeId: string, exclusionGround: string): Promise<void> {
  const result = await saveDiagnosisChoice(caseId, { causeId, exclusionGround, note: '' }, null, 1, await actor());
  if (!result.ok) throw new Error(JSON.stringify(result));
}

const api = withPageSession({ createCases, addRequests, patchRequest, addChecks, changeStatuses, chooseCause });
export type PageCasesApi = typeof api;

(window as unknown as { __aryzTest: PageCasesApi }).__aryzTest = api;
