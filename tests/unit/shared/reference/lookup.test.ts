import { describe, expect, it } from 'vitest';
import { citableLegalRefs, citation, missionForRegion, REGION_CODES, regionalAddressee, resolveRegion, RUSSIAN_REGIONS } from '../../../../shared/reference';
import { factoryBundle } from '../../support/reference-fixtures';

const bundle = factoryBundle();

describe('resolveRegion', () => {
  it('has a code for every federal subject of the suggestion list, one name per code', () => {
    expect(Object.values(REGION_CODES).sort()).toEqual([...RUSSIAN_REGIONS].sort());
    for (const region of RUSSIAN_REGIONS) expect(resolveRegion(region)).toBe(region);
  });

  it.each([
    ['77', 'г. Москва'],
    ['50', 'Московская область'],
    ['Москва', 'г. Москва'],
    ['г.Москва', 'г. Москва'],
    ['  санкт-петербург ', 'г. Санкт-Петербург'],
    ['Татарстан', 'Республика Татарстан'],
    ['Свердловская обл.', 'Свердловская область'],
    ['Кемеровская область', 'Кемеровская область — Кузбасс'],
    ['Ханты-Мансийский автономный округ - Югра', 'Ханты-Мансийский автономный округ — Югра'],
    ['Северная Осетия', 'Республика Северная Осетия — Алания'],
    ['Саха (Якутия)', 'Республика Саха (Якутия)'],
  ])('%s → %s', (input, name) => {
    expect(resolveRegion(input)).toBe(name);
  });

  it('returns null for what it cannot place', () => {
    expect(resolveRegion('99')).toBeNull();
    expect(resolveRegion('7')).toBeNull();
    expect(resolveRegion('Бишкек')).toBeNull();
  });
});

describe('missionForRegion / regionalAddressee', () => {
  it('finds the consular district with how sure the assignment is', () => {
    expect(missionForRegion(bundle.missions, '54')).toMatchObject({ mission: { id: 'cg-novosibirsk' }, verification: 'verified' });
    expect(missionForRegion(bundle.missions, 'Свердловская область')).toMatchObject({ mission: { id: 'cg-yekaterinburg' }, verification: 'unverified' });
    expect(missionForRegion(bundle.missions, 'Москва')?.mission.id).toBe('embassy-moscow');
    expect(missionForRegion(bundle.missions, 'Бишкек')).toBeNull();
  });

  it('finds the regional migration unit; St Petersburg and Leningrad region share one', () => {
    expect(regionalAddressee(bundle.addressees, '77')?.addresseeRu).toBe('Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве');
    expect(regionalAddressee(bundle.addressees, '47')?.id).toBe(regionalAddressee(bundle.addressees, 'Санкт-Петербург')?.id);
    expect(regionalAddressee(bundle.addressees, 'Бишкек')).toBeNull();
  });
});

describe('citations', () => {
  it('offers only verified legal references', () => {
    const citable = citableLegalRefs(bundle.legalRefs);
    expect(citable.length).toBeGreaterThan(0);
    expect(citable.every((r) => r.verification === 'verified')).toBe(true);
    expect(citation(bundle.legalRefs, '59fz-art12')?.article).toBe('ст. 12');
    expect(citation(bundle.legalRefs, 'eaeu-art97-p5')).toBeNull();
    expect(citation(bundle.legalRefs, 'no-such-ref')).toBeNull();
  });
});
