import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { addAppeal, answerAppeal, appealsFor } from '../../../../../renderer/src/data/appeals/appeals.repo';
import { auditFor } from '../../../../../renderer/src/data/audit.repo';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { refreshDeadlines } from '../../../../../renderer/src/data/tracking/daily-refresh.repo';
import { workQueue } from '../../../../../renderer/src/data/tracking/queue.repo';
import { describeAppealChange } from '../../../../../renderer/src/features/appeals/history-text';
import { caseRoute, rowView } from '../../../../../renderer/src/features/queue/queue-rows';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const NOW = new Date('2026-04-10T09:00:00Z');
const TODAY = '2026-04-10';

async function newCase(db = freshDb()) {
  const draft = intake();
  draft.case.learnedAt = '2026-03-01';
  const created = await createCase(draft, actor, { now: NOW });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

async function record(db: AryzDb, caseId: string, receivedOn: string) {
  const added = await addAppeal(caseId, { receivedOn, channel: 'post', request: 'Прошу помочь выяснить, почему я в реестре' }, actor, NOW);
  if (!added.ok) throw new Error('appeal');
  return added.value;
}

describe('a citizen’s requests to the mission', () => {
  it('an unanswered request puts the case in «Ответить заявителю» once, overdue ones marked, and the answer takes it out', async () => {
    const { db, caseId } = await newCase();
    const other = await newCase(db);
    const late = await record(db, caseId, '2026-03-01');
    await record(db, caseId, '2026-04-01');
    await record(db, other.caseId, '2026-04-05');

    let queue = await workQueue(TODAY, { answerDays: 30 });
    // One row per case, counted as the rows are: two cases, whatever the number of requests.
    expect(queue.buckets.answerCitizen.count).toBe(2);
    expect(queue.buckets.answerCitizen.rows.map((r) => [r.row.id, r.date])).toEqual([
      [caseId, '2026-03-31'],
      [other.caseId, '2026-05-05'],
    ]);
    const [first, second] = queue.buckets.answerCitizen.rows;
    expect(rowView('answerCitizen', first!, TODAY)).toMatchObject({ late: true, action: { key: 'answerCitizen' }, route: `/cases/${caseId}?section=appeals&open=appeal` });
    expect(rowView('answerCitizen', second!, TODAY).late).toBe(false);
    // A shorter term in the reference data makes the second overdue too, with no rewrite of the cases.
    queue = await workQueue(TODAY, { answerDays: 3 });
    expect(queue.buckets.answerCitizen.rows.map((r) => r.date)).toEqual(['2026-03-04', '2026-04-08']);

    await answerAppeal(late.id, { answeredOn: '2026-04-09', answerChannel: 'post', answerText: 'Направлен запрос в МВД России.' }, actor, NOW);
    queue = await workQueue(TODAY, { answerDays: 30 });
    // Its other request is still open: the case stays, under that request.
    expect(queue.buckets.answerCitizen.rows.map((r) => [r.row.id, r.date])).toEqual([
      [caseId, '2026-05-01'],
      [other.caseId, '2026-05-05'],
    ]);
    const open = (await appealsFor(caseId)).find((a) => !a.answeredOn)!;
    await answerAppeal(open.id, { answeredOn: TODAY, answerChannel: 'email', answerText: 'Ответ дан.' }, actor, NOW);
    queue = await workQueue(TODAY, { answerDays: 30 });
    expect(queue.buckets.answerCitizen.count).toBe(1);
    expect(queue.buckets.answerCitizen.rows.map((r) => r.row.id)).toEqual([other.caseId]);
    expect(caseRoute('answerCitizen', caseId)).toBe(`/cases/${caseId}?section=appeals&open=appeal`);
  });

  it('records the request and the answer in the audit, worded in the case history', async () => {
    const { db, caseId } = await newCase();
    const appeal = await record(db, caseId, '2026-03-01');
    await answerAppeal(appeal.id, { answeredOn: '2026-03-20', answerChannel: 'in_person', answerText: 'Разъяснили порядок.' }, actor, NOW);
    const rows = (await auditFor(caseId)).filter((row) => row.entity === 'appeal');
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]!.changes.map((c) => c.field)).toEqual(['appeal.answeredOn', 'appeal.answerChannel', 'appeal.answerText']);
    const t = (key: string, params?: Record<string, unknown>) => `${key}${params ? ` ${JSON.stringify(params)}` : ''}`;
    expect(describeAppealChange(t, rows[0]!.changes[0]!)).toContain('appeals.history.added');
    expect(describeAppealChange(t, rows[0]!.changes[0]!)).toContain('01.03.2026');
    expect(describeAppealChange(t, rows[1]!.changes[0]!)).toBe('appeals.history.answeredOn {"before":"casePage.value.empty","after":"20.03.2026"}');
    expect(describeAppealChange(t, { field: 'request.note', before: null, after: 'x' })).toBeNull();
  });

  it('refuses bad input and stores nothing: an empty request, an answer before the request came', async () => {
    const { db, caseId } = await newCase();
    const refused = await addAppeal(caseId, { receivedOn: '2026-03-01', channel: 'post', request: '' }, actor, NOW);
    expect(refused).toMatchObject({ ok: false, issues: [{ path: 'request', code: 'required' }] });
    expect(await appealsFor(caseId)).toEqual([]);
    const appeal = await record(db, caseId, '2026-03-10');
    const early = await answerAppeal(appeal.id, { answeredOn: '2026-03-09', answerChannel: 'post', answerText: 'Ответ' }, actor, NOW);
    expect(early).toEqual({ ok: false, issues: [{ path: 'answeredOn', code: 'invalid_value' }] });
    expect((await appealsFor(caseId))[0]!.answeredOn).toBeUndefined();
    expect((await workQueue(TODAY)).buckets.answerCitizen.count).toBe(1);
  });

  it('the daily refresh keeps the queue entry: it reads the requests with the other tracking input', async () => {
    const { db, caseId } = await newCase();
    await record(db, caseId, '2026-03-01');
    await db.cases.update(caseId, { actions: [] });
    await refreshDeadlines(NOW);
    expect((await db.cases.get(caseId))!.actions).toContain('answer_citizen|2026-03-01');
  });
});

describe('schema v18', () => {
  it('adds the requests table to a v15 database, keeping its rows; opening again changes nothing', async () => {
    // A database as the previous release left it (v15), with a row to keep.
    const v15 = new IDBFactory();
    const previous = new Dexie('aryz-prev', { indexedDB: v15, IDBKeyRange });
    previous.version(15).stores({ settings: 'key', cases: 'id, &number', requests: 'id, caseId' });
    await previous.table('settings').put({ key: 'numbering', value: { format: '{prefix}/{seq}' }, updatedAt: '2026-01-01T00:00:00.000Z' });
    previous.close();
    const current = new AryzDb('aryz-prev', { indexedDB: v15, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(18);
    expect(await current.appeals.count()).toBe(0);
    expect(current.appeals.schema.indexes.map((i) => i.name)).toEqual(['caseId']);
    expect(await current.settings.get('numbering')).toMatchObject({ value: { format: '{prefix}/{seq}' } });
    current.close();
    const again = new AryzDb('aryz-prev', { indexedDB: v15, IDBKeyRange });
    await again.open();
    expect(await again.settings.count()).toBe(1);
    expect(await again.appeals.count()).toBe(0);
    again.close();
  });
});
