import { describe, expect, it } from 'vitest';
import { facts, job, stay } from '../../support/deadline-fixtures';
import { cause, mark } from '../../support/diagnosis-fixtures';

const entered = stay('s1', '2025-01-10');

describe('R-2: no employer notification within 3 working days', () => {
  it('a late notification is a likely cause, counted in working days of the production calendar', () => {
    // Due 05.11.2025 (the working Saturday 01.11 counts); notified Friday 07.11 → 2 working days late.
    const s = cause(facts({ case: { learnedAt: '2025-12-01' }, person: { stays: [entered], employments: [job('e1', '2025-10-30', null, { employerNotifiedDate: '2025-11-07' })] } }), 'R-2', '2025-12-05');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-2' });
    expect(s?.reasoning).toEqual([
      { code: 'employer_notification_late', params: { employer: 'ООО «e1»', start: '30.10.2025', due: '05.11.2025', notified: '07.11.2025', workingDaysLate: 2 } },
    ]);
    expect(mark(s, 'employer_notification')).toMatchObject({ present: true, provenBy: 'field', detail: '07.11.2025' });
  });

  it('a missing notification date is medium (it may only be unknown)', () => {
    const s = cause(facts({ person: { stays: [entered], employments: [job('e1', '2025-03-03', null)] } }), 'R-2');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning).toEqual([{ code: 'employer_notification_missing', params: { employer: 'ООО «e1»', start: '03.03.2025', due: '06.03.2025' } }]);
    expect(mark(s, 'employer_notification')).toEqual({ itemId: 'employer_notification', present: false });
  });

  it('is not suggested when the notification was on time, or when the 3 working days are still running', () => {
    expect(cause(facts({ person: { employments: [job('e1', '2025-10-30', null, { employerNotifiedDate: '2025-11-05' })] } }), 'R-2', '2025-12-01')).toBeUndefined();
    // Started Tuesday 30.12.2025: due 14.01.2026 across the holidays; on 13.01 nothing is missing yet.
    expect(cause(facts({ person: { employments: [job('e1', '2025-12-30', null)] } }), 'R-2', '2026-01-13')).toBeUndefined();
    expect(cause(facts({ person: { employments: [job('e1', '2025-12-30', null)] } }), 'R-2', '2026-01-15')).toBeDefined();
  });

  it('a contract that began after the person learned of the listing cannot explain it: low', () => {
    expect(cause(facts({ case: { learnedAt: '2025-02-01' }, person: { employments: [job('e1', '2025-03-03', null)] } }), 'R-2')?.confidence).toBe('low');
  });

  it('takes the strongest of several contracts and focuses the evidence on the ones at fault', () => {
    const s = cause(
      facts({
        person: {
          employments: [job('ok', '2025-02-03', '2025-02-28', { employerNotifiedDate: '2025-02-04' }), job('late', '2025-03-03', null, { employerNotifiedDate: '2025-03-20' })],
        },
      }),
      'R-2',
    );
    expect(s?.confidence).toBe('high');
    expect(mark(s, 'contract')?.detail).toBe('ООО «late» № late/25');
  });
});
