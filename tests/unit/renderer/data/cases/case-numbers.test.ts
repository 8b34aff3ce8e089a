import { describe, expect, it } from 'vitest';
import { allocateCaseNumbers, createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

/** Gives an existing case another number, as a restore or a transfer can bring in. */
async function renumber(db: ReturnType<typeof freshDb>, caseId: string, id: string, number: string): Promise<void> {
  await db.cases.put({ ...(await db.cases.get(caseId))!, id, number });
}

describe('allocating case numbers', () => {
  it('skips numbers already taken and ignores other numbers that sort among the candidates', async () => {
    const db = freshDb();
    const made = await createCase(intake(), actor, { now: new Date('2026-03-01T09:00:00Z') });
    if (!made.ok) throw new Error('fixture');
    expect(made.value.number).toBe('КР-М-26-00001');
    await renumber(db, made.value.id, 'taken-3', 'КР-М-26-00003');
    await renumber(db, made.value.id, 'taken-5', 'КР-М-26-00005');
    // Not a number the counter makes, but it sorts between …-00003 and …-00004.
    await renumber(db, made.value.id, 'odd', 'КР-М-26-00003а');
    const numbers = await db.transaction('rw', [db.cases, db.counters], () => allocateCaseNumbers('КР-М', 2026, 4));
    expect(numbers).toEqual(['КР-М-26-00002', 'КР-М-26-00004', 'КР-М-26-00006', 'КР-М-26-00007']);
    expect((await db.counters.get('case:КР-М:2026'))?.value).toBe(7);
  });

  it('still skips a taken number where the numbers grow a digit', async () => {
    const db = freshDb();
    const made = await createCase(intake(), actor, { now: new Date('2026-03-01T09:00:00Z') });
    if (!made.ok) throw new Error('fixture');
    await renumber(db, made.value.id, 'taken', 'КР-М-26-100000');
    await db.counters.put({ key: 'case:КР-М:2026', value: 99_998 });
    const numbers = await db.transaction('rw', [db.cases, db.counters], () => allocateCaseNumbers('КР-М', 2026, 3));
    expect(numbers).toEqual(['КР-М-26-99999', 'КР-М-26-100001', 'КР-М-26-100002']);
  });
});
