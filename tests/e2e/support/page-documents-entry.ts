import '../../tools/page/zod-jitless';
import { withPageSession } from '../../tools/page/tools-session';
import { registerDocument } from '../../../renderer/src/data/documents/register.repo';
import { loadSettings } from '../../../renderer/src/data/settings/settings.repo';
import { actorFrom } from '../../../renderer/src/data/settings/use-actor';

/**
 * Test-only: registers documents in the page through the app's own register repository, so a spec can race
 * two tabs on the same real IndexedDB.
 */
async function registerMany(caseId: string, count: number, date: string, label: string): Promise<string[]> {
  const who = actorFrom(await loadSettings());
  if (!who) throw new Error('save settings first');
  const jobs = Array.from({ length: count }, (_, i) =>
    registerDocument({ caseId, templateId: 'mission_letter_mvd', templateVersion: 1, title: `${label} ${i}`, addressee: 'УВМ', date, numbered: true }, who),
  );
  return (await Promise.all(jobs)).map((d) => d.outgoingNumber);
}

const api = withPageSession({ registerMany });
export type PageDocumentsApi = typeof api;

(window as unknown as { __aryzDocs: PageDocumentsApi }).__aryzDocs = api;
