import { describe, expect, it } from 'vitest';
import { facts, reg } from '../../support/deadline-fixtures';
import { cause, mark } from '../../support/diagnosis-fixtures';

const amina = (more: object) => ({ registered: true, cardNumber: '77 1234567', registeredDate: '2025-09-05', deregisteredDate: undefined, ...more });

describe('R-5: «Амина» deregistration', () => {
  it('deregistered before the person learned of the listing: high', () => {
    const s = cause(facts({ person: { amina: amina({ deregisteredDate: '2025-10-20', deregistrationReason: 'нет геоданных' }) }, case: { learnedAt: '2025-11-02' } }), 'R-5', '2025-11-10');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-2' });
    expect(s?.reasoning).toEqual([
      { code: 'amina_deregistered', params: { date: '20.10.2025', reason: 'нет геоданных' } },
      { code: 'amina_deregistered_before_listing_known', params: { learnedAt: '02.11.2025' } },
    ]);
    expect(mark(s, 'amina_card')).toEqual({ itemId: 'amina_card', present: true, provenBy: 'field', detail: '77 1234567' });
    expect(mark(s, 'amina_deregistration')).toMatchObject({ present: true, detail: '20.10.2025' });
    expect(mark(s, 'amina_geodata')).toEqual({ itemId: 'amina_geodata', present: false });
  });

  it('deregistered only after the listing became known: low', () => {
    const s = cause(facts({ person: { amina: amina({ deregisteredDate: '2025-11-05' }) }, case: { learnedAt: '2025-11-02' } }), 'R-5', '2025-11-10');
    expect(s?.confidence).toBe('low');
    expect(s?.reasoning[1]?.code).toBe('amina_deregistered_after_listing_known');
  });

  it('a registration made through «Амина» that ended with nothing after it: medium', () => {
    const ended = facts({ person: { registrations: [reg('r1', '2025-09-05', '2025-10-20', { how: 'amina' })] } });
    expect(cause(ended, 'R-5', '2025-11-10')).toMatchObject({ confidence: 'medium', reasoning: [{ code: 'amina_registration_ended', params: { to: '20.10.2025' } }] });
  });

  it('is not suggested when «Амина» is fine or a later registration followed', () => {
    expect(cause(facts({ person: { amina: amina({}) } }), 'R-5', '2025-11-10')).toBeUndefined();
    const followed = facts({ person: { registrations: [reg('r1', '2025-09-05', '2025-10-20', { how: 'amina' }), reg('r2', '2025-10-21', '2026-10-20')] } });
    expect(cause(followed, 'R-5', '2025-11-10')).toBeUndefined();
    expect(cause(facts({ person: { registrations: [reg('r1', '2025-09-05', '2026-09-04', { how: 'amina' })] } }), 'R-5', '2025-11-10')).toBeUndefined();
  });
});
