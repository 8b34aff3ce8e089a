import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import { regionalAddressee } from '../../../../../shared/reference/lookup';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { documentInputsFor } from '../../../../../renderer/src/data/documents/document-inputs.repo';
import { consistencyFor, generateDocument as generateRaw, regenerateDocument, reviewInputs, type GenerateRequest } from '../../../../../renderer/src/features/documents/generate';
import type { DocumentInputsPayload } from '../../../../../shared/ipc/channels/documents';
import { documentsFor, registerRows } from '../../../../../renderer/src/data/documents/register.repo';
import { saveSettings } from '../../../../../renderer/src/data/settings/settings.repo';
import { ensureReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { addRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { buildDocumentModel } from '../../../../../shared/documents/model';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { CASEWORKER, factoryTemplate, MISSION } from '../../../support/document-fixtures';
import { PdfWorkspace } from '../../../support/pdf-reader';
import { factoryBundle } from '../../../support/reference-fixtures';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';
import { readStoredPdf } from '../../../../../electron/main/documents/store';

/**
 * The page's side of generation against main's real handlers: the inputs gathered from a stored case must pass
 * main's schema, the number is allocated once, and a failed render leaves the number with its document.
 */

const work = new PdfWorkspace();
const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-flow-'));
afterAll(() => {
  work.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});
const dispatch = createDispatcher(createHandlers(testMainDeps(dataDir, { now: () => new Date() })), () => undefined);

/** The API as the page has it: every payload goes through JSON like the bridge (structured clone in Electron). */
const api: Pick<AryzApi, 'generateDocument'> = {
  generateDocument: (request) => dispatch('documents:generate', JSON.parse(JSON.stringify(request)), testContext()) as ReturnType<AryzApi['generateDocument']>,
};

async function seeded() {
  const db = freshDb();
  await ensureReference({ getFactoryReference: async () => ({ ok: true as const, value: factoryBundle() }) });
  await saveSettings({ mission: MISSION, caseworker: CASEWORKER });
  const created = await createCase(intake({ nameKy: ['Үсөнов', 'Маңызбек', ''], nameRu: ['Усенов', 'Манызбек', ''], nameLat: ['USONOV', 'MANGYZBEK', ''] }), actor, { now: new Date('2026-02-01T09:00:00Z') });
  if (!created.ok) throw new Error('seed');
  const addressee = regionalAddressee(factoryBundle().addressees, created.value.region);
  if (!addressee) throw new Error('no regional addressee');
  return { db, caseId: created.value.id, addressee };
}

const request = (caseId: string, addressee: GenerateRequest['addressee'], extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  caseId,
  template: factoryTemplate('mission_letter_mvd'),
  addressee,
  date: '2026-02-10',
  attachments: [{ title: 'Копия паспорта гражданина', sheets: 2, copies: 1 }],
  previousDocumentId: null,
  ...extra,
});

/** Generation as the caseworker does it after reading the review: every warning shown is acknowledged. */
async function generateDocument(through: Pick<AryzApi, 'generateDocument'>, req: GenerateRequest, who: typeof actor) {
  const findings = await consistencyFor(req, await reviewInputs(req, 'X'));
  return generateRaw(through, { ...req, acknowledged: findings.filter((f) => f.severity === 'warning').map((f) => f.key) }, who);
}

describe('generating from a stored case', () => {
  it('refuses until the consistency warnings are acknowledged, then records them and the arguments used in the audit', async () => {
    const { db, caseId, addressee } = await seeded();
    const unacknowledged = await generateRaw(api, request(caseId, addressee), actor);
    if (unacknowledged.status !== 'inconsistent') throw new Error(`expected inconsistent, got ${unacknowledged.status}`);
    // The stored case's registration and contract ended 31.12.2024, before the letter of 10.02.2026.
    expect(unacknowledged.findings.map((f) => [f.code, f.params.ended])).toEqual([
      ['evidence_ended', '31.12.2024'],
      ['evidence_ended', '31.12.2024'],
    ]);
    expect(await db.outgoing.count()).toBe(0);
    const done = await generateRaw(api, request(caseId, addressee, { acknowledged: unacknowledged.findings.map((f) => f.key) }), actor);
    if (done.status !== 'generated') throw new Error(`expected generated, got ${done.status}`);
    expect(done.document.statements).toMatchObject({ referenceVersion: factoryBundle().version, acknowledged: unacknowledged.findings.map(({ key, code, params }) => ({ key, code, params })) });
    const audit = (await db.audit.where('caseId').equals(caseId).toArray()).filter((row) => row.entityId === done.document.id);
    const acknowledged = audit.flatMap((row) => row.changes).find((c) => c.field === 'acknowledgedWarnings');
    expect(acknowledged?.after).toEqual(unacknowledged.findings.map(({ key, code, params }) => ({ key, code, params })));
  });

  it('refuses a missing requisite before any number is taken, then generates, numbers and stores the letter', async () => {
    const { db, caseId, addressee } = await seeded();
    const refused = await generateDocument(api, request(caseId, addressee, { attachments: [] }), actor);
    expect(refused).toEqual({ status: 'refused', reason: 'missing_requisites', missing: [{ path: 'attachments', label: 'перечень приложений (наименование, число листов и экземпляров)' }] });
    // Main, asked with the same inputs, refuses in the same words: one check, one shape on both sides.
    const inputs = await reviewInputs(request(caseId, addressee, { attachments: [] }), 'X');
    const fromMain = await api.generateDocument({ caseId, documentId: 'probe', template: factoryTemplate('mission_letter_mvd'), inputs: inputs as DocumentInputsPayload });
    expect(fromMain).toEqual({ ok: true, value: refused });
    expect(await db.outgoing.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);

    const done = await generateDocument(api, request(caseId, addressee), actor);
    expect(done.status).toBe('generated');
    if (done.status !== 'generated') return;
    expect(done.document).toMatchObject({ outgoingNumber: 'КР-М-1/26', templateId: 'mission_letter_mvd', templateVersion: 1, addressee: addressee.nameRu, status: 'generated' });
    const file = done.document.file!;
    expect(file.relPath).toBe(`${caseId}/${done.document.id}.pdf`);
    const text = work.read((await readStoredPdf(dataDir, file.relPath, TEST_FILE_KEYS.content))!, 'flow').flat;
    for (const expected of ['КР-М-1/26', '10.02.2026', 'Усенов Манызбек', addressee.addresseeRu, 'Копия паспорта гражданина на 2 л. в 1 экз.']) expect(text).toContain(expected);
    expect((await registerRows()).map((r) => [r.number, r.documentId, r.status])).toEqual([['КР-М-1/26', done.document.id, 'registered']]);
  });

  it('a failed render keeps the number with its document; generating again uses the same number', async () => {
    const { db, caseId, addressee } = await seeded();
    const broken: typeof api = { generateDocument: async () => ({ ok: false, error: { code: 'IO_ERROR' } }) };
    const failed = await generateDocument(broken, request(caseId, addressee), actor);
    expect(failed).toMatchObject({ status: 'failed', document: { outgoingNumber: 'КР-М-1/26', file: null }, error: { code: 'IO_ERROR' } });
    if (failed.status !== 'failed') return;
    const again = await regenerateDocument(api, failed.document, factoryTemplate('mission_letter_mvd'), actor);
    expect(again).toMatchObject({ status: 'generated', document: { id: failed.document.id, outgoingNumber: 'КР-М-1/26' } });
    expect(await db.outgoing.count()).toBe(1);
    const next = await generateDocument(api, request(caseId, addressee), actor);
    expect(next).toMatchObject({ status: 'generated', document: { outgoingNumber: 'КР-М-2/26' } });
  });

  it('a reminder cites the earlier letter; unnumbered documents take no number; the memo lists what was sent', async () => {
    const { db, caseId, addressee } = await seeded();
    const first = await generateDocument(api, request(caseId, addressee), actor);
    if (first.status !== 'generated') throw new Error('first letter');
    const reminder = await generateDocument(api, request(caseId, addressee, { template: factoryTemplate('reminder'), date: '2026-03-20', attachments: [], previousDocumentId: first.document.id }), actor);
    expect(reminder).toMatchObject({ status: 'generated', document: { outgoingNumber: 'КР-М-2/26' } });
    if (reminder.status !== 'generated') return;
    const text = work.read((await readStoredPdf(dataDir, reminder.document.file!.relPath, TEST_FILE_KEYS.content))!, 'reminder').flat;
    expect(text).toContain('КР-М-1/26');
    expect(text).toContain('10.02.2026');

    const application = await generateDocument(api, request(caseId, null, { template: factoryTemplate('citizen_application_mission'), attachments: [] }), actor);
    expect(application).toMatchObject({ status: 'generated', document: { outgoingNumber: '', outgoingSeq: null } });
    expect(await db.outgoing.count()).toBe(2);

    const inputs = await documentInputsFor(caseId, { template: factoryTemplate('citizen_memo'), number: '', date: '2026-03-21' });
    expect(inputs.sent?.map((s) => s.number)).toEqual(['КР-М-1/26', 'КР-М-2/26']);
    expect((await documentsFor(caseId)).length).toBe(3);
  });

  it('the memo counts a letter recorded as sent by hand: it lists it, in Kyrgyz in its Kyrgyz half, and never says nothing was sent', async () => {
    const { caseId } = await seeded();
    const before = await documentInputsFor(caseId, { template: factoryTemplate('citizen_memo'), number: '', date: '2026-03-21' });
    expect(before.sent).toEqual([]);
    expect(before.expectedAnswer).toBeNull();
    const added = await addRequest(caseId, { kind: 'mission_letter', addressee: 'УВМ ГУ МВД России по г. Москве', ourNumber: 'КР-М-77/26', sentAt: '2026-03-02' }, actor);
    if (!added.ok) throw new Error('request');
    const inputs = await documentInputsFor(caseId, { template: factoryTemplate('citizen_memo'), number: '', date: '2026-03-21' });
    expect(inputs.sent).toEqual([{ title: 'Письмо представительства', titleKy: 'Өкүлчүлүктүн каты', addressee: 'УВМ ГУ МВД России по г. Москве', number: 'КР-М-77/26', date: '2026-03-02' }]);
    // 30 days of the mission's follow-up from 02.03.2026: 01.04.2026, a Wednesday.
    expect(inputs.expectedAnswer).toMatchObject({ title: 'Письмо представительства', titleKy: 'Өкүлчүлүктүн каты', due: '2026-04-01', appeal: false });
    const model = buildDocumentModel(inputs);
    expect(model.expected).toMatchObject({ due: '01.04.2026', letterKy: 'Өкүлчүлүктүн каты (02.03.2026, № КР-М-77/26)' });
    // A letter dated after the memo was not yet sent on the memo's date.
    const earlier = await documentInputsFor(caseId, { template: factoryTemplate('citizen_memo'), number: '', date: '2026-03-01' });
    expect(earlier.sent).toEqual([]);
  });
});
