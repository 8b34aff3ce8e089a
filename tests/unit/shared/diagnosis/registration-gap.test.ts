import { describe, expect, it } from 'vitest';
import { facts, job, reg, stay } from '../../support/deadline-fixtures';
import { cause, codes, mark } from '../../support/diagnosis-fixtures';

const entered = stay('s1', '2025-01-10');
const contract = job('e1', '2025-01-20', '2025-12-31', { employerNotifiedDate: '2025-01-21' });

describe('R-1: registration gap inside the contract period', () => {
  it('finds the uncovered days and calls the gap before the listing became known a likely cause', () => {
    const s = cause(
      facts({ person: { stays: [entered], employments: [contract], registrations: [reg('r1', '2025-01-20', '2025-03-31'), reg('r2', '2025-05-01', '2025-12-31')] } }),
      'R-1',
    );
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-2' });
    expect(s?.reasoning).toEqual([
      { code: 'contract_period', params: { employer: 'ООО «e1»', from: '20.01.2025', to: '10.06.2025' } },
      { code: 'registration_free_days', params: { entryDate: '10.01.2025', until: '09.02.2025' } },
      { code: 'registration_gap', params: { from: '01.04.2025', to: '30.04.2025', days: 30 } },
      { code: 'gap_before_listing_known', params: { learnedAt: '01.06.2025' } },
    ]);
    expect(s?.documents).toContain('verbal_note_mfa');
  });

  it('is not suggested when registrations cover the whole contract', () => {
    expect(cause(facts({ person: { stays: [entered], employments: [contract], registrations: [reg('r1', '2025-01-20', '2025-12-31')] } }), 'R-1')).toBeUndefined();
  });

  it('leaves out the 30 registration-free days after entry', () => {
    const lateButAllowed = facts({ person: { stays: [entered], employments: [job('e1', '2025-01-12', null)], registrations: [reg('r1', '2025-02-09', '2025-12-31')] } });
    expect(cause(lateButAllowed, 'R-1')).toBeUndefined();
    const oneDayTooLate = facts({ person: { stays: [entered], employments: [job('e1', '2025-01-12', null)], registrations: [reg('r1', '2025-02-11', '2025-12-31')] } });
    expect(cause(oneDayTooLate, 'R-1')?.reasoning).toContainEqual({ code: 'registration_gap', params: { from: '10.02.2025', to: '10.02.2025', days: 1 } });
  });

  it('does not count days the person spent outside Russia, and a new entry brings new free days', () => {
    const away = facts({
      person: {
        stays: [stay('s1', '2025-01-10', { exitDate: '2025-03-01', exitRecorded: true }), stay('s2', '2025-04-01')],
        employments: [job('e1', '2025-01-12', '2025-12-31')],
        registrations: [reg('r1', '2025-01-20', '2025-03-01'), reg('r2', '2025-04-25', '2025-12-31')],
      },
    });
    expect(cause(away, 'R-1')).toBeUndefined();
  });

  it('a gap that started only after the person learned of the listing is low', () => {
    const s = cause(
      facts({ case: { learnedAt: '2025-03-01' }, person: { stays: [entered], employments: [contract], registrations: [reg('r1', '2025-01-20', '2025-03-31'), reg('r2', '2025-05-01', '2025-12-31')] } }),
      'R-1',
    );
    expect(s?.confidence).toBe('low');
    expect(codes(s)).toContain('gap_after_listing_known');
  });

  it('without a recorded entry counts the whole contract and says so', () => {
    const s = cause(facts({ person: { employments: [job('e1', '2025-03-01', '2025-05-31')] } }), 'R-1');
    expect(s?.reasoning.slice(0, 3)).toEqual([
      { code: 'contract_period', params: { employer: 'ООО «e1»', from: '01.03.2025', to: '31.05.2025' } },
      { code: 'no_entry_recorded', params: {} },
      { code: 'registration_gap', params: { from: '01.03.2025', to: '31.05.2025', days: 92 } },
    ]);
  });

  it('is not suggested without a contract', () => {
    expect(cause(facts({ person: { stays: [entered] } }), 'R-1')).toBeUndefined();
  });

  it('marks the evidence: fields that prove it, what is missing, attachments first', () => {
    const base = { stays: [entered], employments: [contract], registrations: [reg('r1', '2025-01-20', '2025-03-31')] };
    const s = cause(facts({ person: base }), 'R-1');
    expect(s?.checklist.map((m) => m.itemId)).toEqual([
      'id_current',
      'migration_card',
      'contract',
      'employer_notification',
      'registration_coupons',
      'registration_full_period',
      'dactyloscopy',
      'register_check',
    ]);
    expect(mark(s, 'contract')).toEqual({ itemId: 'contract', present: true, provenBy: 'field', detail: 'ООО «e1» № e1/25' });
    expect(mark(s, 'employer_notification')).toEqual({ itemId: 'employer_notification', present: true, provenBy: 'field', detail: '21.01.2025' });
    expect(mark(s, 'migration_card')).toEqual({ itemId: 'migration_card', present: true, provenBy: 'field', detail: '4617 1234567' });
    expect(mark(s, 'registration_full_period')).toEqual({ itemId: 'registration_full_period', present: false });
    expect(mark(s, 'dactyloscopy')).toEqual({ itemId: 'dactyloscopy', present: false });
    expect(mark(s, 'id_current')).toEqual({ itemId: 'id_current', present: false });

    const attached = cause(facts({ person: base, attachments: [{ id: 'f1', checklistItemId: 'dactyloscopy' }, { id: 'f2', checklistItemId: 'contract' }, { id: 'f3' }] }), 'R-1');
    expect(mark(attached, 'dactyloscopy')).toEqual({ itemId: 'dactyloscopy', present: true, provenBy: 'attachment', detail: 'f1' });
    expect(mark(attached, 'contract')).toEqual({ itemId: 'contract', present: true, provenBy: 'attachment', detail: 'f2' });
  });
});
