import { describe, expect, it } from 'vitest';
import { facts } from '../../support/deadline-fixtures';
import { cause, codes, mark } from '../../support/diagnosis-fixtures';

const child = { birthDate: { year: 2010, month: 5, day: 1 } };

describe('R-11: a child listed with the parents', () => {
  it('a minor with a listed parent: high', () => {
    const s = cause(facts({ person: child, parents: [{ name: 'Асанова Айгүл', listed: true }, { name: 'Асанов Бакыт', listed: null }] }), 'R-11');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-2' });
    expect(s?.reasoning).toEqual([
      { code: 'person_minor', params: { age: 15, birthDate: '01.05.2010' } },
      { code: 'parent_listed', params: { name: 'Асанова Айгүл' } },
    ]);
    expect(mark(s, 'parent_status')).toMatchObject({ present: true, provenBy: 'field' });
    expect(mark(s, 'birth_certificate')).toEqual({ itemId: 'birth_certificate', present: false });
  });

  it('a minor whose parents are not listed (any more) or not known: medium', () => {
    expect(codes(cause(facts({ person: child, parents: [{ listed: false }] }), 'R-11'))).toEqual(['person_minor', 'parents_not_listed']);
    const unknown = cause(facts({ person: child }), 'R-11');
    expect(unknown?.confidence).toBe('medium');
    expect(codes(unknown)).toEqual(['person_minor', 'parent_listing_unknown']);
    expect(mark(unknown, 'parent_status')).toEqual({ itemId: 'parent_status', present: false });
  });

  it('takes the age on the day the listing became known: 18 the day after is still a child here', () => {
    expect(cause(facts({ person: { birthDate: { year: 2007, month: 6, day: 2 } }, case: { learnedAt: '2025-06-01' } }), 'R-11')?.reasoning[0]).toEqual({
      code: 'person_minor',
      params: { age: 17, birthDate: '02.06.2007' },
    });
    expect(cause(facts({ person: { birthDate: { year: 2007, month: 6, day: 1 } }, case: { learnedAt: '2025-06-01' } }), 'R-11')).toBeUndefined();
  });

  it('a birth year alone that may or may not make a minor: low', () => {
    const s = cause(facts({ person: { birthDate: { year: 2007 } } }), 'R-11');
    expect(s?.confidence).toBe('low');
    expect(s?.reasoning[0]).toEqual({ code: 'person_possibly_minor', params: { birthDate: '2007' } });
  });

  it('is not suggested for an adult or an unknown birth date', () => {
    expect(cause(facts({ person: { birthDate: { year: 1990, month: 3, day: 12 } }, parents: [{ listed: true }] }), 'R-11')).toBeUndefined();
    expect(cause(facts({ parents: [{ listed: true }] }), 'R-11')).toBeUndefined();
  });
});
