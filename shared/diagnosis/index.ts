export * from './types';
export { diagnose, RULES } from './diagnose';
export { evaluateField, markEvidence } from './checklist';
export { contractRegistrationGaps, stayWindows } from './contract-gaps';
export { diagnosisChoiceSchema, decisionOf, type DiagnosisChoice } from './choice';
export { variantKind, type Script, type VariantKind } from './rules/name-spelling';
export { MAJORITY_AGE } from './rules/child';
