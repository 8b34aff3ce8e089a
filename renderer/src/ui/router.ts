import { useSyncExternalStore } from 'react';

/**
 * Hash routes: in-page navigation never triggers a document navigation, which the desktop shell blocks.
 * A route is a path like `/settings` or `/cases/123`.
 */
function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The route the window shows now. */
export const currentRoute = () => window.location.hash.replace(/^#/, '') || '/';

export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function navigate(path: string): void {
  window.location.hash = path;
}
