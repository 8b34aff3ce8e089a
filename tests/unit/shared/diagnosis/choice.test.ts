import { describe, expect, it } from 'vitest';
import { decisionOf, diagnosisChoiceSchema } from '../../../../shared/diagnosis';

const suggested = { causeId: 'R-1', exclusionGround: 'E-2', confidence: 'high' as const };
const base = { causeId: 'R-1', exclusionGround: 'E-2', decision: 'confirmed' as const, suggested, referenceVersion: 3, note: '', at: '2026-03-01T10:00:00+03:00' };

describe("the caseworker's choice", () => {
  it('is a confirmation only when cause and ground are the suggestion', () => {
    expect(decisionOf(suggested, { causeId: 'R-1', exclusionGround: 'E-2' })).toBe('confirmed');
    expect(decisionOf(suggested, { causeId: 'R-1', exclusionGround: 'E-ERROR' })).toBe('overridden');
    expect(decisionOf(suggested, { causeId: 'R-4', exclusionGround: 'E-2' })).toBe('overridden');
    expect(decisionOf(null, { causeId: 'R-4', exclusionGround: 'E-2' })).toBe('overridden');
  });

  it('stores the choice with the reference version and refuses a "confirmation" that changed something', () => {
    expect(diagnosisChoiceSchema.parse(base)).toEqual(base);
    expect(diagnosisChoiceSchema.safeParse({ ...base, exclusionGround: 'E-ERROR' }).success).toBe(false);
    expect(diagnosisChoiceSchema.safeParse({ ...base, suggested: null }).success).toBe(false);
    expect(diagnosisChoiceSchema.safeParse({ ...base, exclusionGround: 'E-ERROR', decision: 'overridden', note: 'документы в порядке' }).success).toBe(true);
    expect(diagnosisChoiceSchema.safeParse({ ...base, referenceVersion: 0 }).success).toBe(false);
  });
});
