import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import { decisionOf, diagnosisChoiceSchema, type DiagnosisChoice } from '../../../../shared/diagnosis/choice';
import type { CauseSuggestion } from '../../../../shared/diagnosis/types';
import { parseForIssues, toFieldIssues } from '../../../../shared/validation/issues';
import { followWork, type Actor } from '../cases/cases.repo';
import { trackingTables } from './tracking-input.repo';
import type { RepoResult } from './requests.repo';

/**
 * Stores the caseworker's decision on the diagnosis with the reference version it was made under:
 * `confirmed` when it is the top suggestion, `overridden` otherwise. Audited before → after.
 */
export async function saveDiagnosisChoice(
  caseId: string,
  chosen: { causeId: string; exclusionGround: string; note: string },
  suggestion: Pick<CauseSuggestion, 'causeId' | 'suggestedExclusionGround' | 'confidence'> | null,
  referenceVersion: number,
  actor: Actor,
  now = new Date(),
): Promise<RepoResult<DiagnosisChoice>> {
  const suggested = suggestion && suggestion.suggestedExclusionGround ? { causeId: suggestion.causeId, exclusionGround: suggestion.suggestedExclusionGround, confidence: suggestion.confidence } : null;
  const candidate = {
    causeId: chosen.causeId,
    exclusionGround: chosen.exclusionGround,
    decision: decisionOf(suggested, chosen),
    suggested,
    referenceVersion,
    note: chosen.note,
    at: now.toISOString(),
  };
  const parsed = parseForIssues(diagnosisChoiceSchema, candidate);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  await db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    const row = await db().cases.get(caseId);
    if (!row) throw new Error(`No case ${caseId}`);
    await db().cases.put({ ...row, diagnosis: parsed.data, updatedAt: parsed.data.at });
    await writeAudit({
      at: parsed.data.at,
      who: actor.who,
      caseId,
      entity: 'case',
      entityId: caseId,
      action: 'diagnosis',
      changes: [{ field: 'case.diagnosis', before: row.diagnosis ?? null, after: parsed.data }],
      note: parsed.data.note,
    });
    await followWork(caseId, 'diagnosis_confirmed', actor, now);
  });
  return { ok: true, value: parsed.data };
}
