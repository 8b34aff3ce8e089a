import { describe, expect, it } from 'vitest';
import { openCaseList, scanCases, type CaseQuery } from '../../../../../renderer/src/data/cases/list-query.repo';
import { changeStatus, createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake, searchableCases, type SearchableCase } from '../../../support/db-fixtures';

async function seeded() {
  const db = freshDb();
  const people: Parameters<typeof intake>[0][] = [
    { nameKy: ['Жумагулов', 'Бакыт', ''], nameRu: ['Жумагулов', 'Бакыт', ''], nameLat: ['ZHUMAGULOV', 'BAKYT', ''], pin: '21203199000123', series: 'AN', number: '1111111', region: 'г. Москва' },
    { nameKy: ['Үсөнов', 'Нурлан', ''], nameRu: ['Усенов', 'Нурлан', ''], nameLat: ['USONOV', 'NURLAN', ''], number: '2222222', region: 'Московская область' },
    { nameKy: ['Ыдырысов', 'Азамат', ''], nameRu: ['Ыдырысов', 'Азамат', ''], nameLat: ['YDYRYSOV', 'AZAMAT', ''], number: '3333333', region: 'г. Москва' },
    { nameKy: ['Эшимкулова', 'Айгүл', ''], nameRu: ['Эшимкулова', 'Айгуль', ''], nameLat: ['ESHIMKULOVA', 'AIGUL', ''], number: '4444444', region: 'Свердловская область' },
    { nameKy: ['Асанбек', 'Нурлан', 'уулу'], nameRu: ['Асанбек', 'Нурлан', 'уулу'], nameLat: ['ASANBEK UULU', 'NURLAN', ''], number: '5555555', region: 'г. Москва' },
  ];
  const ids: string[] = [];
  let minute = 0;
  for (const p of people) {
    const created = await createCase(intake(p), actor, { now: new Date(Date.UTC(2025, 5, 1, 9, minute++)) });
    if (!created.ok) throw new Error(JSON.stringify(created));
    ids.push(created.value.id);
  }
  await changeStatus(ids[1]!, 'checking', '', actor, new Date(Date.UTC(2025, 5, 2)));
  return { db, ids };
}

async function search(db: ReturnType<typeof freshDb>, text: string, extra: Partial<CaseQuery> = {}) {
  const handle = await openCaseList({ text, filters: {}, sort: 'updatedAt', direction: 'desc', ...extra });
  return (await handle.page(0, 100)).map((row) => row.summary.nameRu);
}

describe('case search and list', () => {
  it.each([
    ['Жумагулов', 'Жумагулов Бакыт'],
    ['Джумагулов', 'Жумагулов Бакыт'],
    ['Zhumagulov', 'Жумагулов Бакыт'],
    ['Jumagulov', 'Жумагулов Бакыт'],
    ['Dzhumagulov', 'Жумагулов Бакыт'],
    ['джума', 'Жумагулов Бакыт'],
    ['Үсөнов', 'Усенов Нурлан'],
    ['Усенов', 'Усенов Нурлан'],
    ['Usonov', 'Усенов Нурлан'],
    ['Üsönov', 'Усенов Нурлан'],
    ['Idirisov', 'Ыдырысов Азамат'],
    ['Ydyrysov', 'Ыдырысов Азамат'],
    ['Eshimkulova', 'Эшимкулова Айгуль'],
    ['Асанбек уулу Нурлан', 'Асанбек Нурлан уулу'],
    ['Нурлан Асанбек', 'Асанбек Нурлан уулу'],
    ['21203199000123', 'Жумагулов Бакыт'],
    ['2 1203 1990', 'Жумагулов Бакыт'],
    ['AN 1111111', 'Жумагулов Бакыт'],
    ['an-1111', 'Жумагулов Бакыт'],
    ['3333333', 'Ыдырысов Азамат'],
    ['АН 111-11-11', 'Жумагулов Бакыт'],
  ])('“%s” finds %s', async (text, expected) => {
    const { db } = await seeded();
    expect(await search(db, text)).toContain(expected);
  });

  it('intersects multi-word queries and finds by case number', async () => {
    const { db } = await seeded();
    expect(await search(db, 'Нурлан Усенов')).toEqual(['Усенов Нурлан']);
    expect(await search(db, 'КР-М-25-00003')).toEqual(['Ыдырысов Азамат']);
    expect(await search(db, 'Жумагулов Азамат')).toEqual([]);
  });

  it('filters and sorts through indexes with the same result as an in-memory oracle', async () => {
    const { db } = await seeded();
    const all = await searchableCases(db);
    const queries: CaseQuery[] = [
      { text: '', filters: {}, sort: 'sortName', direction: 'asc' },
      { text: '', filters: { region: 'г. Москва' }, sort: 'createdAt', direction: 'desc' },
      { text: '', filters: { region: 'г. Москва', status: 'intake' }, sort: 'sortName', direction: 'asc' },
      { text: 'нурлан', filters: { status: 'checking' }, sort: 'updatedAt', direction: 'desc' },
      { text: '', filters: { caseworker: actor.who }, sort: 'nextDeadline', direction: 'asc' },
    ];
    for (const query of queries) {
      const handle = await openCaseList(query);
      const got = (await handle.page(0, 100)).map((r) => r.id);
      const textHits = query.text ? new Set(scanCases(all, query.text)) : null;
      const expected = all
        .filter((r) => (!textHits || textHits.has(r.id)) && Object.entries(query.filters).every(([k, v]) => r[k as keyof SearchableCase] === v))
        .sort((a, b) => {
          const x = a[query.sort];
          const y = b[query.sort];
          const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
          return query.direction === 'asc' ? order : -order;
        })
        .map((r) => r.id);
      expect(handle.count, JSON.stringify(query)).toBe(expected.length);
      expect(got, JSON.stringify(query)).toEqual(expected);
    }
  });
});
