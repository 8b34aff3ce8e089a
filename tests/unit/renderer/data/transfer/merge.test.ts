import { describe, expect, it } from 'vitest';
import type { AryzDb } from '../../../../../renderer/src/data/schema';
import { auditFor, changeStatus, createCase, getCase, updateField } from '../../../../../renderer/src/data/cases/cases.repo';
import { applyPlan, TransferStaleError } from '../../../../../renderer/src/data/transfer/apply.repo';
import { conflictGroups, groupKey, recordSide } from '../../../../../renderer/src/data/transfer/choices';
import { recordExported } from '../../../../../renderer/src/data/transfer/export-records.repo';
import { gatherCases } from '../../../../../renderer/src/data/transfer/gather.repo';
import { planMerge } from '../../../../../renderer/src/data/transfer/plan.repo';
import { openCaseList } from '../../../../../renderer/src/data/cases/list-query.repo';
import { actor, freshDb, intake, selectDb } from '../../../support/db-fixtures';
import { manifestFor, NOW, seedCases } from '../../../support/transfer-fixtures';

const LATER = new Date('2025-06-02T10:00:00Z');
const receiver = { who: 'Асанова Айгүл', missionId: 'mKR_E', missionPrefix: 'КР-Е' };

/** What the other PC would get: the gathered records and the manifest main writes for them. */
async function bundleOf(db: AryzDb, caseIds: string[]) {
  selectDb(db);
  const { records } = await gatherCases(caseIds);
  return { manifest: await manifestFor(records), records };
}

async function importAll(db: AryzDb, bundle: Awaited<ReturnType<typeof bundleOf>>, choices = {}) {
  selectDb(db);
  const plan = await planMerge(bundle.manifest, bundle.records);
  const result = await applyPlan(plan, choices, receiver, LATER);
  return { plan, result };
}

