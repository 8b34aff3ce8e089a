import type { SyncErrorCode } from '../../../../shared/sync/protocol';

/**
 * What the header shows about mission sync: nothing for a PC without a server; otherwise syncing (with what waits
 * to be sent), synced (since when), offline (since when: the PC keeps working), or refused by the server (why).
 */
export type MissionStatus =
  | { kind: 'off' }
  | { kind: 'pending' }
  | { kind: 'syncing'; waiting: number; lastSyncAt: number | null }
  | { kind: 'synced'; at: number }
  | { kind: 'offline'; since: number; waiting: number; lastSyncAt: number | null }
  | { kind: 'refused'; reason: SyncErrorCode | 'OTHER' };

let status: MissionStatus = { kind: 'off' };
const listeners = new Set<() => void>();

export function missionStatus(): MissionStatus {
  return status;
}

export function setMissionStatus(next: MissionStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function subscribeMissionStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
