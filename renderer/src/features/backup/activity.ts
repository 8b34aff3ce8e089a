import { useSyncExternalStore } from 'react';
import type { BackupReason } from '../../../../shared/ipc/channels/backup';

/** What a running backup or restore is doing, for the progress shown wherever the caseworker is. */
export interface Activity {
  kind: 'backup' | 'restore';
  reason?: BackupReason;
  phase: 'export' | 'send' | 'seal' | 'read' | 'import' | 'verify';
  done: number;
  total: number;
}

let current: Activity | null = null;
const listeners = new Set<() => void>();

export function setActivity(next: Activity | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function useActivity(): Activity | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** 0–100 over all phases, for a progress bar. */
export function percentOf(activity: Activity): number {
  const share = activity.total > 0 ? Math.min(1, activity.done / activity.total) : 0;
  const phases = activity.kind === 'backup' ? ['export', 'send', 'seal'] : ['read', 'import', 'verify'];
  const index = Math.max(0, phases.indexOf(activity.phase));
  return Math.round(((index + share) / phases.length) * 100);
}
