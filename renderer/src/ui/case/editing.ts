import { createContext, useContext, useMemo } from 'react';
import { updateField, type Actor } from '../../data/cases/cases.repo';
import type { Saver } from './InlineField';

/** Present only when edits can be attributed to a caseworker; without it the page is read-only. */
export interface CaseEditing {
  caseId: string;
  actor: Actor;
}

export const CaseEditingContext = createContext<CaseEditing | null>(null);

export function useCaseEditing(): CaseEditing | null {
  return useContext(CaseEditingContext);
}

/** A saver for each edit path, or null on a read-only page. */
export function useSaverFor(): ((path: string) => Saver) | null {
  const editing = useCaseEditing();
  return useMemo(() => {
    if (!editing) return null;
    return (path: string): Saver => (value) => updateField(editing.caseId, path, value, editing.actor);
  }, [editing]);
}
