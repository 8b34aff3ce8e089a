import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  STATUS_ORDER,
  caseRecordSchema,
  emptyDocument,
  emptyEmployment,
  emptyIntake,
  emptyRegistration,
  emptyStay,
  identityDocumentSchema,
  intakeFormSchema,
  isoDate,
  partialDateSchema,
  type CaseRecord,
} from '../../../../shared/case';
import { toFieldIssues } from '../../../../shared/validation/issues';
import { validIntake } from '../../support/case-fixtures';

function issuesOf(value: unknown) {
  const result = intakeFormSchema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error);
}

describe('isoDate', () => {
  it('accepts real days only, reporting invalid_format otherwise', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2023-02-30', '2023-13-01', '1990-3-12', '12.03.1990', '1899-01-01']) {
      const result = isoDate.safeParse(bad);
      expect(result.success, bad).toBe(false);
      if (!result.success) expect(toFieldIssues(result.error)).toEqual([{ path: '', code: 'invalid_format' }]);
    }
  });

  it('reports empty as required and long strings as too_long, once each', () => {
    const empty = isoDate.safeParse('');
    expect(empty.success || toFieldIssues(empty.error)).toEqual([{ path: '', code: 'required' }]);
    const long = isoDate.safeParse('2024-02-290000');
    expect(long.success || toFieldIssues(long.error)).toEqual([{ path: '', code: 'too_long', limit: 10 }]);
  });
});

describe('partial birth date', () => {
  it('takes full, month+year and year-only dates', () => {
    for (const d of [{ year: 1990, month: 3, day: 12 }, { year: 1990, month: 3 }, { year: 1990 }]) expect(partialDateSchema.safeParse(d).success).toBe(true);
  });

  it('rejects a day without a month, non-existent days and out-of-range years', () => {
    expect(partialDateSchema.safeParse({ year: 1990, day: 3 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 1991, month: 2, day: 29 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 1990, month: 4, day: 31 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 1899 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 1990, month: 13 }).success).toBe(false);
    expect(partialDateSchema.safeParse({ year: 1990.5 }).success).toBe(false);
  });
});

