import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../../../../shared/diagnosis/diagnose';
import type { AttachmentAddResult } from '../../../../../shared/ipc/channels/attachments';
import { loadReferenceBundle, REFERENCE_FILES } from '../../../../../shared/reference/load';
import {
  attachmentRefsFor,
  attachmentsFor,
  attachmentsForDocument,
  purgeExpiredAttachments,
  recordAttachments,
  restoreAttachment,
  trashAttachment,
  trashFor,
  updateAttachment,
} from '../../../../../renderer/src/data/attachments/attachments.repo';
import { auditFor, createCase, getCase, stripDerived } from '../../../../../renderer/src/data/cases/cases.repo';
import { caseFacts } from '../../../../../renderer/src/data/tracking/case-tracking';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const dir = path.resolve(__dirname, '../../../../../resources/reference');
const files = Object.fromEntries(Object.values(REFERENCE_FILES).map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]));
const factory = loadReferenceBundle(files);
if (!factory.ok) throw new Error('factory reference invalid');

const hash = (c: string) => c.repeat(64);
const stored = (name: string, sha: string, pages: number | null, extra: Partial<AttachmentAddResult> = {}): AttachmentAddResult =>
  ({ status: 'stored', name, sha256: sha, mime: 'application/pdf', bytes: 1000, pages, duplicate: false, ...extra }) as AttachmentAddResult;

