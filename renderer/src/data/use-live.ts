import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live read for a component: runs `read` (a data-layer function) and again whenever a table it read changes.
 * `undefined` (or `initial`) while the first answer is on its way. Components use this instead of Dexie's hook,
 * so only the data layer knows reads are Dexie live queries.
 */
export function useLive<T>(read: () => Promise<T> | T, deps: unknown[]): T | undefined;
export function useLive<T, D>(read: () => Promise<T> | T, deps: unknown[], initial: D): T | D;
export function useLive<T, D>(read: () => Promise<T> | T, deps: unknown[], initial?: D): T | D | undefined {
  return useLiveQuery(read, deps, initial);
}