describe('intakeFormSchema', () => {
  it('parses a complete intake, turning empty optional dates into undefined and defaulting citizenship', () => {
    const draft = validIntake();
    const { citizenship: _omit, ...personWithoutCitizenship } = draft.person;
    const parsed = intakeFormSchema.parse({ ...draft, person: personWithoutCitizenship });
    expect(parsed.person.citizenship).toBe('KG');
    expect(parsed.stays[0]?.exitDate).toBeUndefined();
    expect(parsed.amina.registeredDate).toBeUndefined();
    expect(parsed.employments[0]?.earlyTerminationDate).toBeUndefined();
    expect(parsed.employments[0]?.employerNotifiedDate).toBe('2024-01-18');
  });

  it('trims text', () => {
    const draft = validIntake();
    draft.person.nameRu.surname = '  Асанов ';
    expect(intakeFormSchema.parse(draft).person.nameRu.surname).toBe('Асанов');
  });

  it('reports every unmade choice and empty required field of a blank form as required', () => {
    let n = 0;
    const issues = issuesOf(emptyIntake(() => `id${++n}`));
    expect(issues.every((i) => i.code === 'required')).toBe(true);
    expect(issues.map((i) => i.path).sort()).toEqual(
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
  });

  it('blank rows report their required fields', () => {
    const draft = validIntake();
    draft.documents.push(emptyDocument('d2'));
    draft.stays.push(emptyStay('s2'));
    draft.registrations.push(emptyRegistration('r2'));
    draft.employments.push(emptyEmployment('e2'));
    const paths = issuesOf(draft).map((i) => `${i.path}:${i.code}`);
    expect(paths.sort()).toEqual(
      [
        'documents.1.type:required',
        'documents.1.number:required',
        'documents.1.issueDate:required',
        'documents.1.expiryDate:required',
        'stays.1.entryDate:required',
        'stays.1.purpose:required',
        'registrations.1.address:required',
        'registrations.1.from:required',
        'registrations.1.to:required',
        'registrations.1.how:required',
        'employments.1.employer:required',
        'employments.1.contractType:required',
        'employments.1.start:required',
        'employments.1.end:required',
      ].sort(),
    );
  });

  it('factories make unique ids by default', () => {
    const a = emptyIntake();
    const b = emptyIntake();
    expect(a.person.id).not.toBe(b.person.id);
    expect(emptyDocument().id).not.toBe(emptyDocument().id);
  });

  it('limits lengths: names 100, free text 2000, addresses 500, other spellings 20', () => {
    const draft = validIntake();
    draft.person.nameLat.surname = 'A'.repeat(101);
    draft.case.learnedNote = 'x'.repeat(2001);
    draft.person.ruPostalAddress = 'x'.repeat(501);
    draft.person.otherSpellings = Array.from({ length: 21 }, (_, i) => `V${i}`);
    expect(issuesOf(draft)).toEqual(
      expect.arrayContaining([
        { path: 'person.nameLat.surname', code: 'too_long', limit: 100 },
        { path: 'case.learnedNote', code: 'too_long', limit: 2000 },
        { path: 'person.ruPostalAddress', code: 'too_long', limit: 500 },
        { path: 'person.otherSpellings', code: 'too_long', limit: 20 },
      ]),
    );
    const ok = validIntake();
    ok.person.nameLat.surname = 'A'.repeat(100);
    ok.case.learnedNote = 'x'.repeat(2000);
    expect(issuesOf(ok)).toEqual([]);
  });

  it('rejects unknown fields (strict objects)', () => {
    const draft = validIntake() as unknown as { person: Record<string, unknown> };
    draft.person.nationality = 'kyrgyz';
    expect(issuesOf(draft)).toEqual([{ path: 'person.nationality', code: 'unknown_field' }]);
  });

  it('checks formats of dates, phones, e-mail, citizenship and document ids', () => {
    const draft = validIntake();
    draft.documents[0]!.issueDate = '2021-02-30';
    draft.stays[0]!.exitDate = '2024-13-01';
    draft.person.phones = ['call me'];
    draft.person.email = 'not-an-email';
    draft.person.secondCitizenship = 'ru';
    draft.stays[0]!.documentId = 'd 1';
    expect(issuesOf(draft)).toEqual(
      expect.arrayContaining([
        { path: 'documents.0.issueDate', code: 'invalid_format' },
        { path: 'stays.0.exitDate', code: 'invalid_format' },
        { path: 'person.phones.0', code: 'invalid_format' },
        { path: 'person.email', code: 'invalid_format' },
        { path: 'person.secondCitizenship', code: 'invalid_format' },
      ]),
    );
    expect(issuesOf(draft).map((i) => i.path)).toContain('stays.0.documentId');
  });

  it('allows a second citizenship different from the first, not the same twice', () => {
    const draft = validIntake();
    draft.person.secondCitizenship = 'RU';
    expect(issuesOf(draft)).toEqual([]);
    draft.person.secondCitizenship = 'KG';
    expect(issuesOf(draft)).toEqual([{ path: 'person.secondCitizenship', code: 'invalid_value' }]);
  });

  it('does not judge consistency (that is validateIntake): expiry before issue still parses', () => {
    const draft = validIntake();
    draft.documents[0]!.expiryDate = '2020-01-01';
    expect(issuesOf(draft)).toEqual([]);
  });

  it('takes open-ended contracts as end = null, and rejects an empty end', () => {
    const draft = validIntake();
    draft.employments[0]!.end = null;
    expect(issuesOf(draft)).toEqual([]);
    draft.employments[0]!.end = '';
    expect(issuesOf(draft)).toEqual([{ path: 'employments.0.end', code: 'required' }]);
  });

  it('rejects repeated impacts', () => {
    const draft = validIntake();
    draft.case.impacts = ['bank_block', 'bank_block'];
    expect(issuesOf(draft)).toEqual([{ path: 'case.impacts', code: 'invalid_value' }]);
  });

  it('knows every document type from the brief', () => {
    for (const type of ['id_card_2017', 'id_card_2024', 'passport_2004', 'passport_2006', 'passport_2020', 'passport_2023', 'return_certificate', 'other'] as const) {
      expect(identityDocumentSchema.safeParse({ ...emptyDocument('x'), type, number: '1', issueDate: '2020-01-01', expiryDate: '2030-01-01' }).success).toBe(true);
    }
  });
});

describe('caseRecordSchema', () => {
  const record: CaseRecord = {
    id: 'c1',
    number: 'М-2025/17',
    personId: 'p1',
    ...intakeFormSchema.parse(validIntake()).case,
    status: 'requests_sent',
    statusHistory: [
      { status: 'intake', at: '2025-05-20T09:00:00+03:00', note: '' },
      { status: 'requests_sent', at: '2025-05-22T06:30:00.000Z', note: 'Письмо в ГУ МВД' },
    ],
    createdAt: '2025-05-20T09:00:00+03:00',
    updatedAt: '2025-05-22T06:30:00.000Z',
  };

  it('parses a record with history and an optional outcome', () => {
    expect(caseRecordSchema.parse(record)).toEqual(record);
    expect(caseRecordSchema.safeParse({ ...record, outcome: 'excluded' }).success).toBe(true);
    expect(caseRecordSchema.safeParse({ ...record, outcome: 'won' }).success).toBe(false);
  });

  it('requires ISO date-times with a zone in the history and timestamps', () => {
    expect(caseRecordSchema.safeParse({ ...record, createdAt: '2025-05-20 09:00' }).success).toBe(false);
    expect(caseRecordSchema.safeParse({ ...record, statusHistory: [{ status: 'intake', at: '2025-05-20T09:00:00', note: '' }] }).success).toBe(false);
    expect(caseRecordSchema.safeParse({ ...record, status: 'lost' }).success).toBe(false);
  });

  it('orders every status exactly once, intake first and closed last', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...CASE_STATUSES].sort());
    expect(new Set(STATUS_ORDER).size).toBe(9);
    expect(STATUS_ORDER[0]).toBe('intake');
    expect(STATUS_ORDER[STATUS_ORDER.length - 1]).toBe('closed');
  });
});
