import { describe, expect, it } from 'vitest';
import { filterValues, matchesFilterText } from '../../../../../renderer/src/data/cases/filter-values.repo';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

describe('filter values from the data', () => {
  it('lists each region present once, sorted, whatever the number of cases', async () => {
    freshDb();
    const regions = ['г. Москва', 'Московская область', 'г. Москва', 'Свердловская область', 'г. Москва'];
    let minute = 0;
    for (const region of regions) {
      const created = await createCase(intake({ region }), actor, { now: new Date(Date.UTC(2026, 0, 5, 9, minute++)) });
      if (!created.ok) throw new Error(JSON.stringify(created));
    }
    expect(await filterValues('region')).toEqual(['г. Москва', 'Московская область', 'Свердловская область']);
    expect(await filterValues('caseworker')).toHaveLength(1);
  });

  it('matches partial text in any case, ё as е', () => {
    expect(matchesFilterText('г. Москва', 'Москва')).toBe(true);
    expect(matchesFilterText('г. Москва', 'москва')).toBe(true);
    expect(matchesFilterText('Московская область', 'москва')).toBe(false);
    expect(matchesFilterText('Королёв', 'королев')).toBe(true);
    expect(matchesFilterText('Свердловская область', '')).toBe(true);
  });
});
