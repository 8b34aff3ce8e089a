import type { DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { CauseSuggestion, DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { localized } from '../../ui/case/reasons';

export function causeTitle(reference: ReferenceBundle | null, id: string, language: string): string {
  const cause = reference?.causes.find((c) => c.id === id);
  return cause ? localized(cause.title, language) : id;
}

/** «E-2 — Приобретение законных оснований…»: the id is how letters and colleagues refer to a ground. */
export function groundTitle(reference: ReferenceBundle | null, id: string, language: string): string {
  const ground = reference?.grounds.exclusion.find((g) => g.id === id);
  return ground ? `${id} — ${localized(ground.title, language)}` : id;
}

/**
 * The suggestion a decision is measured against. Choosing any suggested cause with the ground suggested
 * for it confirms that suggestion; a cause the diagnosis did not suggest overrides the top one.
 */
export function suggestionFor(diagnosis: DiagnosisResult | null, causeId: string): CauseSuggestion | null {
  if (!diagnosis) return null;
  return diagnosis.causes.find((c) => c.causeId === causeId) ?? diagnosis.causes[0] ?? null;
}

/** The saved decision is this suggestion as it was suggested. */
export function confirms(choice: DiagnosisChoice | undefined, suggestion: CauseSuggestion): boolean {
  return choice?.decision === 'confirmed' && choice.causeId === suggestion.causeId && choice.exclusionGround === suggestion.suggestedExclusionGround;
}
