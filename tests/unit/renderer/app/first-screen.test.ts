import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/case/dates';
import { changeStatus, createCase } from '../../../../renderer/src/data/cases/cases.repo';
import { preloadCaseList, takePreloadedFirstPage } from '../../../../renderer/src/data/cases/list-preload';
import { defaultQuery, firstRows, openCaseList, type CaseQuery } from '../../../../renderer/src/data/cases/list-query.repo';
import { saveCaseQuery } from '../../../../renderer/src/data/cases/saved-query';
import { localTodayIso } from '../../../../renderer/src/lib/date-time';
import { preloadQueue, saveStaleDays, takePreloadedQueue } from '../../../../renderer/src/features/queue/queue-preload';
import { workQueueRows } from '../../../../renderer/src/data/tracking/queue.repo';
import { addRequest } from '../../../../renderer/src/data/tracking/requests.repo';
import { actor, freshDb, intake, selectDb } from '../../support/db-fixtures';
import { useMemoryStorages } from '../../support/storage-fixtures';

async function seeded(n: number) {
  const db = freshDb();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const draft = intake({ number: String(1_000_000 + i), region: i % 3 === 0 ? 'г. Москва' : 'Свердловская область' });
    draft.case.learnedAt = '2025-05-15';
    const created = await createCase(draft, actor, { now: new Date(Date.UTC(2025, 5, 1, 9, i)) });
    if (!created.ok) throw new Error(JSON.stringify(created));
    ids.push(created.value.id);
  }
  return { db, ids };
}

useMemoryStorages();

describe("the case list's first page, read ahead of its count", () => {
  it('is the first page the opened list pages to, for every sort, direction and single filter', async () => {
    const { ids } = await seeded(12);
    await changeStatus(ids[4]!, 'checking', '', actor, new Date(Date.UTC(2025, 5, 3)));
    const queries: CaseQuery[] = [
      defaultQuery,
      { ...defaultQuery, direction: 'asc' },
      { ...defaultQuery, sort: 'createdAt' },
      { ...defaultQuery, sort: 'nextDeadline', direction: 'asc' },
      { ...defaultQuery, filters: { region: 'г. Москва' } },
      { ...defaultQuery, filters: { status: 'intake' }, sort: 'createdAt', direction: 'asc' },
    ];
    for (const query of queries) {
      const early = await firstRows(query, 5);
      const list = await openCaseList(query);
      expect(early?.map((r) => r.id), JSON.stringify(query)).toEqual((await list.page(0, 5)).map((r) => r.id));
    }
  });

  it('is not read for a search, for two filters or for the sort by name (those lists come from the search index)', async () => {
    await seeded(2);
    expect(firstRows({ ...defaultQuery, text: 'Жумагулов' }, 5)).toBeNull();
    expect(firstRows({ ...defaultQuery, filters: { region: 'г. Москва', status: 'intake' } }, 5)).toBeNull();
  });

  it('is preloaded for the query the list reopens on, handed out once, and only for that query and database', async () => {
    const { db } = await seeded(6);
    const query: CaseQuery = { ...defaultQuery, filters: { region: 'г. Москва' }, direction: 'asc' };
    saveCaseQuery(query);
    await preloadCaseList();
    const expected = (await (await openCaseList(query)).page(0, 100)).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(takePreloadedFirstPage(defaultQuery)).toBeUndefined();

    await preloadCaseList();
    freshDb();
    expect(takePreloadedFirstPage(query)).toBeUndefined();
    selectDb(db);

    await preloadCaseList();
    expect(takePreloadedFirstPage({ ...query })?.map((r) => r.id)).toEqual(expected);
    expect(takePreloadedFirstPage(query)).toBeUndefined();
  });
});

describe("the work queue's rows, read as the app starts", () => {
  it("are the queue's rows for today and the caseworker's stale setting, handed out once", async () => {
    const { ids } = await seeded(3);
    const today = localTodayIso();
    await addRequest(ids[0]!, { kind: 'mission_letter', addressee: 'МИД России', ourNumber: '', sentAt: addDays(today, -40) }, actor, new Date());
    saveStaleDays(30);
    await preloadQueue();
    expect(takePreloadedQueue(today, 14)).toBeUndefined();

    await preloadQueue();
    const rows = takePreloadedQueue(today, 30);
    expect(rows).toEqual(await workQueueRows(today, { staleDays: 30 }));
    expect(rows?.followUp.map((item) => item.row.id)).toEqual([ids[0]]);
    expect(takePreloadedQueue(today, 30)).toBeUndefined();
  });
});
