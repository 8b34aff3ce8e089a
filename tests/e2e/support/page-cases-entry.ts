import '../../tools/page/zod-jitless';
import { db } from '../../../renderer/src/db/db';
import { createCase } from '../../../renderer/src/features/cases/repository';
import { loadSettings } from '../../../renderer/src/features/settings/settings-store';
import { actorFrom } from '../../../renderer/src/features/settings/use-actor';

/**
 * Test-only: creates cases in the page through the app's own repository (the same code the intake
 * screen calls), so list and search specs can start from known people without typing each intake.
 */
async function createCases(drafts: unknown[]): Promise<string[]> {
  const actor = actorFrom(await loadSettings(db()));
  if (!actor) throw new Error('save settings first');
  const ids: string[] = [];
  for (const draft of drafts) {
    const result = await createCase(db(), draft, actor);
    if (!result.ok) throw new Error(JSON.stringify(result));
    ids.push(result.value.id);
  }
  return ids;
}

(window as unknown as { __aryzTest: object }).__aryzTest = { createCases };
