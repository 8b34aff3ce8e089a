import { describe, expect, it } from 'vitest';
import { emptyIntake } from '../../../../../shared/case/schema';
import { collectFindings, findingMessage, issueMessage, messagesAt, renderMessage, type Translate } from '../../../../../renderer/src/features/intake/findings';
import { validIntake } from '../../../support/case-fixtures';

// Noon on the fixtures' TODAY, local time, as the form would see it.
const NOW = new Date(2025, 5, 1, 12, 0, 0);

/** Records what would be translated, so the test sees keys and parameters rather than one language. */
const fakeT: Translate = (key, params) => (params && Object.keys(params).length > 0 ? `${key}${JSON.stringify(params)}` : key);

describe('collectFindings', () => {
  it('a complete, consistent intake has nothing to say and does not block', () => {
    expect(collectFindings(validIntake(), { now: NOW, showRequired: true })).toEqual({ items: [], blocking: false });
  });

  it('hides "required" until saving was tried, but still blocks', () => {
    const quiet = collectFindings(emptyIntake(), { now: NOW, showRequired: false });
    expect(quiet.blocking).toBe(true);
    expect(quiet.items.filter((i) => i.message.key === 'validation.required')).toEqual([]);
    const loud = collectFindings(emptyIntake(), { now: NOW, showRequired: true });
    const requiredPaths = loud.items.filter((i) => i.message.key === 'validation.required').map((i) => i.path);
    // Unmade choices (null) read as required, never as "wrong type"; caseworker and mission come from the actor.
    expect(requiredPaths.sort()).toEqual(
      [
        'person.nameRu.surname',
        'person.nameRu.givenName',
        'person.patronymicForm',
        'person.sex',
        'person.birthDate',
        'person.preferredLanguage',
        'case.missionId',
        'case.caseworker',
        'case.region',
        'case.learnedAt',
        'case.learnedHow',
      ].sort(),
    );
    expect(loud.items.every((i) => i.message.key === 'validation.required')).toBe(true);
  });

  it('shows a too-long text at once, with its limit', () => {
    const draft = validIntake();
    draft.case.learnedNote = 'Ы'.repeat(5000);
    const { items, blocking } = collectFindings(draft, { now: NOW, showRequired: false });
    expect(blocking).toBe(true);
    expect(items).toEqual([{ path: 'case.learnedNote', severity: 'error', message: { key: 'validation.too_long', params: { limit: 2000 } } }]);
  });

  it('says which characters are wrong in a ПИН with letters', () => {
    const draft = validIntake();
    draft.person.pin = '2120З1990001Аa';
    const pin = messagesAt(collectFindings(draft, { now: NOW, showRequired: false }), 'person.pin');
    expect(pin.errors).toEqual([{ key: 'intake.pinNotDigits', params: { chars: 'З А a' } }]);
  });

  it('keeps the length message for a ПИН of digits that is too short', () => {
    const draft = validIntake();
    draft.person.pin = '2120319900';
    expect(messagesAt(collectFindings(draft, { now: NOW, showRequired: false }), 'person.pin').errors).toEqual([
      { key: 'cases.finding.pin_format', params: { length: 10 } },
    ]);
  });

  it('a birth date in the future is a hard error at the field', () => {
    const draft = validIntake();
    // With a document on file: the minimum-age check must not trip over a birth date near 2100.
    draft.person.birthDate = { year: 2090, month: 1, day: 1 };
    draft.person.pin = '';
    expect(draft.documents).toHaveLength(1);
    const findings = collectFindings(draft, { now: NOW, showRequired: false });
    expect(findings.blocking).toBe(true);
    expect(messagesAt(findings, 'person.birthDate').errors).toEqual([{ key: 'cases.finding.birth_date_in_future', params: { date: '01.01.2090', today: '01.06.2025' } }]);
  });

  it('an incomplete date of birth gets one understandable message, at the date', () => {
    const draft = validIntake();
    draft.person.birthDate = { year: 1990, day: 12 } as never;
    const findings = collectFindings(draft, { now: NOW, showRequired: true });
    expect(messagesAt(findings, 'person.birthDate').errors).toEqual([]);
    expect(messagesAt(findings, 'person.birthDate', true).errors).toEqual([{ key: 'intake.birthDateInvalid' }]);
  });

  it('a date box with impossible text blocks and replaces "required" at that field', () => {
    const draft = validIntake();
    draft.documents[0]!.expiryDate = '';
    const findings = collectFindings(draft, { now: NOW, showRequired: true, badDates: { 'documents.0.expiryDate': '31.02.2031' } });
    expect(findings.blocking).toBe(true);
    expect(messagesAt(findings, 'documents.0.expiryDate').errors).toEqual([{ key: 'intake.dateInvalid', params: { text: '31.02.2031' } }]);
    // Optional dates have no "required" to replace, and still block.
    const optional = collectFindings(validIntake(), { now: NOW, showRequired: false, badDates: { 'person.consentDate': '20.05' } });
    expect(optional.blocking).toBe(true);
    expect(optional.items).toEqual([{ path: 'person.consentDate', severity: 'error', message: { key: 'intake.dateInvalid', params: { text: '20.05' } } }]);
  });

  it('warnings never block; the sex names are translated before the sentence', () => {
    const draft = validIntake();
    draft.person.sex = 'female';
    const findings = collectFindings(draft, { now: NOW, showRequired: true });
    expect(findings.blocking).toBe(false);
    const [warning] = messagesAt(findings, 'person.pin').warnings;
    expect(warning).toEqual({ key: 'cases.finding.pin_sex_mismatch', params: { digit: '2' }, keyParams: { pinSex: 'cases.sex.male', formSex: 'cases.sex.female' } });
    expect(renderMessage(fakeT, warning!)).toBe('cases.finding.pin_sex_mismatch{"digit":"2","pinSex":"cases.sex.male","formSex":"cases.sex.female"}');
  });

  it('the ПИН date of birth against the form, as the issue asks', () => {
    const draft = validIntake();
    draft.person.birthDate = { year: 1990, month: 3, day: 13 };
    expect(messagesAt(collectFindings(draft, { now: NOW, showRequired: true }), 'person.pin').warnings).toEqual([
      { key: 'cases.finding.pin_dob_mismatch', params: { pinDate: '12.03.1990', formDate: '13.03.1990' } },
    ]);
  });

  it('lists findings in form order: person, documents by index, …, case', () => {
    const draft = validIntake();
    draft.case.region = '';
    draft.employments[0]!.end = '2023-01-01';
    draft.documents.push({ ...draft.documents[0]!, id: 'd2', expiryDate: '2020-01-01' });
    draft.documents[0]!.number = '12';
    draft.person.nameLat.surname = 'ASANOV1';
    const items = collectFindings(draft, { now: NOW, showRequired: true }).items.map((i) => `${i.path} ${i.severity}`);
    expect(items).toEqual([
      'person.nameLat.surname warning',
      'documents.0.number warning',
      'documents.1.expiryDate error',
      'documents.1.expiryDate warning',
      'employments.0.end error',
      'case.region error',
    ]);
  });
});

describe('messages', () => {
  it('schema issues become validation codes with their limit', () => {
    expect(issueMessage({ path: 'person.email', code: 'invalid_format' })).toEqual({ key: 'validation.invalid_format' });
    expect(issueMessage({ path: 'person.placeOfBirth', code: 'too_long', limit: 200 })).toEqual({ key: 'validation.too_long', params: { limit: 200 } });
    expect(issueMessage({ path: 'person.birthDate.year', code: 'too_short', limit: 1900 })).toEqual({ key: 'intake.birthDateInvalid' });
  });

  it('findings use the shared case vocabulary', () => {
    const draft = validIntake();
    expect(findingMessage({ path: 'documents.0.number', code: 'document_number_format', params: { number: '12' } }, draft)).toEqual({
      key: 'cases.finding.document_number_format',
      params: { number: '12' },
    });
  });
});
