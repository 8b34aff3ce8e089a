import { describe, expect, it } from 'vitest';
import { generateCases } from '../../../../../shared/seed/generate';
import { BulkCaseError, bulkCreateCases } from '../../../../../renderer/src/data/cases/bulk.repo';
import { caseRow, personDataFromIntake } from '../../../../../renderer/src/data/cases/case-rows';
import { openCaseList } from '../../../../../renderer/src/data/cases/list-query.repo';
import { auditFor, checkIntake, createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

// fake-indexeddb walks some cursors quadratically: keep the data small here, measure speed in Chromium.
const seeded = generateCases(24, 5);
const NOW = new Date('2026-11-02T10:00:00Z');

describe('bulkCreateCases', () => {
  it('writes person and case rows in chunks, keeping each case’s dates and status history, with one audit entry each', async () => {
    const db = freshDb();
    const progress: [number, number | undefined][] = [];
    const result = await bulkCreateCases(seeded, actor, { now: NOW, chunkSize: 10, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.created).toBe(24);
    expect(progress).toEqual([[10, 24], [20, 24], [24, 24]]);
    expect(await db.persons.count()).toBe(24);
    expect(await db.cases.count()).toBe(24);
    for (const input of seeded) {
      const row = (await db.cases.get(input.caseId))!;
      const last = input.statusHistory[input.statusHistory.length - 1]!;
      expect(row.statusHistory).toEqual(input.statusHistory);
      expect(row.status).toBe(last.status);
      expect(row.outcome).toBe(input.outcome);
      expect(row.createdAt).toBe(input.createdAt);
      expect(row.updatedAt).toBe(last.at);
      expect(row.missionId).toBe(actor.missionId);
      // Derived fields are exactly what a single save computes.
      const form = (checkIntake(input.form, NOW) as { ok: true; value: typeof input.form }).value;
      expect(row).toEqual(caseRow({ ...row }, personDataFromIntake(form)));
      const person = (await db.persons.get(input.form.person.id))!;
      expect(person.documents).toEqual(form.documents);
      expect(person.createdAt).toBe(input.createdAt);
      const audit = await auditFor(input.caseId);
      expect(audit.map((a) => [a.action, a.who, a.at, a.note])).toEqual([['create', actor.who, input.createdAt, row.number]]);
    }
  });

  it('numbers cases from the same per-mission, per-year counter as createCase, by each case’s intake year', async () => {
    const db = freshDb();
    const single = await createCase(intake(), actor, { now: new Date('2025-06-01T09:00:00Z') });
    expect(single.ok && single.value.number).toBe('КР-М-25-00001');
    // A number that already exists (restored from a backup) is skipped, as createCase skips it.
    await db.cases.put({ ...(await db.cases.get((single as { ok: true; value: { id: string } }).value.id))!, id: 'restored', number: 'КР-М-25-00003' });
    const result = await bulkCreateCases(seeded, actor, { now: NOW, chunkSize: 7 });
    const rows = await Promise.all(seeded.map((c) => db.cases.get(c.caseId)));
    const numbers = rows.map((r) => r!.number);
    const in2025 = seeded.filter((c) => c.createdAt.startsWith('2025')).length;
    expect(in2025).toBeGreaterThan(3);
    expect(numbers.slice(0, in2025)).toEqual(['КР-М-25-00002', ...Array.from({ length: in2025 - 1 }, (_, k) => `КР-М-25-${String(k + 4).padStart(5, '0')}`)]);
    expect(numbers.slice(in2025)).toEqual(Array.from({ length: 24 - in2025 }, (_, k) => `КР-М-26-${String(k + 1).padStart(5, '0')}`));
    expect(result.firstNumber).toBe('КР-М-25-00002');
    expect(result.lastNumber).toBe(numbers[23]);
    const next = await createCase(intake(), actor, { now: new Date('2026-12-01T09:00:00Z') });
    expect(next.ok && next.value.number).toBe(`КР-М-26-${String(24 - in2025 + 1).padStart(5, '0')}`);
  });

  it('makes bulk cases findable like any other, in every script', async () => {
    freshDb();
    await bulkCreateCases(seeded, actor, { now: NOW });
    const target = seeded[7]!.form;
    for (const text of [target.person.nameKy.surname, target.person.nameRu.surname, target.person.nameLat.surname.toLowerCase(), target.person.pin, `${target.documents[0]!.series} ${target.documents[0]!.number}`]) {
      const handle = await openCaseList({ text, filters: {}, sort: 'updatedAt', direction: 'desc' });
      expect((await handle.page(0, 50)).map((r) => r.personId), text).toContain(target.person.id);
    }
  });

  it('stops at an invalid intake without writing its chunk; earlier chunks stay whole', async () => {
    const db = freshDb();
    const broken = structuredClone(seeded);
    broken[13]!.form.documents[0]!.expiryDate = '1999-01-01';
    const run = bulkCreateCases(broken, actor, { now: NOW, chunkSize: 10 });
    await expect(run).rejects.toBeInstanceOf(BulkCaseError);
    await expect(run).rejects.toMatchObject({ index: 13 });
    expect(await db.cases.count()).toBe(10);
    expect(await db.persons.count()).toBe(10);
    expect(await db.audit.count()).toBe(10);
  });

  it('accepts a lazy iterable and plain forms with defaults', async () => {
    const db = freshDb();
    function* lazy() {
      for (const c of seeded.slice(0, 3)) yield { form: c.form };
    }
    const result = await bulkCreateCases(lazy(), actor, { now: NOW, total: 3 });
    expect(result.created).toBe(3);
    const rows = await db.cases.toArray();
    expect(rows.map((r) => [r.status, r.createdAt, r.statusHistory])).toEqual(rows.map(() => ['intake', NOW.toISOString(), [{ status: 'intake', at: NOW.toISOString(), note: '' }]]));
  });
});
