import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadFactoryReference } from '../../../electron/main/reference/factory';
import type { Channel, RequestOf } from '../../../shared/ipc/contract';
import { factoryTemplate, fixtureInputs, payloadInputs } from './document-fixtures';


const ROOT = path.resolve(__dirname, '../../..');

/** A 1×1 PNG: small enough to inline, real enough for the type check and the store. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PNG_1PX_SHA256 = createHash('sha256').update(Buffer.from(PNG_1PX, 'base64')).digest('hex');

const mission = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 495 000-00-00',
  outgoingPrefix: 'КР-М',
};
const caseworker = { fullName: 'Токтогулов Нурлан Асанович', position: 'Консул', phone: '+7 495 000-00-01' };

/** A small report as the reports screen sends it. */
const report = {
  title: 'Отчёт о работе по делам граждан в реестре контролируемых лиц',
  missionName: mission.nameRu,
  period: '01.2025 – 03.2025',
  lines: ['Отбор: Регион: г. Москва'],
  fileName: 'Отчёт 01.2025–03.2025',
  language: 'ru' as const,
  tables: [
    {
      title: 'По месяцам',
      columns: [
        { label: 'Месяц', numeric: false },
        { label: 'Принято', numeric: true },
        { label: 'Медиана дней', numeric: true },
      ],
      rows: [
        ['01.2025', 2, 25.5],
        ['02.2025', 0, null],
      ],
      total: ['Итого', 2, 25.5],
    },
  ],
};

/**
 * One or more valid requests per channel: the fuzzer mutates them to reach past validation. Every channel
 * must have at least one (the fuzz test checks), and each must be answered `ok` as it stands.
 */
