import { describe, expect, it } from 'vitest';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { caseTracking } from '../../../../../renderer/src/data/tracking/case-tracking';
import { refreshDeadlines } from '../../../../../renderer/src/data/tracking/daily-refresh.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { localTodayIso } from '../../../../../renderer/src/lib/date-time';

const CREATED = new Date('2026-11-02T09:00:00');

async function caseWithStay(db: ReturnType<typeof freshDb>, entryDate: string, exitDate: string) {
  const draft = intake();
  // No registration: while the stay lasts its 30-day registration clock runs; a planned exit ends it.
  draft.stays = [{ ...draft.stays[0]!, entryDate, exitDate }];
  draft.registrations = [];
  draft.employments = [];
  // Learned of the listing recently, so the court-claim clock is not the earliest one.
  draft.case.learnedAt = '2026-10-30';
  const created = await createCase(draft, actor, { now: CREATED });
  if (!created.ok) throw new Error(`fixture refused: ${JSON.stringify(created.errors)}`);
  return created.value.id;
}

describe('the daily deadline refresh', () => {
  it('recomputes fields that depend on the day, without touching updatedAt or the audit log', async () => {
    const db = freshDb();
    const id = await caseWithStay(db, '2026-10-20', '2026-11-10');
    const before = (await db.cases.get(id))!;
    const auditBefore = await db.audit.count();

    const later = new Date('2026-11-25T09:00:00');
    const report = await refreshDeadlines(later);
    const after = (await db.cases.get(id))!;
    const person = (await db.persons.get(after.personId))!;
    const expected = caseTracking(after, person, { requests: [], checks: [], calendar: [], today: localTodayIso(later) });

    expect(report).toEqual({ checked: 1, changed: 1 });
    expect(after.nextDeadline).not.toBe(before.nextDeadline);
    expect(before.nextDeadlineClock).not.toBe(after.nextDeadlineClock);
    expect({ nextDeadline: after.nextDeadline, nextDeadlineClock: after.nextDeadlineClock, nextCheck: after.nextCheck, actions: after.actions }).toEqual(expected);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await db.audit.count()).toBe(auditBefore);

    // Nothing left to change the same day.
    expect(await refreshDeadlines(later)).toEqual({ checked: 1, changed: 0 });
  });

  it('repairs a stale stored value and walks every case in slices', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await caseWithStay(db, '2026-10-01', ''));
    await db.cases.update(ids[1]!, { nextDeadline: '2000-01-01' });
    const report = await refreshDeadlines(CREATED);
    expect(report).toEqual({ checked: 3, changed: 1 });
    const rows = await db.cases.bulkGet(ids);
    expect(rows[1]!.nextDeadline).toBe(rows[0]!.nextDeadline);
  });
});