describe('transfer merge', () => {
  it('imports new cases with the same ids, their history and one audit entry per merged record', async () => {
    const a = freshDb();
    const ids = await seedCases(a);
    const bundle = await bundleOf(a, ids);
    const b = freshDb();
    const { plan, result } = await importAll(b, bundle);
    // Each sent request also moved its case's status (shared/case/status-rules.ts): one audit row more per case.
    expect(plan.counts).toEqual({ new: 12, identical: 0, update: 0, conflict: 0, unsupported: 0 });
    expect(plan.cases.map((c) => c.isNew)).toEqual([true, true]);
    expect(result).toMatchObject({ written: 6, kept: 0, historyAdded: 6, renumbered: [] });
    selectDb(b);
    const loaded = await getCase(ids[0]!);
    selectDb(a);
    const original = await getCase(ids[0]!);
    expect(loaded?.record.number).toBe(original?.record.number);
    // Derived fields are recomputed here: deadlines from the request, duplicate keys; the case is found by the
    // search (its words come from the received person) as it is on the sending PC.
    const search = async (db: typeof a) => {
      selectDb(db);
      return (await (await openCaseList({ text: original!.person.nameRu.surname, filters: {}, sort: 'updatedAt', direction: 'desc' })).page(0, 50)).map((row) => row.id);
    };
    expect(await search(b)).toContain(ids[0]);
    expect((await search(b)).sort()).toEqual((await search(a)).filter((id) => ids.includes(id)).sort());
    expect(loaded?.record.nextDeadline).toBe(original?.record.nextDeadline);
    expect(loaded?.person.dupKeys).toEqual(original?.person.dupKeys);
    selectDb(b);
    const audit = await auditFor(ids[0]!);
    expect(audit.filter((r) => r.action === 'create').length).toBe(2); // the case's and the request's, from the sender
    const merged = audit.filter((r) => r.action === 'transfer');
    expect(merged.map((r) => r.entity).sort()).toEqual(['case', 'person', 'request']);
    expect(merged.every((r) => r.who === receiver.who && r.note?.includes(bundle.manifest.bundleId))).toBe(true);
    // Importing the same bundle again changes nothing.
    const again = await importAll(b, bundle);
    expect(again.plan.counts).toMatchObject({ new: 0, identical: 12, conflict: 0 });
    expect(again.result.written).toBe(0);
    selectDb(b);
    expect((await auditFor(ids[0]!)).length).toBe(audit.length);
  });

  it('takes theirs without asking when only the sender changed a record since it was shared', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    const b = freshDb();
    await importAll(b, await bundleOf(a, [id!]));
    selectDb(a);
    await updateField(id!, 'case.region', 'Санкт-Петербург', actor, LATER);
    const { plan } = await importAll(b, await bundleOf(a, [id!]));
    expect(plan.items.filter((i) => i.kind === 'update').map((i) => i.table)).toEqual(['cases']);
    selectDb(b);
    expect((await getCase(id!))?.record.region).toBe('Санкт-Петербург');
  });

  it('shows a record changed here since it was exported as a conflict; theirs, when chosen, replaces ours, audited', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    const bundle = await bundleOf(a, [id!]);
    selectDb(a);
    await recordExported(bundle.manifest.bundleId, bundle.records, NOW);
    const before = (await getCase(id!))!.record.region;
    await updateField(id!, 'case.region', 'Новосибирская область', actor, LATER);
    const plan = await planMerge(bundle.manifest, bundle.records);
    const conflict = plan.items.find((i) => i.kind === 'conflict')!;
    expect(plan.counts.conflict).toBe(1);
    expect(conflict).toMatchObject({ table: 'cases', key: id, suggested: 'ours' });
    expect(conflict.ours?.region).toBe('Новосибирская область');
    expect(conflict.theirs.region).toBe(before);
    const result = await applyPlan(plan, { [conflict.id]: 'theirs' }, actor, LATER);
    expect(result.written).toBe(1);
    expect((await getCase(id!))?.record.region).toBe(before);
    const entry = (await auditFor(id!)).find((r) => r.action === 'transfer')!;
    expect(entry.note).toMatch(/^chose_theirs/);
    expect(entry.changes).toContainEqual({ field: 'case.region', before: 'Новосибирская область', after: before });
  });

  it('keeps ours when chosen, audited as kept', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    const b = freshDb();
    await importAll(b, await bundleOf(a, [id!]));
    selectDb(a);
    await updateField(id!, 'case.region', 'Омская область', actor, LATER);
    selectDb(b);
    await updateField(id!, 'case.region', 'Томская область', receiver, LATER);
    const bundle = await bundleOf(a, [id!]);
    selectDb(b);
    const plan = await planMerge(bundle.manifest, bundle.records);
    const conflict = plan.items.find((i) => i.kind === 'conflict')!;
    const result = await applyPlan(plan, { [conflict.id]: 'ours' }, receiver, LATER);
    expect(result).toMatchObject({ written: 0, kept: 1 });
    expect((await getCase(id!))?.record.region).toBe('Томская область');
    expect((await auditFor(id!)).some((r) => r.action === 'transfer' && r.note?.startsWith('kept_ours'))).toBe(true);
  });

  it('flags the same person already here under another id', async () => {
    const a = freshDb();
    selectDb(a);
    const sent = await createCase(intake({ pin: '21203199000123', birth: { year: 1990, month: 3, day: 12 } }), actor, { now: NOW });
    const b = freshDb();
    selectDb(b);
    const local = await createCase(intake({ pin: '21203199000123', birth: { year: 1990, month: 3, day: 12 } }), receiver, { now: NOW });
    if (!sent.ok || !local.ok) throw new Error('not created');
    const bundle = await bundleOf(a, [sent.value.id]);
    selectDb(b);
    const plan = await planMerge(bundle.manifest, bundle.records);
    expect(plan.cases[0]?.duplicates.map((d) => [d.caseId, d.reasons.map((r) => r.reason).includes('pin')])).toEqual([[local.value.id, true]]);
  });

  it('renumbers an arriving case whose number is taken here by another case', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    const b = freshDb();
    selectDb(b);
    const own = await createCase(intake(), actor, { now: NOW });
    if (!own.ok) throw new Error('not created');
    const { result } = await importAll(b, await bundleOf(a, [id!]));
    expect(result.renumbered).toEqual([{ caseId: id, from: own.value.number, to: 'КР-Е-25-00001' }]);
    selectDb(b);
    expect((await getCase(id!))?.record.number).toBe('КР-Е-25-00001');
  });

  it('writes nothing when data here changed after the preview', async () => {
    const a = freshDb();
    const ids = await seedCases(a, 2);
    const b = freshDb();
    await importAll(b, await bundleOf(a, [ids[0]!]));
    selectDb(a);
    await updateField(ids[0]!, 'case.region', 'Омская область', actor, LATER);
    const bundle = await bundleOf(a, ids);
    selectDb(b);
    const plan = await planMerge(bundle.manifest, bundle.records);
    await updateField(ids[0]!, 'case.region', 'Томская область', receiver, LATER);
    const counts = { cases: await b.cases.count(), audit: await b.audit.count() };
    await expect(applyPlan(plan, {}, receiver, LATER)).rejects.toBeInstanceOf(TransferStaleError);
    expect({ cases: await b.cases.count(), audit: await b.audit.count() }).toEqual(counts);
    expect((await getCase(ids[0]!))?.record.region).toBe('Томская область');
  });

  it('merges field by field: a field taken from the file, the others kept, a status moving with its history', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    const b = freshDb();
    await importAll(b, await bundleOf(a, [id!]));
    selectDb(a);
    await updateField(id!, 'case.region', 'Омская область', actor, LATER);
    await changeStatus(id!, 'checking', 'проверка начата', actor, LATER);
    selectDb(b);
    await updateField(id!, 'case.learnedNote', 'Узнал из SMS банка', receiver, LATER);
    const bundle = await bundleOf(a, [id!]);
    selectDb(b);
    const plan = await planMerge(bundle.manifest, bundle.records);
    const conflict = plan.items.find((i) => i.kind === 'conflict' && i.table === 'cases')!;
    expect(conflictGroups(conflict).map((g) => g.group)).toEqual(['learnedNote', 'region', 'status']);
    const choices = { [conflict.id]: 'ours' as const, [groupKey(conflict.id, 'region')]: 'theirs' as const, [groupKey(conflict.id, 'status')]: 'theirs' as const };
    expect(recordSide(conflict, choices)).toBeNull();
    const result = await applyPlan(plan, choices, receiver, LATER);
    expect(result.written).toBe(1);
    const merged = (await getCase(id!))!.record;
    expect([merged.region, merged.learnedNote, merged.status, merged.statusHistory.length]).toEqual(['Омская область', 'Узнал из SMS банка', 'checking', 3]);
    const entry = (await auditFor(id!)).find((r) => r.action === 'transfer' && r.note?.startsWith('merged_fields'))!;
    expect(entry.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['case.region', 'case.status']));
    expect(entry.changes.map((c) => c.field)).not.toContain('case.learnedNote');
  });
});
