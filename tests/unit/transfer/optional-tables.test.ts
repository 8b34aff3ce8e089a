import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../renderer/src/features/transfer/apply';
import { gatherCases } from '../../../renderer/src/features/transfer/gather';
import { planMerge } from '../../../renderer/src/features/transfer/plan';
import { actor, freshDb } from '../cases/helpers';
import { manifestFor, seedCases } from './support';

const SHA = 'b'.repeat(64);

describe('transfer of tables added by other features', () => {
  it('carries documents, register rows and attachments (with their files) with their cases', async () => {
    const a = freshDb();
    const [id] = await seedCases(a, 1);
    await a.table('documents').add({ id: 'doc1', caseId: id, title: 'Ходатайство', outgoingNumber: '15-1/25', status: 'generated', updatedAt: '2025-06-01T09:00:00.000Z' });
    await a.table('outgoing').add({ year: 2025, seq: 1, number: '15-1/25', caseId: id, documentId: 'doc1', status: 'registered' });
    await a.table('attachments').bulkAdd([
      { id: 'att1', caseId: id, sha256: SHA, name: 'scan.pdf', deletedAt: null },
      { id: 'att2', caseId: id, sha256: 'c'.repeat(64), name: 'old.pdf', deletedAt: '2025-05-01T00:00:00.000Z' },
    ]);
    const { records, attachments } = await gatherCases(a, [id!]);
    expect(records.filter((r) => ['documents', 'outgoing', 'attachments'].includes(r.table)).map((r) => `${r.table}:${r.key}`).sort()).toEqual([
      'attachments:att1',
      'attachments:att2',
      'documents:doc1',
      'outgoing:[2025,1]',
    ]);
    // Only files of attachments not in the trash travel.
    expect(attachments).toEqual([SHA]);
    const manifest = await manifestFor(records);

    const withFiles = freshDb();
    const plan = await planMerge(withFiles, manifest, records);
    expect(plan.counts.unsupported).toBe(0);
    await applyPlan(withFiles, plan, {}, actor);
    expect(await withFiles.table('outgoing').get([2025, 1])).toMatchObject({ documentId: 'doc1', number: '15-1/25' });
    expect(await withFiles.table('attachments').count()).toBe(2);

  });
});
