import { isValidIsoDate, validDateOrNull } from '../case/dates';
import { workCalendar } from '../deadlines/calendar';
import type { CaseFacts } from '../deadlines/facts';
import type { ReferenceBundle, RuleId } from '../reference/schema';
import { markEvidence } from './checklist';
import { aminaRule } from './rules/amina';
import { childWithParentsRule } from './rules/child';
import { departureRule } from './rules/departure';
import { documentReplacedRule } from './rules/document-replaced';
import { earlyTerminationRule } from './rules/early-termination';
import { employerNotificationRule } from './rules/employer-notification';
import { nameSpellingRule } from './rules/name-spelling';
import { registrationGapRule } from './rules/registration-gap';
import { confidenceRank, type CauseSuggestion, type DiagnosisResult, type Rule, type RuleContext } from './types';

/** The rule behind each rule id the reference data may attach to a cause. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  registration_gap: registrationGapRule,
  employer_notification: employerNotificationRule,
  early_termination: earlyTerminationRule,
  amina_deregistration: aminaRule,
  departure_not_recorded: departureRule,
  document_replaced: documentReplacedRule,
  name_spelling: nameSpellingRule,
  child_with_parents: childWithParentsRule,
};

/**
 * Likely causes of the listing, from the case facts and the reference data (domain §3.3–3.4, §10.0 step 3).
 * Each cause of the bundle with a rule is tried; a cause the rule finds is returned with the reasoning, the
 * exclusion ground the reference data suggests for it, its evidence checklist marked present or missing, and
 * the documents to generate. The caseworker confirms or overrides (see ./choice). Pure and deterministic.
 */
export function diagnose(facts: CaseFacts, bundle: ReferenceBundle, today: string): DiagnosisResult {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${JSON.stringify(today)}`);
  const ctx: RuleContext = { facts, calendar: workCalendar(bundle.calendar), today, learnedAt: validDateOrNull(facts.case.learnedAt) };
  const evidence = new Map(bundle.evidence.map((item) => [item.id, item]));
  const attachments = facts.attachments ?? [];

  const causes: CauseSuggestion[] = [];
  for (const cause of bundle.causes) {
    if (cause.rule === null) continue;
    const finding = RULES[cause.rule](ctx);
    if (!finding) continue;
    causes.push({
      causeId: cause.id,
      confidence: finding.confidence,
      reasoning: finding.reasoning,
      suggestedExclusionGround: cause.exclusionGround,
      checklist: cause.checklist.flatMap((id) => {
        const item = evidence.get(id);
        return item ? [markEvidence(item, facts, finding.focus, today, attachments)] : [];
      }),
      documents: [...cause.documents],
    });
  }
  // Array.prototype.sort is stable: equal confidence keeps the reference table's order.
  causes.sort((a, b) => confidenceRank(b.confidence) - confidenceRank(a.confidence));
  return { causes, referenceVersion: bundle.version };
}

/**
 * Evidence item ids of a cause's checklist that the case holds: as the diagnosis marked them when it suggests
 * this cause (narrowed to the records its finding is about), otherwise looked for across all records.
 */
export function presentEvidence(causeId: string, facts: CaseFacts, bundle: ReferenceBundle, today: string): string[] {
  const suggested = diagnose(facts, bundle, today).causes.find((c) => c.causeId === causeId);
  if (suggested) return suggested.checklist.filter((m) => m.present).map((m) => m.itemId);
  const cause = bundle.causes.find((c) => c.id === causeId);
  if (!cause) return [];
  const evidence = new Map(bundle.evidence.map((item) => [item.id, item]));
  return cause.checklist.filter((id) => {
    const item = evidence.get(id);
    return item ? markEvidence(item, facts, {}, today, facts.attachments ?? []).present : false;
  });
}
