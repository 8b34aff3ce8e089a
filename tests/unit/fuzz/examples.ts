import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadFactoryReference } from '../../../electron/main/reference/factory';
import type { Channel, RequestOf } from '../../../shared/ipc/contract';

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
    'reference:factory': [{}],
    'reference:export': [{ json: reference }, { json: reference, fileName: 'справочники.json' }],
    'documents:exportMissionCard': [{ mission, caseworker }],
    'attachments:pick': [{}],
    'attachments:add': [
      { name: 'скан.png', dataBase64: PNG_1PX },
      { name: 'scan.pdf', dataBase64: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF').toString('base64') },
    ],
    'attachments:read': [{ sha256: PNG_1PX_SHA256 }, { sha256: '0'.repeat(64) }],
    'attachments:purge': [{ keep: [PNG_1PX_SHA256] }, { keep: [] }],
    'reports:exportXlsx': [report],
    'reports:exportPdf': [report],
  };
}
