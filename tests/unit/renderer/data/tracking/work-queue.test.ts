import { describe, expect, it } from 'vitest';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { caseRoute, rowView } from '../../../../../renderer/src/features/queue/queue-rows';
import { addCheck } from '../../../../../renderer/src/data/tracking/checks.repo';
import { workQueue } from '../../../../../renderer/src/data/tracking/queue.repo';
import { addRequest, updateRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { actor, freshDb, intake } from '../cases/cases.helpers';

const NOW = new Date('2025-06-10T09:00:00Z');
const TODAY = '2025-06-10';

async function caseWithLetter(sentAt: string) {
  const db = freshDb();
  const draft = intake();
  draft.case.learnedAt = '2025-05-15';
  const created = await createCase(db, draft, actor, { now: NOW });
  if (!created.ok) throw new Error('seed');
  const sent = await addRequest(db, created.value.id, { kind: 'mission_letter', addressee: 'МИД России', ourNumber: '', sentAt }, actor, NOW);
  if (!sent.ok) throw new Error('request');
  return { db, caseId: created.value.id, requestId: sent.value.id };
}

const ids = (bucket: { rows: { id: string }[] }) => bucket.rows.map((r) => r.id);

describe('work queue', () => {
  it('a case awaits an answer while a request is unanswered, whatever its status', async () => {
    const { db, caseId, requestId } = await caseWithLetter('2025-06-08');
    let queue = await workQueue(db, TODAY);
    expect(ids(queue.buckets.awaiting)).toEqual([caseId]);
    // Sent two days ago, never checked since: the daily re-check is overdue.
    expect(ids(queue.buckets.recheck)).toEqual([caseId]);
    expect((await db.cases.get(caseId))!.status).toBe('intake');

    await updateRequest(db, requestId, { answeredAt: TODAY }, actor, NOW);
    queue = await workQueue(db, TODAY);
    expect(queue.buckets.awaiting.count).toBe(0);
    expect(queue.buckets.recheck.count).toBe(0);
  });

  it('a check made today moves the re-check to tomorrow; a check showing the person excluded ends the wait', async () => {
    const { db, caseId } = await caseWithLetter('2025-06-08');
    await addCheck(db, caseId, { at: '2025-06-10T11:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: '' }, actor, NOW);
    let queue = await workQueue(db, TODAY);
    expect(queue.buckets.recheck.count).toBe(0);
    expect(ids(queue.buckets.awaiting)).toEqual([caseId]);
    expect(ids(queue.buckets.next7)).toEqual([caseId]);

    await addCheck(db, caseId, { at: '2025-06-10T12:00:00+03:00', channel: 'mvd_site', birthDateMode: 'full', listed: false, resultText: '' }, actor, NOW);
    queue = await workQueue(db, TODAY);
    expect(queue.buckets.awaiting.count).toBe(0);
  });

  it('counts every case in a bucket but returns at most `limit` rows, earliest first', async () => {
    const db = freshDb();
    for (const learnedAt of ['2025-02-20', '2025-02-10', '2025-02-15']) {
      const draft = intake();
      draft.case.learnedAt = learnedAt;
      const created = await createCase(db, draft, actor, { now: NOW });
      if (!created.ok) throw new Error('seed');
    }
    const queue = await workQueue(db, TODAY, { limit: 2 });
    expect(queue.buckets.overdue.count).toBe(3);
    expect(queue.buckets.overdue.rows.map((r) => r.learnedAt)).toEqual(['2025-02-10', '2025-02-15']);
  });

  it('rows open the case page at the section their bucket is about', () => {
    expect(caseRoute('overdue', 'c1')).toBe('/cases/c1?section=deadlines');
    expect(caseRoute('dueToday', 'c1')).toBe('/cases/c1?section=deadlines');
    expect(caseRoute('next7', 'c1')).toBe('/cases/c1?section=deadlines');
    expect(caseRoute('awaiting', 'c1')).toBe('/cases/c1?section=requests');
    expect(caseRoute('recheck', 'c1')).toBe('/cases/c1?section=checks');
    expect(caseRoute('stale', 'c1')).toBe('/cases/c1');
  });

  it('a row shows the date and what is due for its bucket', async () => {
    const { db, caseId } = await caseWithLetter('2025-06-08');
    const row = (await db.cases.get(caseId))!;
    expect(rowView('recheck', row, TODAY)).toMatchObject({ date: '2025-06-09', late: true, what: { kind: 'clock', clock: 'register_recheck' } });
    expect(rowView('overdue', row, TODAY)).toMatchObject({ date: row.nextDeadline, what: { kind: 'clock', clock: row.nextDeadlineClock } });
    expect(rowView('stale', row, '2025-06-30')).toMatchObject({ date: '2025-06-10', late: false, what: { kind: 'idle', days: 20 } });
  });
});
