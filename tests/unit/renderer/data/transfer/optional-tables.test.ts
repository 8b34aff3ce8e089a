import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../../../renderer/src/data/transfer/apply.repo';
import { exportCases } from '../../../../../renderer/src/features/transfer/export-flow';
import { gatherCases } from '../../../../../renderer/src/data/transfer/gather.repo';
import { generatedPdfsOf } from '../../../../../renderer/src/data/transfer/records.repo';
import { planMerge } from '../../../../../renderer/src/data/transfer/plan.repo';
import { actor, freshDb } from '../../../support/db-fixtures';
import { manifestFor, seedCases } from '../../../support/transfer-fixtures';

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
    const { records, attachments } = await gatherCases([id!]);
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
    const plan = await planMerge(manifest, records);
    expect(plan.counts.unsupported).toBe(0);
    await applyPlan(plan, {}, actor);
    expect(await withFiles.table('outgoing').get([2025, 1])).toMatchObject({ documentId: 'doc1', number: '15-1/25' });
    expect(await withFiles.table('attachments').count()).toBe(2);

  });

  it("sends the generated documents' PDFs with the export, named as their rows name them", async () => {
    const db = freshDb();
    const [id] = await seedCases(db, 1);
    const file = { relPath: `${id}/doc1.pdf`, sha256: SHA, bytes: 100, pages: 1 };
    await db.table('documents').bulkAdd([
      { id: 'doc1', caseId: id, title: 'Ходатайство', status: 'signed', file, updatedAt: '2025-06-01T09:00:00.000Z' },
      // A draft never rendered has no file; a row with a malformed one sends nothing for it.
      { id: 'doc2', caseId: id, title: 'Нота', status: 'generated', file: null, updatedAt: '2025-06-01T09:00:00.000Z' },
      { id: 'doc3', caseId: id, title: 'Письмо', status: 'generated', file: { relPath: `${id}/doc3.pdf`, sha256: 'not-a-hash' }, updatedAt: '2025-06-01T09:00:00.000Z' },
    ]);
    const requests: Record<string, unknown>[] = [];
    const api = {
      exportTransfer: async (request: Record<string, unknown>) => {
        requests.push(request);
        return { ok: true as const, value: { status: 'canceled' as const, fileName: 'x.aryzt', bytes: 0, sha256: '' } };
      },
    };
    const settings = { mission: { outgoingPrefix: 'КР-М', nameRu: 'Посольство' }, caseworker: { fullName: 'Токтогулов Нурлан' } };
    expect(await exportCases(api as never, [id!], 'a passphrase of length', settings as never)).toEqual({ status: 'canceled' });
    expect(requests[0]!.documents).toEqual([{ relPath: file.relPath, sha256: SHA }]);
    expect(generatedPdfsOf([{ table: 'attachments', row: { file } }])).toEqual([]);
  });
});
