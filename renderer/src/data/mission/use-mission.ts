import { useSyncExternalStore } from 'react';
import { db } from '../schema';
import { useLive } from '../use-live';
import { missionStatus, subscribeMissionStatus, type MissionStatus } from './mission-status.store';
import { openConflictCount, openConflicts, type ConflictView } from './sync-conflicts.repo';

export function useMissionStatus(): MissionStatus {
  return useSyncExternalStore(subscribeMissionStatus, missionStatus);
}

export function useOpenConflictCount(): number {
  return useLive(() => openConflictCount(), [db()], 0);
}

export function useOpenConflicts(): ConflictView[] | undefined {
  return useLive(() => openConflicts(), [db()]);
}
