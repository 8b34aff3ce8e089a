import { describe, expect, it } from 'vitest';
import { doc, facts, stay } from '../../support/deadline-fixtures';
import { cause, mark } from '../../support/diagnosis-fixtures';

const oldPassport = doc('d0', { series: 'AN', number: '7654321', issueDate: '2015-03-01', expiryDate: '2025-02-28', status: 'replaced', usedForEntry: false });
const newPassport = doc('d1', { series: 'AC', number: '1234567', issueDate: '2025-02-10', expiryDate: '2035-02-09' });

describe('R-7: a passport replaced, the old number still flagged', () => {
  it('a check by the old document shows the listing: high, claim correction of the record', () => {
    const s = cause(
      facts({
        person: { documents: [oldPassport, newPassport] },
        registerChecks: [
          { at: '2025-05-20T10:00:00+03:00', listed: true, documentId: 'd0' },
          { at: '2025-05-20T10:05:00+03:00', listed: false, documentId: 'd1' },
        ],
      }),
      'R-7',
    );
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-ERROR' });
    expect(s?.reasoning).toEqual([
      { code: 'document_replaced', params: { oldNumber: 'AN7654321', newNumber: 'AC1234567', newIssueDate: '10.02.2025' } },
      { code: 'check_listed_by_old_document', params: { oldNumber: 'AN7654321', date: '20.05.2025' } },
      { code: 'check_clear_by_current_document', params: { number: 'AC1234567', date: '20.05.2025' } },
    ]);
    expect(mark(s, 'id_previous')).toEqual({ itemId: 'id_previous', present: true, provenBy: 'field', detail: 'AN7654321' });
    expect(mark(s, 'register_check_each_document')).toMatchObject({ present: true });
    expect(s?.documents).toContain('name_spelling_certificate');
  });

  it('the current document listed as well is evidence against: high becomes medium, with the reason shown', () => {
    const s = cause(
      facts({
        person: { documents: [oldPassport, newPassport] },
        registerChecks: [
          { at: '2025-05-20T10:00:00+03:00', listed: true, documentId: 'd0' },
          { at: '2025-05-20T10:05:00+03:00', listed: true, documentId: 'd1' },
        ],
      }),
      'R-7',
    );
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning).toContainEqual({ code: 'check_listed_by_current_document', params: { number: 'AC1234567', date: '20.05.2025' } });
    const weak = cause(facts({ person: { documents: [oldPassport, newPassport] }, registerChecks: [{ at: '2025-05-20', listed: true, documentId: 'd1' }] }), 'R-7');
    expect(weak?.confidence).toBe('low');
  });

  it('the old document was used to enter Russia: medium', () => {
    const s = cause(facts({ person: { documents: [oldPassport, newPassport], stays: [stay('s1', '2024-10-01', { documentId: 'd0' })] } }), 'R-7');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning[1]).toEqual({ code: 'entry_with_old_document', params: { entryDate: '01.10.2024', oldNumber: 'AN7654321' } });
    expect(mark(s, 'entry_record')).toMatchObject({ present: true, detail: '01.10.2024' });
    expect(mark(s, 'register_check_each_document')).toEqual({ itemId: 'register_check_each_document', present: false });
    expect(cause(facts({ person: { documents: [{ ...oldPassport, usedForEntry: true }, newPassport] } }), 'R-7')?.confidence).toBe('medium');
  });

  it('a replaced document alone: low; a lost one counts too', () => {
    expect(cause(facts({ person: { documents: [oldPassport, newPassport] } }), 'R-7')?.confidence).toBe('low');
    expect(cause(facts({ person: { documents: [{ ...oldPassport, status: 'lost' }, newPassport] } }), 'R-7')?.confidence).toBe('low');
  });

  it('is not suggested when no document was replaced, even if a check shows the listing', () => {
    expect(cause(facts({ person: { documents: [newPassport] }, registerChecks: [{ at: '2025-05-20', listed: true, documentId: 'd1' }] }), 'R-7')).toBeUndefined();
  });
});
