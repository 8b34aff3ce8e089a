import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AryzDb } from '../../../renderer/src/db/db';
import { applyPlan } from '../../../renderer/src/features/transfer/apply';
import { gatherCases } from '../../../renderer/src/features/transfer/gather';
import { planMerge } from '../../../renderer/src/features/transfer/plan';
import { actor, freshDb } from '../cases/helpers';
import { manifestFor, seedCases } from './support';

/** The database once the documents and attachments features are merged: their tables, as CONTRACTS.md names them. */
class WithFiles extends AryzDb {
  constructor(name: string) {
    super(name, { indexedDB: new IDBFactory(), IDBKeyRange });
    this.version(20).stores({ documents: 'id, caseId', outgoing: 'number, caseId', attachments: 'id, caseId' });
  }
}

let n = 0;
const SHA = 'b'.repeat(64);

describe('transfer of tables added by other features', () => {
  it('carries documents, register rows and attachments (with their files) where those tables exist, skips them where not', async () => {
    const a = new WithFiles(`files-${++n}`);
    const [id] = await seedCases(a, 1);
    await a.table('documents').add({ id: 'doc1', caseId: id, title: 'Ходатайство', outgoingNumber: '15-1/25', status: 'generated', updatedAt: '2025-06-01T09:00:00.000Z' });
    await a.table('outgoing').add({ number: '15-1/25', caseId: id, documentId: 'doc1', status: 'registered' });
    await a.table('attachments').bulkAdd([
      { id: 'att1', caseId: id, sha256: SHA, name: 'scan.pdf', deletedAt: null },
      { id: 'att2', caseId: id, sha256: 'c'.repeat(64), name: 'old.pdf', deletedAt: '2025-05-01T00:00:00.000Z' },
    ]);
    const { records, attachments } = await gatherCases(a, [id!]);
    expect(records.filter((r) => ['documents', 'outgoing', 'attachments'].includes(r.table)).map((r) => `${r.table}:${r.key}`).sort()).toEqual([
      'attachments:att1',
      'attachments:att2',
      'documents:doc1',
      'outgoing:15-1/25',
    ]);
    // Only files of attachments not in the trash travel.
    expect(attachments).toEqual([SHA]);
    const manifest = await manifestFor(records);

    const withFiles = new WithFiles(`files-${++n}`);
    const plan = await planMerge(withFiles, manifest, records);
    expect(plan.counts.unsupported).toBe(0);
    await applyPlan(withFiles, plan, {}, actor);
    expect(await withFiles.table('outgoing').get('15-1/25')).toMatchObject({ documentId: 'doc1' });
    expect(await withFiles.table('attachments').count()).toBe(2);

    const plain = freshDb();
    const partial = await planMerge(plain, manifest, records);
    expect(partial.counts.unsupported).toBe(4);
    await applyPlan(plain, partial, {}, actor);
    expect(await plain.cases.get(id!)).toBeDefined();
    expect(plain.tables.map((t) => t.name)).not.toContain('documents');
  });
});
