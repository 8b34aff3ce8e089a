import { describe, expect, it } from 'vitest';
import { fieldWords, issueLine, issueWhat } from '../../../../../renderer/src/features/reference/issue-text';
import { factoryBundle } from '../../../support/reference-fixtures';
import { translator } from '../../../support/translator';

describe('reference issue texts', () => {
  it('says what is wrong in the user language, with limits, ids and field-specific rules', async () => {
    const { t } = await translator('ru');
    expect(issueWhat(t, { code: 'required' })).toBe('Обязательное поле');
    expect(issueWhat(t, { code: 'too_long', limit: 300 })).toBe('Не более 300 символов');
    expect(issueWhat(t, { code: 'unknown_reference', value: 'nothing' })).toBe('Ссылка на несуществующий код «nothing»');
    expect(issueWhat(t, { code: 'invalid_value' }, { invalid_value: 'reference.issue.verifiedOnNeedsVerified' })).toBe(
      'Дата проверки ставится только у записи со статусом «проверено»',
    );
    const { t: ky } = await translator('ky');
    expect(issueWhat(ky, { code: 'duplicate_id', value: 'R-1' })).toBe('«R-1» коду кайталанат');
  });

  it('names fields in words where it knows them, keeping the rest of the path', async () => {
    const { t } = await translator('ru');
    expect(fieldWords(t, 'nameRu')).toBe('наименование');
    expect(fieldWords(t, 'explanation.ky')).toBe('объяснение (ky)');
    expect(fieldWords(t, 'somethingNew.0')).toBe('somethingNew (0)');
  });

  it('places each problem of an import by table, row, id and field', async () => {
    const { t } = await translator('ru');
    const data = factoryBundle();
    expect(issueLine(t, { file: null, path: 'addressees.0.nameRu', code: 'required' }, data)).toBe(
      'Адресаты, строка 1 (mfa-consular-department), поле наименование: Обязательное поле',
    );
    expect(issueLine(t, { file: null, path: 'causes.0.checklist.8', code: 'unknown_reference', value: 'nothing' }, data)).toBe(
      'Причины ошибок, строка 1 (R-1), поле доказательства (8): Ссылка на несуществующий код «nothing»',
    );
    expect(issueLine(t, { file: null, path: 'legalRefs', code: 'invalid_type' }, data)).toBe('Правовые нормы: Неверный тип значения');
    expect(issueLine(t, { file: null, path: 'updatedAt', code: 'invalid_format' }, data)).toBe('поле дата изменения: Недопустимый формат');
    expect(issueLine(t, { file: null, path: '', code: 'invalid_type' }, null)).toBe('Файл целиком: Неверный тип значения');
  });
});
