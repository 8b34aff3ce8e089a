import { describe, expect, it } from 'vitest';
import { FEATURE_MESSAGES } from '../../../../renderer/src/app/feature-messages';
import { messagesFor, type Language } from '../../../../renderer/src/i18n';
import { findingText } from '../../../../renderer/src/features/documents/finding-text';
import { translator as appTranslator } from '../../support/translator';

const SUFFIX = /_(zero|one|two|few|many|other)$/;
const tree = (language: Language) => messagesFor(language, FEATURE_MESSAGES);

function keys(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

async function translator(language: Language) {
  return (await appTranslator(language)).t;
}

describe('plural forms follow each language’s plural rules', () => {
  it.each(['ru', 'ky', 'en'] as const)('%s: every counted message has every form the language’s rules can pick', (language) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const all = new Set(keys(tree(language)));
    const plural = new Set([...all].filter((k) => SUFFIX.test(k)).map((k) => k.replace(SUFFIX, '')));
    expect(plural.size).toBeGreaterThan(5);
    const missing = [...plural].flatMap((base) => needed.filter((form) => !all.has(`${base}_${form}`)).map((form) => `${base}_${form}`));
    expect(missing).toEqual([]);
  });

  it.each([
    ['ru', 'attachments.result.added', 1, 'Прикреплён 1 файл'],
    ['ru', 'attachments.result.added', 3, 'Прикреплено 3 файла'],
    ['ru', 'attachments.result.added', 11, 'Прикреплено 11 файлов'],
    ['ru', 'attachments.result.added', 21, 'Прикреплён 21 файл'],
    ['en', 'attachments.result.added', 1, '1 file attached'],
    ['en', 'attachments.result.added', 2, '2 files attached'],
    ['ru', 'backup.restore.attachmentsValue', 1, '1 файл, 1 КБ'],
    ['ru', 'backup.restore.attachmentsValue', 2, '2 файла, 1 КБ'],
    ['ru', 'backup.restore.attachmentsValue', 25, '25 файлов, 1 КБ'],
    ['en', 'backup.restore.attachmentsValue', 1, '1 file, 1 КБ'],
    ['ru', 'access.auditCheck.ok', 1, 'Журнал цел: 1 запись, цепочка не нарушена.'],
    ['ru', 'access.auditCheck.ok', 4, 'Журнал цел: 4 записи, цепочка не нарушена.'],
    ['ru', 'access.auditCheck.ok', 12, 'Журнал цел: 12 записей, цепочка не нарушена.'],
    ['ky', 'access.auditCheck.ok', 12, 'Журнал бүтүн: 12 жазуу, чынжыр бузулган эмес.'],
    ['ru', 'documents.history.file', 1, 'Сформирован файл документа: 1 страница, 3 КБ'],
    ['ru', 'documents.history.file', 2, 'Сформирован файл документа: 2 страницы, 3 КБ'],
    ['ru', 'documents.history.file', 5, 'Сформирован файл документа: 5 страниц, 3 КБ'],
    ['en', 'documents.history.file', 1, 'Document file generated: 1 page, 3 KB'],
    ['en', 'documents.history.file', 2, 'Document file generated: 2 pages, 3 KB'],
    ['ky', 'documents.history.file', 1, 'Документтин файлы түзүлдү: 1 барак, 3 КБ'],
    ['en', 'batch.mergedReady', 1, 'Joined PDF: 1 page'],
    ['en', 'batch.mergedReady', 40, 'Joined PDF: 40 pages'],
    ['ru', 'batch.mergedReady', 21, 'Общий PDF: 21 стр.'],
    ['ru', 'import.file.truncated', 50_001, 'В файле 50001 строка; прочитаны первые 50000. Разделите файл на части, чтобы импортировать остальные.'],
    ['ru', 'import.file.truncated', 50_003, 'В файле 50003 строки; прочитаны первые 50000. Разделите файл на части, чтобы импортировать остальные.'],
    ['ru', 'import.file.truncated', 50_010, 'В файле 50010 строк; прочитаны первые 50000. Разделите файл на части, чтобы импортировать остальные.'],
    ['en', 'import.file.truncated', 50_001, 'The file has 50001 rows; the first 50000 were read. Split the file to import the rest.'],
    ['en', 'export.saved', 1, 'Saved: cases.xlsx (1 row)'],
    ['en', 'export.saved', 3, 'Saved: cases.xlsx (3 rows)'],
    ['ru', 'export.saved', 3, 'Сохранено: cases.xlsx (3 строки)'],
    ['en', 'transfer.import.done', 1, 'Done: 2 written, 0 of ours kept, 1 history entry added.'],
    ['en', 'transfer.import.done', 4, 'Done: 2 written, 0 of ours kept, 4 history entries added.'],
    ['ru', 'transfer.export.cases', 1, '1 дело'],
    ['ru', 'transfer.export.cases', 3, '3 дела'],
    ['ru', 'transfer.export.records', 5, '5 записей'],
    ['en', 'transfer.export.files', 1, '1 attachment'],
    ['en', 'transfer.export.files', 0, '0 attachments'],
    ['en', 'reference.mission.district', 1, 'Consular district (1 region)'],
    ['en', 'reference.mission.district', 9, 'Consular district (9 regions)'],
    ['ru', 'backup.auditCheck.intact', 1, 'цел: 1 запись'],
    ['ru', 'backup.auditCheck.intact', 22, 'цел: 22 записи'],
    ['en', 'backup.auditCheck.intact', 1, 'intact: 1 row'],
    ['en', 'intake.timeline.gap', 1, 'Not registered: 01.06.2024 — 30.06.2024 (1 day)'],
    ['en', 'intake.timeline.gap', 30, 'Not registered: 01.06.2024 — 30.06.2024 (30 days)'],
  ] as const)('%s %s, %i: “%s”', async (language, key, count, expected) => {
    const t = await translator(language);
    expect(t(key, { count, size: '1 КБ', kb: 3, read: 50_000, name: 'cases.xlsx', written: 2, kept: 0, from: '01.06.2024', to: '30.06.2024' })).toBe(expected);
  });

  it.each([
    ['ru', 1, '(по 1 делу)', 'У 1 дела нет'],
    ['ru', 2, '(по 2 делам)', 'У 2 дел нет'],
    ['ru', 5, '(по 5 делам)', 'У 5 дел нет'],
    ['ru', 21, '(по 21 делу)', 'У 21 дела нет'],
    ['en', 1, '(1 case)', '1 case has no'],
    ['en', 7, '(7 cases)', '7 cases have no'],
  ] as const)('%s reports, %i case(s): “%s”, “%s”', async (language, count, quartiles, reconstructed) => {
    const t = await translator(language);
    expect(t('reports.summary.quartiles', { q1: 3, q3: 9, count })).toContain(quartiles);
    expect(t('reports.summary.reconstructed', { count })).toContain(reconstructed);
  });

  it.each([
    ['ru', 1, 2, 1, 'указано 1 лист, а в файле 2 страницы', '(1 день)'],
    ['ru', 5, 3, 22, 'указано 5 листов, а в файле 3 страницы', '(22 дня)'],
    ['ru', 2, 5, 11, 'указано 2 листа, а в файле 5 страниц', '(11 дней)'],
    ['en', 1, 2, 1, '1 sheet given, the file has 2 pages', '(1 day)'],
    ['en', 3, 1, 30, '3 sheets given, the file has 1 page', '(30 days)'],
  ] as const)('%s document checks: %i sheet(s), %i page(s), %i day(s) in words', async (language, sheets, pages, days, sheetText, dayText) => {
    const t = await translator(language);
    expect(findingText(t, { code: 'sheet_count', params: { index: 1, title: 'Договор', sheets, pages } })).toContain(sheetText);
    expect(findingText(t, { code: 'lawful_stay_vs_gap', params: { from: '01.06.2024', to: '30.06.2024', days } })).toContain(dayText);
  });
});
