import { useLiveQuery } from 'dexie-react-hooks';
import type { AppealRow } from '../schema';
import { appealsFor } from './appeals.repo';

/** A case's requests to the mission, live; undefined while loading. */
export function useAppeals(caseId: string): AppealRow[] | undefined {
  return useLiveQuery(() => appealsFor(caseId), [caseId]);
}
