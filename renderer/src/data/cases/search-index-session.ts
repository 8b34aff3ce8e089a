import { sessionSnapshot, subscribeSession } from '../../lib/session';
import { caseIndexOf } from './case-index.cache';

/**
 * Ties the in-memory search index to the session: it is built (in the background, in slices) once a
 * session holds the data key, and dropped the moment it does not (lock, sign-out), so the names and numbers
 * it holds are in memory only while someone is signed in and the screen is unlocked. Answers the unsubscribe.
 */
export function keepSearchIndexWithSession(): () => void {
  const index = caseIndexOf();
  let unlocked: boolean | null = null;
  const apply = () => {
    const now = sessionSnapshot().key !== null;
    if (now === unlocked) return;
    unlocked = now;
    if (now) {
      index.resume();
      void index.load().catch((error: unknown) => console.warn('search index:', error));
    } else {
      index.drop();
    }
  };
  apply();
  return subscribeSession(apply);
}
