import { describe, expect, it } from 'vitest';
import { addresseeMatches, localized, verificationCounts } from '../../../../renderer/src/ui/reference-display';
import { factoryBundle } from '../../support/reference-fixtures';

describe('reference display helpers', () => {
  it('shows reference texts in the interface language, English falling back to Russian', () => {
    expect(localized({ ru: 'а', ky: 'б' }, 'ky')).toBe('б');
    expect(localized({ ru: 'а', ky: 'б' }, 'en')).toBe('а');
    expect(localized({ ru: 'а', ky: 'б', en: 'c' }, 'en')).toBe('c');
    expect(localized({ ru: 'а', ky: 'б', en: 'c' }, 'ru')).toBe('а');
  });

  it('counts what still waits for a check', () => {
    expect(verificationCounts([{ verification: 'verified' }, { verification: 'gap' }, { verification: 'unverified' }, { verification: 'gap' }])).toEqual({ total: 4, unverified: 1, gap: 2 });
  });

  it('filters addressees by words of the name or region, case- and ё-insensitively, and by what is unchecked', () => {
    const all = factoryBundle().addressees;
    const moscow = all.find((a) => a.id === 'uvm-77')!;
    expect(addresseeMatches(moscow, '', false)).toBe(true);
    expect(addresseeMatches(moscow, 'гу мвд  МОСКВЕ', false)).toBe(true);
    expect(addresseeMatches(moscow, 'москве адыгея', false)).toBe(false);
    expect(all.filter((a) => addresseeMatches(a, 'адыгея', false)).map((a) => a.id)).toEqual(['uvm-01']);
    // Verified entry, but its address is a gap: still something to check.
    expect(addresseeMatches(moscow, '', true)).toBe(true);
    expect(addresseeMatches({ ...moscow, address: 'г. Москва', addressVerification: 'verified' }, '', true)).toBe(false);
    expect(addresseeMatches({ ...moscow, nameRu: 'Отдел по Орлу' }, 'орёл', false)).toBe(false);
    expect(addresseeMatches({ ...moscow, nameRu: 'Отдел в Орёле' }, 'орел', false)).toBe(true);
  });
});
