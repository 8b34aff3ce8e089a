import { describe, expect, it } from 'vitest';
import { facts, job, stay } from '../../support/deadline-fixtures';
import { cause, codes, mark } from '../../support/diagnosis-fixtures';

const entered = stay('s1', '2025-01-10');
const terminated = job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-05-20', employerNotifiedDate: '2025-01-21' });

describe('R-3: a contract ended early and no new one within 15 days', () => {
  it('90+ days after entry and no new contract by the end of the 15 days: high', () => {
    const s = cause(facts({ person: { stays: [entered], employments: [terminated] } }), 'R-3');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-2' });
    expect(s?.reasoning).toEqual([
      { code: 'contract_terminated_early', params: { employer: 'ООО «e1»', date: '20.05.2025' } },
      { code: 'days_since_entry', params: { entryDate: '10.01.2025', days: 130 } },
      { code: 'new_contract_window', params: { from: '21.05.2025', to: '04.06.2025' } },
      { code: 'no_new_contract', params: { until: '04.06.2025' } },
    ]);
    expect(mark(s, 'termination_proof')).toMatchObject({ present: true, provenBy: 'field', detail: '20.05.2025' });
    expect(mark(s, 'new_contract')).toEqual({ itemId: 'new_contract', present: false });
  });

  it('a new contract signed too late: high, with the delay', () => {
    const s = cause(facts({ person: { stays: [entered], employments: [terminated, job('e2', '2025-06-09', null)] } }), 'R-3');
    expect(s?.confidence).toBe('high');
    expect(s?.reasoning.at(-1)).toEqual({ code: 'new_contract_late', params: { employer: 'ООО «e2»', start: '09.06.2025', daysLate: 5 } });
    expect(mark(s, 'new_contract')).toMatchObject({ present: true, detail: '09.06.2025' });
  });

  it('is not suggested with a new contract within 15 days, while the 15 days still run, or after leaving in time', () => {
    expect(cause(facts({ person: { stays: [entered], employments: [terminated, job('e2', '2025-06-04', null)] } }), 'R-3')).toBeUndefined();
    expect(cause(facts({ person: { stays: [entered], employments: [terminated] } }), 'R-3', '2025-06-04')).toBeUndefined();
    const left = stay('s1', '2025-01-10', { exitDate: '2025-05-30', exitRecorded: true });
    expect(cause(facts({ person: { stays: [left], employments: [terminated] } }), 'R-3')).toBeUndefined();
  });

  it('before day 90 the 15-day right does not apply: medium when no contract followed at all', () => {
    const early = job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-03-01' });
    const s = cause(facts({ person: { stays: [entered], employments: [early] } }), 'R-3');
    expect(s?.confidence).toBe('medium');
    expect(codes(s)).toEqual(['contract_terminated_early', 'days_since_entry', 'terminated_before_90_days', 'no_later_contract']);
    expect(s?.reasoning[2]).toEqual({ code: 'terminated_before_90_days', params: { entryDate: '10.01.2025', days: 50 } });
    expect(cause(facts({ person: { stays: [entered], employments: [early, job('e2', '2025-04-20', null)] } }), 'R-3')).toBeUndefined();
  });

  it('without a recorded entry assumes the 15-day rule, at medium confidence', () => {
    const s = cause(facts({ person: { employments: [terminated] } }), 'R-3');
    expect(s?.confidence).toBe('medium');
    expect(codes(s)).toEqual(['contract_terminated_early', 'no_entry_recorded', 'new_contract_window', 'no_new_contract']);
  });

  it('a fixed-term contract that simply expired before the listing, with nothing after it: low', () => {
    const s = cause(facts({ person: { stays: [entered], employments: [job('e1', '2025-01-20', '2025-04-30')] } }), 'R-3');
    expect(s?.confidence).toBe('low');
    expect(s?.reasoning).toEqual([
      { code: 'contract_expired', params: { employer: 'ООО «e1»', date: '30.04.2025' } },
      { code: 'no_later_contract', params: {} },
    ]);
    expect(cause(facts({ person: { stays: [entered], employments: [job('e1', '2025-01-20', '2025-04-30'), job('e2', '2025-05-15', null)] } }), 'R-3')).toBeUndefined();
    expect(cause(facts({ person: { stays: [entered], employments: [job('e1', '2025-01-20', '2025-07-31')] } }), 'R-3')).toBeUndefined();
  });
});
