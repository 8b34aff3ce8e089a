import { useSyncExternalStore } from 'react';
import { db as defaultDb, type AryzDb } from '../schema';
import { useLive } from '../use-live';
import { missionStatus, subscribeMissionStatus, type MissionStatus } from './mission-status.store';
import { openConflictCount, openConflicts, type ConflictView } from './sync-conflicts.repo';

export function useMissionStatus(): MissionStatus {
  return useSyncExternalStore(subscribeMissionStatus, missionStatus);
}

export function useOpenConflictCount(database: AryzDb = defaultDb()): number {
  return useLive(() => openConflictCount(database), [database], 0);
}

export function useOpenConflicts(database: AryzDb = defaultDb()): ConflictView[] | undefined {
  return useLive(() => openConflicts(database), [database]);
}
