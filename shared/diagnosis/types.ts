import type { CaseFacts } from '../deadlines/facts';
import type { WorkCalendar } from '../deadlines/calendar';
import type { TemplateId } from '../reference/schema';

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Why a cause is suggested, as codes the UI words in Russian, Kyrgyz and English: `t('diagnosis.reason.<code>', params)`.
 * Dates in params are dd.mm.yyyy. Params that are codes themselves are translated first:
 * `script` ('cyrillic' | 'latin'), `variantKind` ('transliteration' | 'patronymic_missing' | 'different_form')
 * and `purpose` (a stay purpose: 'work' | 'private' | 'study' | 'transit' | 'other', as in `cases.purpose.*`).
 */
export const REASON_CODES = [
  // registration gap inside the contract period
  'contract_period',
  'registration_free_days',
  'registration_gap',
  'gap_before_listing_known',
  'gap_after_listing_known',
  'no_entry_recorded',
  // employer's notification
  'employer_notification_missing',
  'employer_notification_late',
  // early termination
  'contract_terminated_early',
  'days_since_entry',
  'new_contract_window',
  'no_new_contract',
  'no_later_contract',
  'new_contract_late',
  'terminated_before_90_days',
  'contract_expired',
  // «Амина»
  'amina_deregistered',
  'amina_deregistered_before_listing_known',
  'amina_deregistered_after_listing_known',
  'amina_registration_ended',
  // departure not recorded
  'exit_not_recorded',
  'entry_without_recorded_exit',
  'purpose_not_work',
  'id_card_used',
  // replaced document
  'document_replaced',
  'entry_with_old_document',
  'check_listed_by_old_document',
  'check_clear_by_current_document',
  'check_listed_by_current_document',
  // spelling
  'spelling_variant',
  'ky_ru_forms_differ',
  'patronymic_uulu_kyzy',
  'kyrgyz_letters',
  'patronymic_only_missing',
  // child
  'person_minor',
  'person_possibly_minor',
  'parent_listed',
  'parent_listing_unknown',
  'parents_not_listed',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface ChecklistMark {
  /** Evidence item id (reference table `evidence`). */
  itemId: string;
  present: boolean;
  provenBy?: 'field' | 'attachment';
  /** What proves it: the attachment id, or the value found in the case (a number, dd.mm.yyyy dates …). */
  detail?: string;
}

export interface CauseSuggestion {
  causeId: string;
  confidence: Confidence;
  reasoning: Reason[];
  suggestedExclusionGround: string;
  checklist: ChecklistMark[];
  documents: TemplateId[];
}

export interface DiagnosisResult {
  /** Most confident first; equal confidence in the order of the reference table. */
  causes: CauseSuggestion[];
  /** Version of the reference data the diagnosis used; the case records it with the caseworker's choice. */
  referenceVersion: number;
}

/** The records a finding is about; evidence checks look at these (or at everything when a list is absent). */
export interface Focus {
  employmentIds?: string[];
  stayIds?: string[];
  documentIds?: string[];
}

export interface Finding {
  confidence: Confidence;
  reasoning: Reason[];
  focus: Focus;
}

export interface RuleContext {
  facts: CaseFacts;
  calendar: WorkCalendar;
  today: string;
  /** The day the person learned of the listing, when valid: events after it cannot explain the listing. */
  learnedAt: string | null;
}

export type Rule = (ctx: RuleContext) => Finding | null;

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export function strongest(levels: readonly Confidence[]): Confidence | null {
  return levels.reduce<Confidence | null>((best, c) => (best === null || RANK[c] > RANK[best] ? c : best), null);
}

export function confidenceRank(c: Confidence): number {
  return RANK[c];
}

export function reason(code: ReasonCode, params: Record<string, string | number> = {}): Reason {
  return { code, params };
}
