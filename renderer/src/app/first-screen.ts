import { preloadCaseList } from '../data/cases/list-preload';
import { preloadQueue } from '../features/queue/queue-preload';
import { currentRoute } from '../ui/router';

/**
 * How long the start waits for the first screen's data before drawing the screen without it. The reads
 * take tens of milliseconds; the cap only matters when IndexedDB is busy (a compaction after a big import).
 */
const WAIT_MS = 400;

/**
 * Reads what the screen the app opens on shows first, started as soon as the database opens. Without it the
 * reads would start only after React's first render, commit and paint, each screen's effects, and the
 * screens' counts queued ahead of them. Answers when the data is in, or after WAIT_MS, whichever comes first;
 * a failed read only means the screen reads for itself.
 */
export function preloadFirstScreen(): Promise<void> {
  const route = currentRoute();
  const read = route === '/' || route === '/queue' ? preloadQueue() : route === '/cases' ? preloadCaseList() : null;
  if (!read) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, WAIT_MS);
    read.catch((error: unknown) => console.warn('first screen preload:', error)).finally(() => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}
