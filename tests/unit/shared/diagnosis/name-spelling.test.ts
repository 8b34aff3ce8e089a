import { describe, expect, it } from 'vitest';
import { variantKind } from '../../../../shared/diagnosis';
import { facts } from '../../support/deadline-fixtures';
import { cause, codes, mark } from '../../support/diagnosis-fixtures';

const names = (ru: [string, string, string], lat: [string, string, string], ky: [string, string, string] = ru) => ({
  nameRu: { surname: ru[0], givenName: ru[1], patronymic: ru[2] },
  nameLat: { surname: lat[0], givenName: lat[1], patronymic: lat[2] },
  nameKy: { surname: ky[0], givenName: ky[1], patronymic: ky[2] },
});
const bakyt = names(['Жумагулов', 'Бакыт', ''], ['ZHUMAGULOV', 'BAKYT', '']);

describe('R-8: the name spelled differently across documents', () => {
  it('a Cyrillic variant means Russian records disagree: high', () => {
    const s = cause(facts({ person: { ...bakyt, otherSpellings: ['Джумагулов Бакыт'] } }), 'R-8');
    expect(s).toMatchObject({ confidence: 'high', suggestedExclusionGround: 'E-ERROR' });
    expect(s?.reasoning).toEqual([
      { code: 'spelling_variant', params: { script: 'cyrillic', reference: 'Жумагулов Бакыт', variant: 'Джумагулов Бакыт', variantKind: 'transliteration' } },
    ]);
    expect(mark(s, 'spelling_variants')).toEqual({ itemId: 'spelling_variants', present: true, provenBy: 'field', detail: 'Джумагулов Бакыт' });
    expect(s?.documents).toContain('name_spelling_certificate');
  });

  it('a dropped patronymic alone is how Russian records write names: medium, not high, and says why', () => {
    const s = cause(facts({ person: { ...names(['Асанов', 'Бакыт', 'Усенович'], ['ASANOV', 'BAKYT', ''], ['Асанов', 'Бакыт', 'Усенович']), otherSpellings: ['Асанов Бакыт'] } }), 'R-8');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning).toContainEqual({ code: 'patronymic_only_missing', params: {} });
  });

  it('only Latin variants: medium', () => {
    const s = cause(facts({ person: { ...bakyt, otherSpellings: ['JUMAGULOV BAKIT'] } }), 'R-8');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning[0]?.params).toMatchObject({ script: 'latin', variantKind: 'transliteration' });
  });

  it('a Kyrgyz form that is more than the Russian one in other letters: medium, with the supporting signs', () => {
    const s = cause(facts({ person: { ...names(['Жумагулов', 'Бакыт', ''], ['ZHUMAGUL UULU', 'BAKYT', ''], ['Жумагул уулу', 'Бакыт', '']), patronymicForm: 'uulu_kyzy' } }), 'R-8');
    expect(s?.confidence).toBe('medium');
    expect(s?.reasoning).toEqual([
      { code: 'ky_ru_forms_differ', params: { ky: 'Жумагул уулу Бакыт', ru: 'Жумагулов Бакыт' } },
      { code: 'patronymic_uulu_kyzy', params: {} },
    ]);
  });

  it('names the Kyrgyz letters Russian records cannot hold', () => {
    const s = cause(facts({ person: { ...names(['Усенов', 'Нурлан', ''], ['USONOV', 'NURLAN', ''], ['Үсөнов', 'Нурлан', '']), otherSpellings: ['Усёнов Нурлан', 'Усонов Нурлан'] } }), 'R-8');
    expect(codes(s)).toEqual(['spelling_variant', 'kyrgyz_letters']);
    expect(s?.reasoning[1]?.params).toEqual({ letters: 'ү, ө' });
  });

  it('is not suggested for the same spelling in another order or case, or when Kyrgyz and Russian differ only in letters', () => {
    const same = facts({ person: { ...names(['Асанов', 'Бакыт', 'Усенович'], ['ASANOV', 'BAKYT', 'USENOVICH'], ['Асанов', 'Бакыт', 'Үсөнович']), otherSpellings: ['бакыт асанов усенович', 'BAKYT ASANOV USENOVICH'] } });
    expect(cause(same, 'R-8')).toBeUndefined();
    expect(cause(facts({ person: bakyt }), 'R-8')).toBeUndefined();
  });
});

describe('variantKind', () => {
  it.each([
    ['Асанов Бакыт Усенович', 'Асанов Бакыт', 'Усенович', 'patronymic_missing'],
    ['Асанов Бакыт Усенович', 'Асанов Бакит Усенович', 'Усенович', 'transliteration'],
    ['Жумагулов Бакыт', 'Жумагул уулу Бакыт', '', 'different_form'],
    ['Асанов Бакыт Усенович', 'Асанов Нурлан Усенович', 'Усенович', 'different_form'],
    ['Асанов Бакыт', 'Бакыт Асанов', '', null],
    ['Семёнов Петр', 'СЕМЕНОВ ПЕТР', '', null],
  ])('%s vs %s → %s', (reference, variant, patronymic, kind) => {
    expect(variantKind(reference, variant, patronymic)).toBe(kind);
  });
});
