import { describe, expect, it } from 'vitest';
import { doc, facts, job, stay } from '../../support/deadline-fixtures';
import { cause, codes, mark } from '../../support/diagnosis-fixtures';

describe('R-6: a departure not recorded', () => {
  it('an exit the border data did not record: high, claim departure (E-1)', () => {
    const s = cause(facts({ person: { stays: [stay('s1', '2024-11-01', { exitDate: '2025-03-15', exitRecorded: false })] } }), 'R-6');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-1' });
    expect(s?.reasoning).toEqual([{ code: 'exit_not_recorded', params: { entryDate: '01.11.2024', exitDate: '15.03.2025' } }]);
    expect(mark(s, 'exit_proof')).toEqual({ itemId: 'exit_proof', present: true, provenBy: 'field', detail: '15.03.2025' });
  });

  it('a later entry with no exit before it: medium', () => {
    const s = cause(facts({ person: { stays: [stay('s1', '2024-06-01'), stay('s2', '2025-02-01')] } }), 'R-6');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning).toEqual([{ code: 'entry_without_recorded_exit', params: { entryDate: '01.06.2024', nextEntryDate: '01.02.2025' } }]);
    expect(mark(s, 'exit_proof')).toEqual({ itemId: 'exit_proof', present: false });
  });

  it('a purpose other than work on the migration card of a stay with a contract: medium', () => {
    const s = cause(facts({ person: { stays: [stay('s1', '2025-01-10', { purpose: 'private' })], employments: [job('e1', '2025-01-20', null)] } }), 'R-6');
    expect(s).toMatchObject({ confidence: 'medium', reasoning: [{ code: 'purpose_not_work', params: { entryDate: '10.01.2025', purpose: 'private' } }] });
    expect(mark(s, 'migration_card')).toMatchObject({ present: true });
    expect(cause(facts({ person: { stays: [stay('s1', '2025-01-10', { purpose: 'private' })] } }), 'R-6')).toBeUndefined();
  });

  it('adds that an ID card was used for a flagged stay', () => {
    const s = cause(
      facts({ person: { documents: [doc('d1', { type: 'id_card_2017', series: 'ID' })], stays: [stay('s1', '2024-11-01', { documentId: 'd1', exitDate: '2025-03-15' })] } }),
      'R-6',
    );
    expect(codes(s)).toEqual(['exit_not_recorded', 'id_card_used']);
  });

  it('is not suggested when exits are recorded and the purpose is work', () => {
    const clean = facts({
      person: { stays: [stay('s1', '2024-06-01', { exitDate: '2024-12-20', exitRecorded: true }), stay('s2', '2025-02-01')], employments: [job('e1', '2025-02-05', null)] },
    });
    expect(cause(clean, 'R-6')).toBeUndefined();
  });
});
