import type { AryzApi } from '../../../shared/ipc/contract';
import { beginSession, dataKeyBytes } from '../../../renderer/src/lib/session';

/**
 * The page tools are a bundle of their own, with their own copy of the renderer's session module: they take the
 * unlocked session of the page's window from main (as a reloaded page does), so the at-rest middleware of their
 * copy of the data layer seals and opens rows with the same data key as the app.
 */
export async function adoptPageSession(): Promise<void> {
  if (dataKeyBytes()) return;
  const api = (window as unknown as { aryz: AryzApi }).aryz;
  const answer = await api.resumeSession({});
  if (!answer.ok || answer.value.status !== 'ok') throw new Error('page tools: nobody is signed in on this page (sign in first)');
  beginSession(answer.value.session, answer.value.dataKey);
}

/** Each tool first takes the page's session. */
export function withPageSession<T extends Record<string, (...args: never[]) => unknown>>(tools: T): T {
  return Object.fromEntries(
    Object.entries(tools).map(([name, tool]) => [name, async (...args: never[]) => {
      await adoptPageSession();
      return tool(...args);
    }]),
  ) as T;
}