async function seeded() {
  const db = freshDb();
  const draft = intake();
  draft.case.learnedAt = '2025-05-15';
  const created = await createCase(draft, actor, { now: new Date('2025-06-01T09:00:00Z') });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

describe('attachments repository', () => {
  it('records stored files (audited), skips refusals, and does not attach the same file to a case twice', async () => {
    const { caseId } = await seeded();
    const out = await recordAttachments(caseId, [stored('contract.pdf', hash('a'), 3), { status: 'refused', name: 'x.exe', reason: 'unsupported_type', bytes: 10 }], {}, actor);
    expect(out.map((o) => o.kind)).toEqual(['added', 'refused']);
    const again = await recordAttachments(caseId, [stored('contract-copy.pdf', hash('a'), 3, { duplicate: true })], {}, actor);
    expect(again.map((o) => o.kind)).toEqual(['already']);
    const rows = await attachmentsFor(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseId, name: 'contract.pdf', sha256: hash('a'), pages: 3, caption: '', link: { kind: 'none' }, deletedAt: null });
    const audit = await auditFor(caseId);
    expect(audit.filter((a) => a.entity === 'attachment')).toHaveLength(1);
  });

  it('edits caption, date and link with one audit change per field, and refuses a bad date', async () => {
    const { caseId } = await seeded();
    const [first] = await recordAttachments(caseId, [stored('scan.pdf', hash('b'), 2)], {}, actor);
    const id = first!.kind === 'added' ? first!.row.id : '';
    const result = await updateAttachment(id, { caption: ' Трудовой договор ', date: '2024-01-10', link: { kind: 'checklist', id: 'contract' } }, actor);
    expect(result).toMatchObject({ ok: true, value: { caption: 'Трудовой договор', date: '2024-01-10', link: { kind: 'checklist', id: 'contract' } } });
    const last = (await auditFor(caseId)).filter((a) => a.entity === 'attachment' && a.action === 'update').pop();
    expect(last?.changes.map((c) => c.field)).toEqual(['attachment.caption', 'attachment.date', 'attachment.link']);
    expect(await updateAttachment(id, { date: '31.02.2024' }, actor)).toMatchObject({ ok: false });
    expect(await updateAttachment(id, { link: { kind: 'checklist' } }, actor)).toMatchObject({ ok: false });
  });

  it('gives documents real page counts: «на N л.» from the stored file, 1 when unknown', async () => {
    const { caseId } = await seeded();
    await recordAttachments(caseId, [stored('contract.pdf', hash('c'), 3), stored('locked.pdf', hash('d'), null, { pagesProblem: 'encrypted' })], {}, actor);
    const [row] = await attachmentsFor(caseId);
    await updateAttachment(row!.id, { caption: 'Копия трудового договора' }, actor);
    expect(await attachmentsForDocument(caseId)).toEqual([
      { title: 'Копия трудового договора', sheets: 3, copies: 1, sheetsKnown: true },
      { title: 'locked', sheets: 1, copies: 1, sheetsKnown: false },
    ]);
  });

  it('feeds checklist links to the diagnosis, which marks the item present by that attachment', async () => {
    const { caseId } = await seeded();
    const loaded = (await getCase(caseId))!;
    const facts = caseFacts(loaded.record, stripDerived(loaded.person), [], []);
    const before = diagnose(facts, factory.bundle, '2025-06-01').causes.flatMap((c) => c.checklist).find((m) => m.itemId === 'termination_proof');
    expect(before?.present).toBe(false);
    const [out] = await recordAttachments(caseId, [stored('finger.pdf', hash('e'), 1)], { link: { kind: 'checklist', id: 'termination_proof' } }, actor);
    const refs = await attachmentRefsFor(caseId);
    const mark = diagnose({ ...facts, attachments: refs }, factory.bundle, '2025-06-01').causes.flatMap((c) => c.checklist).find((m) => m.itemId === 'termination_proof');
    expect(mark).toEqual({ itemId: 'termination_proof', present: true, provenBy: 'attachment', detail: 'finger' });
    // In the trash it proves nothing.
    await trashAttachment(out!.kind === 'added' ? out!.row.id : '', actor);
    expect(await attachmentRefsFor(caseId)).toEqual([]);
  });

  it('moves to the trash and back; re-attaching a trashed file restores it', async () => {
    const { caseId } = await seeded();
    const [out] = await recordAttachments(caseId, [stored('a.pdf', hash('f'), 1)], {}, actor);
    const id = out!.kind === 'added' ? out!.row.id : '';
    await trashAttachment(id, actor, new Date('2025-06-02T10:00:00Z'));
    expect(await attachmentsFor(caseId)).toEqual([]);
    expect((await trashFor(caseId)).map((r) => r.deletedAt)).toEqual(['2025-06-02T10:00:00.000Z']);
    await restoreAttachment(id, actor);
    expect((await attachmentsFor(caseId)).map((r) => r.id)).toEqual([id]);
    await trashAttachment(id, actor);
    const again = await recordAttachments(caseId, [stored('a.pdf', hash('f'), 1)], {}, actor);
    expect(again).toMatchObject([{ kind: 'added', row: { id, deletedAt: null } }]);
  });

  it('at startup removes rows trashed over 30 days ago, then asks main to purge what no row refers to', async () => {
    const { caseId } = await seeded();
    const outs = await recordAttachments(caseId, [stored('old.pdf', hash('1'), 1), stored('recent.pdf', hash('2'), 1), stored('live.pdf', hash('3'), 1)], {}, actor);
    const ids = outs.map((o) => (o.kind === 'added' ? o.row.id : ''));
    await trashAttachment(ids[0]!, actor, new Date('2025-05-01T10:00:00Z'));
    await trashAttachment(ids[1]!, actor, new Date('2025-05-25T10:00:00Z'));
    const purgeAttachments = vi.fn(async () => ({ ok: true as const, value: { removed: 1, kept: 2 } }));
    const result = await purgeExpiredAttachments({ purgeAttachments }, new Date('2025-06-05T10:00:00Z'));
    expect(result).toEqual({ rows: 1, files: 1 });
    expect(purgeAttachments).toHaveBeenCalledTimes(1);
    const keep = (purgeAttachments.mock.calls[0] as unknown as [{ keep: string[] }])[0].keep;
    expect(keep.sort()).toEqual([hash('2'), hash('3')]);
    expect((await trashFor(caseId)).map((r) => r.name)).toEqual(['recent.pdf']);
    const expired = (await auditFor(caseId)).find((a) => a.entity === 'attachment' && a.action === 'delete');
    expect(expired).toMatchObject({ who: 'system', entityId: ids[0], note: 'trash_expired' });
  });

  it('keeps a file another case still uses when one case’s copy expires', async () => {
    const { caseId } = await seeded();
    const draft = intake({ nameKy: ['Бакиев', 'Нурлан', ''], nameRu: ['Бакиев', 'Нурлан', ''], nameLat: ['BAKIEV', 'NURLAN', ''], number: '1111111' });
    const second = await createCase(draft, actor, { now: new Date('2025-06-01T09:00:00Z') });
    if (!second.ok) throw new Error('second case');
    const [out] = await recordAttachments(caseId, [stored('shared.pdf', hash('9'), 1)], {}, actor);
    await recordAttachments(second.value.id, [stored('shared.pdf', hash('9'), 1)], {}, actor);
    await trashAttachment(out!.kind === 'added' ? out!.row.id : '', actor, new Date('2025-01-01T00:00:00Z'));
    const purgeAttachments = vi.fn(async (_request: { keep: string[] }) => ({ ok: true as const, value: { removed: 0, kept: 1 } }));
    await purgeExpiredAttachments({ purgeAttachments }, new Date('2025-06-05T10:00:00Z'));
    expect(await trashFor(caseId)).toEqual([]);
    expect(purgeAttachments.mock.calls[0]![0].keep).toEqual([hash('9')]);
  });
});
