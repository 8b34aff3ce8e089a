import { describe, expect, it } from 'vitest';
import { describeDocumentChange } from '../../../../../renderer/src/features/documents/history-text';
import { translator as appTranslator } from '../../../support/translator';

const translator = async (language: 'ru' | 'ky' | 'en') => (await appTranslator(language)).t;

const acknowledged = {
  field: 'acknowledgedWarnings',
  before: null,
  after: [
    { key: 'evidence_ended:12:reg-r1', code: 'evidence_ended', params: { what: 'миграционный учёт с 16.01.2024 по 31.12.2024', ended: '31.12.2024' } },
    { key: 'date_before_register:-:learnedAt', code: 'date_before_register', params: { what: 'learnedAt', date: '01.01.2025', start: '05.02.2025' } },
  ],
};

describe('the case history of a generated document', () => {
  it('says which check warnings the caseworker generated over, as the review said them', async () => {
    const t = await translator('ru');
    expect(describeDocumentChange(t, acknowledged)).toBe(
      'Сформирован, несмотря на предупреждения проверки (2): Документ приводит миграционный учёт с 16.01.2024 по 31.12.2024, срок которого истёк 31.12.2024, до даты документа. ' +
        'Дата, когда гражданин узнал о включении, 01.01.2025 — раньше начала ведения реестра (05.02.2025). Проверьте дату.',
    );
    expect(describeDocumentChange(await translator('ky'), acknowledged)).toMatch(/^Текшерүүнүн эскертүүлөрүнө карабастан түзүлдү \(2\): /);
  });

  it('names the letter arguments and versions the document printed and the reference data version', async () => {
    const t = await translator('ru');
    const change = { field: 'statements', before: null, after: { referenceVersion: 4, causeId: 'R-1', arguments: [{ id: 'R-1.gap', version: 2, form: 'assertion' }, { id: 'R-1.term', version: 1, form: 'check' }] } };
    expect(describeDocumentChange(t, change)).toBe('Доводы по причине R-1 (справочник, версия 4): R-1.gap в. 2, R-1.term в. 1 (просьба проверить)');
    expect(describeDocumentChange(t, { ...change, after: { ...change.after, arguments: [] } })).toBeNull();
  });

  it('ignores entries it cannot read instead of printing garbage', async () => {
    const t = await translator('en');
    expect(describeDocumentChange(t, { field: 'acknowledgedWarnings', before: null, after: [{ code: 'no_such_check', params: {} }] })).toBeNull();
    expect(describeDocumentChange(t, { field: 'acknowledgedWarnings', before: null, after: 'x' })).toBeNull();
  });
});
