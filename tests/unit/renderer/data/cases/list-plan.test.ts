import { describe, expect, it } from 'vitest';
import { generateCases } from '../../../../../shared/seed/generate';
import { bulkCreateCases } from '../../../../../renderer/src/data/cases/bulk.repo';
import { openCaseList, scanCases, statusCounts, type CaseQuery, type ListTuning } from '../../../../../renderer/src/data/cases/list-query.repo';
import { actor, freshDb, searchableCases, type SearchableCase } from '../../../support/db-fixtures';

// Small data (fake-indexeddb walks some cursors quadratically); tiny tuning values force every plan:
// rows read and sorted in memory, sort-index walks that start short and grow, several pages.
const TUNINGS: ListTuning[] = [
  { readRowsAtMost: 1000, narrowOnRowsAtMost: 150, firstWalk: 2000 },
  { readRowsAtMost: 0, narrowOnRowsAtMost: 0, firstWalk: 1 },
  { readRowsAtMost: 3, narrowOnRowsAtMost: 8, firstWalk: 4 },
  { readRowsAtMost: 10, narrowOnRowsAtMost: 2, firstWalk: 3 },
];

async function seeded() {
  const db = freshDb();
  await bulkCreateCases(generateCases(60, 11), actor, { now: new Date('2026-11-02T10:00:00Z') });
  return { db, all: await searchableCases(db) };
}

function oracle(all: SearchableCase[], query: CaseQuery): string[] {
  const hits = new Set(scanCases(all, query.text));
  return all
    .filter((r) => hits.has(r.id) && Object.entries(query.filters).every(([k, v]) => !v || r[k as keyof SearchableCase] === v))
    .sort((a, b) => {
      const x = a[query.sort];
      const y = b[query.sort];
      const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
      return query.direction === 'asc' ? order : -order;
    })
    .map((r) => r.id);
}

describe('list query plans', () => {
  it('give the oracle’s rows in the oracle’s order for every plan, sort, filter and page', async () => {
    const { all } = await seeded();
    const sample = all[0]!;
    // Without text the planner reads IndexedDB's indexes; with text (or by name) the in-memory index answers.
    const texts = ['', 'а', 'ж', sample.words[0]!.slice(0, 2), `${sample.summary.nameRu.split(' ')[0]} ${sample.summary.nameRu.split(' ')[1]}`, 'Ж Н'];
    const filters: CaseQuery['filters'][] = [{}, { region: 'г. Москва' }, { status: sample.status, region: sample.region }, { caseworker: sample.caseworker }];
    let checked = 0;
    for (const tuning of TUNINGS) {
      for (const text of texts) {
        for (const filter of filters) {
          for (const [sort, direction] of [['updatedAt', 'desc'], ['sortName', 'asc'], ['nextDeadline', 'asc'], ['createdAt', 'desc']] as const) {
            const query: CaseQuery = { text, filters: filter, sort, direction };
            const expected = oracle(all, query);
            const handle = await openCaseList(query, tuning);
            expect(handle.count, JSON.stringify(query)).toBe(expected.length);
            // Later pages first, then the start, then all at once: the walk serves them in any order.
            const pages = await Promise.all([handle.page(7, 5), handle.page(0, 7), handle.page(12, 100)]);
            expect([...pages[1], ...pages[0], ...pages[2]].map((r) => r.id), JSON.stringify({ query, tuning })).toEqual(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(TUNINGS.length * texts.length * filters.length * 4);
  });

  it('finds many hits of combined filters without reading every row', async () => {
    const { db, all } = await seeded();
    const sample = all[0]!;
    let rowsRead = 0;
    const bulkGet = db.cases.bulkGet.bind(db.cases);
    db.cases.bulkGet = ((keys: string[]) => {
      rowsRead += keys.length;
      return bulkGet(keys);
    }) as typeof db.cases.bulkGet;
    const query: CaseQuery = { text: '', filters: { missionId: sample.missionId, caseworker: sample.caseworker }, sort: 'updatedAt', direction: 'desc' };
    const handle = await openCaseList(query, { readRowsAtMost: 5, narrowOnRowsAtMost: 5, firstWalk: 4 });
    expect(handle.count).toBeGreaterThan(5);
    expect((await handle.page(0, 5)).map((r) => r.id)).toEqual(oracle(all, query).slice(0, 5));
    expect(rowsRead).toBe(5);
  });
});

describe('status counts', () => {
  it('count every case once under its status, whole or in slices, however the updates are spread in time', async () => {
    const { db, all } = await seeded();
    const statuses = [...new Set(all.map((r) => r.status)), 'none_such'];
    const expected = Object.fromEntries(statuses.map((s) => [s, all.filter((r) => r.status === s).length]));
    let slices = 0;
    const where = db.cases.where.bind(db.cases);
    db.cases.where = ((index: string) => {
      if (index === '[status+updatedAt]') slices++;
      return where(index);
    }) as typeof db.cases.where;
    expect(await statusCounts(statuses)).toEqual(expected);
    expect(slices).toBe(statuses.length);
    // A tiny time budget makes every count after the first one run in the most slices.
    slices = 0;
    expect(await statusCounts(statuses, 1e-9)).toEqual(expected);
    expect(slices).toBe(1 + (statuses.length - 1) * 24);
    // Equal update times put a slice boundary right on the data; an empty table has nothing to slice.
    await db.cases.toCollection().modify({ updatedAt: all[0]!.updatedAt });
    expect(await statusCounts(statuses, 1e-9)).toEqual(expected);
    freshDb();
    expect(await statusCounts(['intake', 'checking'], 1e-9)).toEqual({ intake: 0, checking: 0 });
  });
});
