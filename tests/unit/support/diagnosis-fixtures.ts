import type { CaseFacts } from '../../../shared/deadlines';
import { diagnose, type CauseSuggestion } from '../../../shared/diagnosis';
import { factoryBundle } from './reference-fixtures';

export const bundle = factoryBundle();
export const TODAY = '2025-06-10';

/** The suggestion for one cause, or undefined when the diagnosis does not suggest it. */
export function cause(facts: CaseFacts, causeId: string, today = TODAY): CauseSuggestion | undefined {
  return diagnose(facts, bundle, today).causes.find((c) => c.causeId === causeId);
}

export const codes = (s: CauseSuggestion | undefined) => s?.reasoning.map((r) => r.code);

export function mark(s: CauseSuggestion | undefined, itemId: string) {
  return s?.checklist.find((m) => m.itemId === itemId);
}