export async function validExamples(): Promise<{ [C in Channel]: RequestOf<C>[] }> {
  const reference = JSON.stringify(await loadFactoryReference(path.join(ROOT, 'resources/reference')));
  return {
    'app:info': [{}],
    'app:setLanguage': [{ language: 'ky' }],
    'app:saveSupportInfo': [{}],
    'reference:factory': [{}],
    'reference:export': [{ json: reference }, { json: reference, fileName: 'справочники.json' }],
    'documents:exportMissionCard': [{ mission, caseworker }],
    'accounts:status': [{}],
    'accounts:setup': [{ name: 'Токтогулов Нурлан', position: 'Консул', password: 'correct horse battery staple' }],
    'accounts:signIn': [{ accountId: 'a'.repeat(24), password: 'correct horse battery staple' }],
    'accounts:resume': [{}],
    'accounts:lock': [{ reason: 'idle' }, { reason: 'shortcut' }],
    'accounts:signOut': [{}],
    'accounts:changePassword': [{ current: 'correct horse battery staple', next: 'violet tundra kettle 42' }],
    'accounts:add': [{ name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: 'violet tundra kettle 42' }],
    'accounts:resetPassword': [{ accountId: 'a'.repeat(24), password: 'violet tundra kettle 42' }],
    'accounts:update': [{ accountId: 'a'.repeat(24), disabled: true }],
    'accounts:setIdle': [{ minutes: 10 }],
    'accounts:recover': [{ recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000', accountId: 'a'.repeat(24), password: 'violet tundra kettle 42' }],
    'accounts:drainEvents': [{}],
    'attachments:pick': [{}],
    'attachments:add': [
      { name: 'скан.png', dataBase64: PNG_1PX },
      { name: 'scan.pdf', dataBase64: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF').toString('base64') },
    ],
    'attachments:read': [{ sha256: PNG_1PX_SHA256 }, { sha256: '0'.repeat(64) }],
    'attachments:purge': [{ keep: [PNG_1PX_SHA256] }, { keep: [] }],
    'documents:generate': (['mission_letter_mvd', 'verbal_note_mfa', 'citizen_memo'] as const).map((kind) => ({
      caseId: 'case-1',
      documentId: `doc-${kind}`,
      template: factoryTemplate(kind),
      inputs: payloadInputs(fixtureInputs(kind)) as RequestOf<'documents:generate'>['inputs'],
    })),
    'documents:preview': [{ template: factoryTemplate('cover_letter'), inputs: payloadInputs(fixtureInputs('cover_letter')) as RequestOf<'documents:preview'>['inputs'] }],
    'documents:open': [{ relPath: 'case-1/doc-mission_letter_mvd.pdf' }, { relPath: 'case-1/nothing.pdf' }],
    'documents:saveAs': [{ relPath: 'case-1/doc-verbal_note_mfa.pdf', fileName: 'нота.pdf' }],
    'documents:print': [{ relPath: 'case-1/doc-citizen_memo.pdf' }],
    'templates:factory': [{}],
    'templates:preview': [{ template: factoryTemplate('reminder') }, { template: factoryTemplate('receipt'), mission, caseworker }],
    'import:open': [{}],
    'import:sheet': [{ fileId: 'a'.repeat(24), sheet: 'Лист1' }],
    'export:begin': [
      { format: 'csv', fileName: 'дела.csv', sheetName: 'Дела', columns: [{ header: 'Номер', kind: 'text', width: 12 }, { header: 'Дата', kind: 'date', width: 12 }] },
      { format: 'xlsx', fileName: 'дела.xlsx', sheetName: 'Дела', columns: [{ header: 'N', kind: 'number', width: 8 }] },
    ],
    'export:rows': [{ exportId: 'b'.repeat(24), rows: [['КР-М-26-00001', '2026-11-25']] }],
    'export:finish': [{ exportId: 'b'.repeat(24) }],
    'export:cancel': [{ exportId: 'b'.repeat(24) }],
    'transfer:export': [
      { bundleId: 'bundle-0001', passphrase: 'длинная фраза 2026', source: { missionId: 'mKR', missionName: mission.nameRu, caseworker: caseworker.fullName }, schemaVersion: 10, records: [], attachments: [] },
    ],
    'transfer:pick': [{}],
    'transfer:open': [{ token: 'c'.repeat(32), passphrase: 'длинная фраза 2026' }],
    'transfer:storeFiles': [{ token: 'c'.repeat(32) }],
    'transfer:discard': [{ token: 'c'.repeat(32) }],
    'backup:status': [{}],
    'backup:setPassphrase': [{ passphrase: 'надёжная фраза резервной копии' }],
    'backup:chooseFolder': [{}],
    'backup:useDefaultFolder': [{}],
    'backup:begin': [{ reason: 'manual', schemaVersion: 10, counts: { cases: 0, persons: 0 } }],
    'backup:append': [{ session: 'd'.repeat(24), seq: 0, data: Buffer.from('{"table":"cases"}').toString('base64') }],
    'backup:finish': [{ session: 'd'.repeat(24) }],
    'backup:abort': [{ session: 'd'.repeat(24) }],
    'backup:restorePick': [{}],
    'backup:restoreOpen': [{ pick: 'e'.repeat(24), passphrase: 'надёжная фраза резервной копии', schemaVersion: 10 }],
    'backup:restoreRead': [{ restore: 'f'.repeat(24) }],
    'backup:restoreCommit': [{ restore: 'f'.repeat(24) }],
    'backup:restoreCancel': [{ restore: 'f'.repeat(24) }],
    'batch:start': [{ template: factoryTemplate('mission_letter_mvd') }],
    'batch:add': [
      {
        jobId: 'job-unknown',
        items: [{ key: 'k1', caseId: 'case-2', documentId: 'doc-b1', inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) as RequestOf<'batch:add'>['items'][number]['inputs'] }],
        last: true,
      },
    ],
    'batch:status': [{ jobId: 'job-unknown' }, { jobId: 'job-unknown', since: 3 }],
    'batch:cancel': [{ jobId: 'job-unknown' }],
    'batch:merge': [{ files: ['case-1/doc-mission_letter_mvd.pdf', 'case-1/doc-verbal_note_mfa.pdf'] }],
    'batch:saveMerged': [{ jobId: 'job-unknown', fileName: 'пакет.pdf' }],
    'reports:exportXlsx': [report],
    'reports:exportPdf': [report],
    'sync:status': [{}],
    'sync:join': [{ address: '192.168.1.10:8443', fingerprint: 'AB:'.repeat(31) + 'AB' }],
    'sync:checkApproval': [{}],
    'sync:adoptKey': [{ recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', password: 'correct horse battery staple' }],
    'sync:leave': [{}],
    'sync:pull': [{ collection: 'cases', checkpoint: null, batchSize: 100 }, { collection: 'persons', checkpoint: { seq: 42 }, batchSize: 1 }],
    'sync:push': [{ collection: 'cases', rows: [{ newDocumentState: { id: 'c1', _deleted: false, status: 'open' }, assumedMasterState: { id: 'c1', _deleted: false, status: 'new' } }] }],
    'sync:wait': [{ waitMs: 0 }],
    'sync:registerNext': [{ year: 2026 }],
  };
}
