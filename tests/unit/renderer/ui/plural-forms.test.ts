import { describe, expect, it } from 'vitest';
import { FEATURE_MESSAGES } from '../../../../renderer/src/app/feature-messages';
import { messagesFor, type Language } from '../../../../renderer/src/i18n';
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
  ] as const)('%s %s, %i: “%s”', async (language, key, count, expected) => {
    const t = await translator(language);
    expect(t(key, { count, size: '1 КБ' })).toBe(expected);
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
});
