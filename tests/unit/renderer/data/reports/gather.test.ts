import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb, NO_DEADLINE, type CaseRow } from '../../../../../renderer/src/data/schema';
import { FactsStore, loadReportFacts } from '../../../../../renderer/src/data/reports/report-facts.repo';
import { selectDb } from '../../../support/db-fixtures';
import { computeReport } from '../../../../../shared/reports/compute';

let n = 0;
const freshDb = () => selectDb(new AryzDb(`reports-gather-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange }));

/** The fields the report reads, plus what the table's indexes need; the rest of a case does not matter here. */
function row(i: number): CaseRow {
  const at = `2025-0${1 + (i % 3)}-15T09:00:00.000Z`;
  const excluded = i % 4 === 0;
  return {
    id: `case-${String(i).padStart(5, '0')}`,
    number: `КР-25-${String(i).padStart(5, '0')}`,
    personId: `p-${i}`,
    missionId: 'm1',
    caseworker: i % 2 ? 'Иванов' : 'Петрова',
    region: 'г. Москва',
    status: excluded ? 'excluded' : 'intake',
    statusHistory: [{ status: 'intake', at, note: '' }, ...(excluded ? [{ status: 'excluded' as const, at: '2025-03-20T09:00:00.000Z', note: '' }] : [])],
    createdAt: at,
    updatedAt: at,
    nextDeadline: NO_DEADLINE,
    nextDeadlineClock: null,
    nextCheck: NO_DEADLINE,
    ...(i === 7 ? { diagnosis: { causeId: 'R-2' } } : {}),
  } as unknown as CaseRow;
}

describe('loadReportFacts', () => {
  it('reads every case in chunks, reporting progress, into facts the report counts', async () => {
    const db = freshDb();
    const total = 4500; // more than one chunk
    await db.cases.bulkAdd(Array.from({ length: total }, (_, i) => row(i)));
    const progress: Array<[number, number]> = [];
    const facts = await loadReportFacts((done, all) => progress.push([done, all]));
    expect(facts).toHaveLength(total);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(2);
    expect(facts.filter((f) => f.causeId === 'R-2')).toHaveLength(1);

    const report = computeReport(facts, { from: '2025-01', to: '2025-03' });
    expect(report.totals.opened).toBe(total);
    expect(report.totals.excluded).toBe(Math.ceil(total / 4));
    expect(report.months.map((m) => m.opened)).toEqual([1500, 1500, 1500]);
    expect(report.totals.openAtEnd).toBe(total - Math.ceil(total / 4));
    db.close();
  });

  it('answers an empty database with no facts', async () => {
    const db = freshDb();
    expect(await loadReportFacts()).toEqual([]);
    db.close();
  });

  it('keeps the facts between loads, reading only what changed, and everything again when cases disappear', async () => {
    const name = `reports-store-${++n}`;
    const factory = new IDBFactory();
    const open = () => new AryzDb(name, { indexedDB: factory, IDBKeyRange });
    const db = open();
    await db.cases.bulkAdd(Array.from({ length: 10 }, (_, i) => row(i)));
    const store = new FactsStore(open);
    const progress: number[] = [];
    const request = { from: '2025-01', to: '2025-03' };

    expect(await store.load(name, false, (done) => progress.push(done))).toEqual({ cases: 10, fullRead: true });
    expect(progress.at(-1)).toBe(10);
    expect((await store.compute(request)).report.totals.excluded).toBe(3); // cases 0, 4, 8

    // A new case and a case moved on, both written later than anything read: only they are read.
    const later = '2025-04-01T09:00:00.000Z';
    await db.cases.add({ ...row(10), updatedAt: later });
    const moved = row(1);
    await db.cases.put({ ...moved, status: 'excluded', statusHistory: [...moved.statusHistory, { status: 'excluded', at: '2025-03-25T09:00:00.000Z', note: '' }], updatedAt: later });
    progress.length = 0;
    expect(await store.load(name, false, (done) => progress.push(done))).toEqual({ cases: 11, fullRead: false });
    expect(progress).toEqual([]);
    const after = (await store.compute(request)).report;
    expect(after.totals.opened).toBe(11);
    expect(after.totals.excluded).toBe(4);

    // A deleted case cannot be seen through updatedAt: the count gives it away and everything is read again.
    await db.cases.delete(row(0).id);
    expect(await store.load(name, false, () => undefined)).toEqual({ cases: 10, fullRead: true });
    expect((await store.compute(request)).report.totals.opened).toBe(10);
    expect(await store.load(name, true, () => undefined)).toEqual({ cases: 10, fullRead: true });
    db.close();
  });
});
