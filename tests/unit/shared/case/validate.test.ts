import { describe, expect, it } from 'vitest';
import { emptyIntake, intakeFormSchema, validateIntake, type IntakeDraft, type IntakeForm, type ValidateIntakeOptions } from '../../../../shared/case';
import { TODAY, validIntake } from '../../support/case-fixtures';

function check(mutate: (form: IntakeDraft) => void, options?: ValidateIntakeOptions, today = TODAY) {
  const form = validIntake();
  mutate(form);
  return validateIntake(form, today, options);
}

const doc = (form: IntakeDraft) => form.documents[0]!;
const stay = (form: IntakeDraft) => form.stays[0]!;
const reg = (form: IntakeDraft) => form.registrations[0]!;
const job = (form: IntakeDraft) => form.employments[0]!;

describe('validateIntake: baseline', () => {
  it('finds nothing in a consistent intake', () => {
    expect(validateIntake(validIntake(), TODAY)).toEqual({ errors: [], warnings: [] });
  });

  it('finds nothing in a blank form and does not throw on missing data', () => {
    expect(validateIntake(emptyIntake(), TODAY)).toEqual({ errors: [], warnings: [] });
  });

  it('skips malformed dates (the schema reports those)', () => {
    const result = check((f) => {
      doc(f).issueDate = '2031-02-30';
      doc(f).expiryDate = 'soon';
      stay(f).entryDate = '2099-13-01';
      reg(f).to = '';
      job(f).end = '2024-02-30';
      f.person.birthDate = { year: 1991, month: 2, day: 29 };
    });
    expect(result).toEqual({ errors: [], warnings: [] });
  });

  it('takes a parsed IntakeForm as well as a draft', () => {
    const parsed: IntakeForm = intakeFormSchema.parse(validIntake());
    expect(validateIntake(parsed, TODAY)).toEqual({ errors: [], warnings: [] });
  });

  it('throws on an invalid today', () => {
    expect(() => validateIntake(validIntake(), '01.06.2025')).toThrow(RangeError);
  });
});

describe('validateIntake: hard errors', () => {
  it('pin_format: ПИН not 14 digits', () => {
    expect(check((f) => (f.person.pin = '2120319900012')).errors).toEqual([{ path: 'person.pin', code: 'pin_format', params: { length: 13 } }]);
    expect(check((f) => (f.person.pin = '2120319900012X')).errors).toEqual([{ path: 'person.pin', code: 'pin_format', params: { length: 14 } }]);
    expect(check((f) => (f.person.pin = '')).errors).toEqual([]);
    expect(check((f) => (f.person.pin = ' 21203199000123 ')).errors).toEqual([]);
  });

  it('pin_format is the only ПИН finding when the format is wrong', () => {
    const result = check((f) => {
      f.person.pin = '9999';
      f.person.sex = 'female';
    });
    expect(result.warnings).toEqual([]);
  });

  it('birth_date_in_future, also for month-only and year-only dates', () => {
    const future = (birthDate: IntakeDraft['person']['birthDate']) => check((f) => (f.person.birthDate = birthDate)).errors.filter((e) => e.code === 'birth_date_in_future');
    expect(future({ year: 2025, month: 6, day: 2 })).toEqual([{ path: 'person.birthDate', code: 'birth_date_in_future', params: { date: '02.06.2025', today: '01.06.2025' } }]);
    expect(future({ year: 2025, month: 7 })).toEqual([{ path: 'person.birthDate', code: 'birth_date_in_future', params: { date: '07.2025', today: '01.06.2025' } }]);
    expect(future({ year: 2026 })).toEqual([{ path: 'person.birthDate', code: 'birth_date_in_future', params: { date: '2026', today: '01.06.2025' } }]);
    expect(future({ year: 2025, month: 6, day: 1 })).toEqual([]);
    expect(future({ year: 2025, month: 6 })).toEqual([]);
    expect(future({ year: 2025 })).toEqual([]);
  });

  it('issue_date_in_future', () => {
    expect(check((f) => (doc(f).issueDate = '2025-06-02')).errors).toEqual([
      { path: 'documents.0.issueDate', code: 'issue_date_in_future', params: { date: '02.06.2025', today: '01.06.2025' } },
    ]);
    expect(check((f) => (doc(f).issueDate = TODAY)).errors).toEqual([]);
  });

  it('document_expiry_before_issue (also the same day)', () => {
    expect(check((f) => (doc(f).expiryDate = '2021-05-09')).errors).toEqual([
      { path: 'documents.0.expiryDate', code: 'document_expiry_before_issue', params: { issueDate: '10.05.2021', expiryDate: '09.05.2021' } },
    ]);
    expect(check((f) => (doc(f).expiryDate = '2021-05-10')).errors.map((e) => e.code)).toEqual(['document_expiry_before_issue']);
    expect(check((f) => (doc(f).expiryDate = '2021-05-11')).errors).toEqual([]);
  });

  it('entry_date_in_future', () => {
    expect(check((f) => (stay(f).entryDate = '2025-06-02')).errors).toEqual([
      { path: 'stays.0.entryDate', code: 'entry_date_in_future', params: { date: '02.06.2025', today: '01.06.2025' } },
    ]);
    expect(check((f) => (stay(f).entryDate = TODAY)).errors).toEqual([]);
  });

  it('exit_before_entry (same-day exit is fine)', () => {
    expect(check((f) => (stay(f).exitDate = '2024-01-14')).errors).toEqual([
      { path: 'stays.0.exitDate', code: 'exit_before_entry', params: { entryDate: '15.01.2024', exitDate: '14.01.2024' } },
    ]);
    expect(check((f) => (stay(f).exitDate = '2024-01-15')).errors).toEqual([]);
    expect(check((f) => (stay(f).exitDate = undefined)).errors).toEqual([]);
  });

  it('registration_end_before_start (one-day registration is fine)', () => {
    const result = check((f) => {
      f.registrations.push({ id: 'r2', address: 'x', host: '', from: '2025-01-10', to: '2025-01-09', how: 'mfc' });
    });
    expect(result.errors).toEqual([{ path: 'registrations.1.to', code: 'registration_end_before_start', params: { from: '10.01.2025', to: '09.01.2025' } }]);
    expect(check((f) => (reg(f).to = reg(f).from)).errors).toEqual([]);
  });

  it('contract_end_before_start (one-day contract is fine) and no gap warning for the impossible contract', () => {
    const result = check((f) => (job(f).end = '2024-01-15'));
    expect(result.errors).toEqual([{ path: 'employments.0.end', code: 'contract_end_before_start', params: { start: '16.01.2024', end: '15.01.2024' } }]);
    expect(result.warnings).toEqual([]);
    expect(check((f) => (job(f).end = job(f).start)).errors).toEqual([]);
  });

  it('contract_termination_before_start', () => {
    expect(check((f) => (job(f).earlyTerminationDate = '2024-01-01')).errors).toEqual([
      { path: 'employments.0.earlyTerminationDate', code: 'contract_termination_before_start', params: { start: '16.01.2024', date: '01.01.2024' } },
    ]);
    expect(check((f) => (job(f).earlyTerminationDate = '2024-01-16')).errors).toEqual([]);
  });
});

describe('validateIntake: ПИН warnings', () => {
  it('pin_sex_digit_unknown when digit 1 is not 1 or 2 (and no sex comparison then)', () => {
    const result = check((f) => (f.person.pin = '31203199000123'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ path: 'person.pin', code: 'pin_sex_digit_unknown', params: { digit: '3' } }]);
  });

  it('pin_sex_mismatch: 2 = male, 1 = female', () => {
    expect(check((f) => (f.person.sex = 'female')).warnings).toEqual([
      { path: 'person.pin', code: 'pin_sex_mismatch', params: { digit: '2', pinSex: 'male', formSex: 'female' } },
    ]);
    expect(check((f) => {
      f.person.sex = 'female';
      f.person.pin = '11203199000123';
    }).warnings).toEqual([]);
    expect(check((f) => (f.person.pin = '11203199000123')).warnings).toEqual([
      { path: 'person.pin', code: 'pin_sex_mismatch', params: { digit: '1', pinSex: 'female', formSex: 'male' } },
    ]);
    expect(check((f) => (f.person.sex = null)).warnings).toEqual([]);
  });

  it('pin_dob_mismatch compares the known parts of the birth date', () => {
    expect(check((f) => (f.person.birthDate = { year: 1990, month: 3, day: 13 })).warnings).toEqual([
      { path: 'person.pin', code: 'pin_dob_mismatch', params: { pinDate: '12.03.1990', formDate: '13.03.1990' } },
    ]);
    expect(check((f) => (f.person.birthDate = { year: 1990, month: 4 })).warnings).toEqual([
      { path: 'person.pin', code: 'pin_dob_mismatch', params: { pinDate: '12.03.1990', formDate: '04.1990' } },
    ]);
    expect(check((f) => (f.person.birthDate = { year: 1991 })).warnings).toEqual([
      { path: 'person.pin', code: 'pin_dob_mismatch', params: { pinDate: '12.03.1990', formDate: '1991' } },
    ]);
    expect(check((f) => (f.person.birthDate = { year: 1990, month: 3 })).warnings).toEqual([]);
    expect(check((f) => (f.person.birthDate = { year: 1990 })).warnings).toEqual([]);
    expect(check((f) => (f.person.birthDate = null)).warnings).toEqual([]);
  });

  it('pin_date_invalid when digits 2–9 are no real day (and no date comparison then)', () => {
    expect(check((f) => (f.person.pin = '23102199000123')).warnings).toEqual([{ path: 'person.pin', code: 'pin_date_invalid', params: { digits: '31021990' } }]);
    expect(check((f) => (f.person.pin = '01313199000123')).warnings).toEqual([
      { path: 'person.pin', code: 'pin_sex_digit_unknown', params: { digit: '0' } },
      { path: 'person.pin', code: 'pin_date_invalid', params: { digits: '13131990' } },
    ]);
  });

  it('ПИН warnings never become errors', () => {
    const result = check((f) => {
      f.person.pin = '91313199000123';
      f.person.sex = 'female';
      f.person.birthDate = { year: 1970 };
    });
    expect(result.errors).toEqual([]);
  });
});

describe('validateIntake: name warnings', () => {
  it('name_latin_chars: only A–Z, space, hyphen and apostrophe', () => {
    expect(check((f) => {
      f.person.nameLat.surname = "ASAN-UULU O'NEIL";
      f.person.nameLat.givenName = 'Bakyt';
    }).warnings).toEqual([]);
    expect(check((f) => (f.person.nameLat.surname = 'ASANOВ')).warnings).toEqual([{ path: 'person.nameLat.surname', code: 'name_latin_chars', params: { chars: 'В' } }]);
    expect(check((f) => (f.person.nameLat.givenName = 'ÜSÖN2Ü')).warnings).toEqual([{ path: 'person.nameLat.givenName', code: 'name_latin_chars', params: { chars: 'Ü Ö 2' } }]);
    expect(check((f) => (f.person.nameLat.patronymic = 'A.B.')).warnings).toEqual([{ path: 'person.nameLat.patronymic', code: 'name_latin_chars', params: { chars: '.' } }]);
  });

  it('name_ky_latin_letters: Latin look-alikes in the Kyrgyz spelling; ң ө ү are fine', () => {
    expect(check((f) => (f.person.nameKy.surname = 'Aсанов')).warnings).toEqual([{ path: 'person.nameKy.surname', code: 'name_ky_latin_letters', params: { chars: 'A' } }]);
    expect(check((f) => (f.person.nameKy.givenName = 'Эңкөбүлүү Ңөү')).warnings).toEqual([]);
  });

  it('name_ru_non_russian_chars: ң ө ү or Latin letters in the Russian spelling', () => {
    expect(check((f) => (f.person.nameRu.surname = 'Үсөнов')).warnings).toEqual([{ path: 'person.nameRu.surname', code: 'name_ru_non_russian_chars', params: { chars: 'Ү ө' } }]);
    expect(check((f) => (f.person.nameRu.givenName = 'Бaкыт')).warnings).toEqual([{ path: 'person.nameRu.givenName', code: 'name_ru_non_russian_chars', params: { chars: 'a' } }]);
    expect(check((f) => (f.person.nameRu.patronymic = 'Асан уулу')).warnings).toEqual([]);
  });
});

describe('validateIntake: document warnings', () => {
  it('document_series_format: not 2 Latin capitals (Cyrillic look-alikes included)', () => {
    for (const series of ['АС', 'ac', 'A1', 'ACC', '']) {
      expect(check((f) => (doc(f).series = series)).warnings, series).toEqual([{ path: 'documents.0.series', code: 'document_series_format', params: { series } }]);
    }
  });

  it('document_series_unknown: 2 letters outside the configurable list', () => {
    expect(check((f) => (doc(f).series = 'XY')).warnings).toEqual([
      { path: 'documents.0.series', code: 'document_series_unknown', params: { series: 'XY', known: 'ID, AN, AC, PE' } },
    ]);
    expect(check((f) => (doc(f).series = 'XY'), { documentSeries: ['XY', 'ID'] }).warnings).toEqual([]);
    expect(check((f) => (doc(f).series = 'AC'), { documentSeries: ['xy'] }).warnings).toEqual([
      { path: 'documents.0.series', code: 'document_series_unknown', params: { series: 'AC', known: 'XY' } },
    ]);
    expect(check((f) => (doc(f).series = 'XY'), { documentSeries: [] }).warnings).toEqual([]);
    expect(check((f) => (doc(f).series = 'PE')).warnings).toEqual([]);
  });

  it('document_number_format: not 7 digits', () => {
    for (const number of ['123456', '12345678', 'ID1234567', '123 4567']) {
      expect(check((f) => (doc(f).number = number)).warnings, number).toEqual([{ path: 'documents.0.number', code: 'document_number_format', params: { number } }]);
    }
    expect(check((f) => (doc(f).number = ' 7654321 ')).warnings).toEqual([]);
  });

  it('series and number are not checked for return certificates and other documents', () => {
    for (const type of ['return_certificate', 'other'] as const) {
      expect(check((f) => Object.assign(doc(f), { type, series: '', number: '12-AB' })).warnings).toEqual([]);
    }
    expect(check((f) => (doc(f).type = 'id_card_2024')).warnings).toEqual([]);
  });

  it('document_issued_before_min_age (14 by default, configurable)', () => {
    const early = (f: IntakeDraft) => {
      doc(f).issueDate = '2004-03-11';
      doc(f).expiryDate = '2014-03-10';
      doc(f).status = 'replaced';
    };
    expect(check(early).warnings).toEqual([
      {
        path: 'documents.0.issueDate',
        code: 'document_issued_before_min_age',
        params: { issueDate: '11.03.2004', birthDate: '12.03.1990', minAge: 14, minDate: '12.03.2004' },
      },
    ]);
    expect(check((f) => {
      early(f);
      doc(f).issueDate = '2004-03-12';
    }).warnings).toEqual([]);
    expect(check((f) => {
      early(f);
      doc(f).issueDate = '2005-03-11';
    }, { minIssueAge: 16 }).warnings.map((w) => w.params)).toEqual([{ issueDate: '11.03.2005', birthDate: '12.03.1990', minAge: 16, minDate: '12.03.2006' }]);
    expect(check(early, { minIssueAgeTypes: ['id_card_2017'] }).warnings).toEqual([]);
    expect(check((f) => {
      early(f);
      doc(f).type = 'return_certificate';
    }).warnings).toEqual([]);
  });

  it('document_issued_before_min_age warns on a partial birth date only when certainly too young', () => {
    const at = (issueDate: string) =>
      check((f) => {
        f.person.birthDate = { year: 1990 };
        doc(f).issueDate = issueDate;
        doc(f).status = 'replaced';
      }).warnings.map((w) => w.code);
    expect(at('2004-01-01')).toEqual([]);
    expect(at('2003-12-31')).toEqual(['document_issued_before_min_age']);
  });

  it('document_expired: a current document past its expiry date', () => {
    expect(check((f) => (doc(f).expiryDate = '2025-05-31')).warnings).toEqual([
      { path: 'documents.0.expiryDate', code: 'document_expired', params: { expiryDate: '31.05.2025', today: '01.06.2025' } },
    ]);
    expect(check((f) => (doc(f).expiryDate = TODAY)).warnings).toEqual([]);
    expect(check((f) => {
      doc(f).expiryDate = '2025-05-31';
      doc(f).status = 'replaced';
    }).warnings).toEqual([]);
    expect(check((f) => {
      doc(f).expiryDate = '2025-05-31';
      doc(f).status = 'lost';
    }).warnings).toEqual([]);
  });
});

describe('validateIntake: employment warnings', () => {
  it('employer_inn_format: 10 or 12 digits', () => {
    expect(check((f) => (job(f).employerInn = '77012345')).warnings).toEqual([{ path: 'employments.0.employerInn', code: 'employer_inn_format', params: { inn: '77012345' } }]);
    expect(check((f) => (job(f).employerInn = '770123456789')).warnings).toEqual([]);
    expect(check((f) => (job(f).employerInn = '')).warnings).toEqual([]);
  });

  it('registration_gap at the start of the contract, after the 30 days a person may stay unregistered', () => {
    // Entry 15.01.2024: the 30 free days are 15.01–13.02 (the entry day is the first, the safe reading).
    expect(check((f) => (reg(f).from = '2024-02-01')).warnings).toEqual([]);
    expect(check((f) => (reg(f).from = '2024-02-14')).warnings).toEqual([]);
    expect(check((f) => (reg(f).from = '2024-02-15')).warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '14.02.2024', to: '14.02.2024', days: 1 } },
    ]);
    expect(check((f) => (reg(f).from = '2024-03-01')).warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '14.02.2024', to: '29.02.2024', days: 16 } },
    ]);
  });

  it('a new contract while registered gives 3 days to update the registration, counted as calendar days', () => {
    const result = (from: string) =>
      check((f) => {
        reg(f).to = '2024-06-30';
        f.employments.push({ ...job(f), id: 'e2', start: '2024-07-01', end: '2024-12-31' });
        job(f).end = '2024-06-30';
        f.registrations.push({ id: 'r2', address: 'x', host: '', from, to: '2024-12-31', how: 'mvd' });
      }).warnings;
    // 01.07–03.07 are free; a registration from 04.07 leaves no gap, one from 06.07 two late days.
    expect(result('2024-07-04')).toEqual([]);
    expect(result('2024-07-06')).toEqual([
      { path: 'employments.1', code: 'registration_gap', params: { from: '04.07.2024', to: '05.07.2024', days: 2 } },
    ]);
  });

  it('registration_gap at the end and in the middle, with overlapping registrations', () => {
    const result = check((f) => {
      reg(f).to = '2024-03-31';
      f.registrations.push(
        { id: 'r2', address: 'x', host: '', from: '2024-03-01', to: '2024-05-31', how: 'mfc' },
        { id: 'r3', address: 'y', host: '', from: '2024-06-11', to: '2024-12-15', how: 'gosuslugi' },
      );
    });
    expect(result.warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '01.06.2024', to: '10.06.2024', days: 10 } },
      { path: 'employments.0', code: 'registration_gap', params: { from: '16.12.2024', to: '31.12.2024', days: 16 } },
    ]);
  });

  it('registration_gap for an open-ended contract runs up to today', () => {
    expect(check((f) => (job(f).end = null)).warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '01.01.2025', to: '01.06.2025', days: 152 } },
    ]);
  });

  it('registration_gap stops at the early termination date', () => {
    expect(check((f) => {
      job(f).earlyTerminationDate = '2024-06-30';
      reg(f).to = '2024-06-30';
    }).warnings).toEqual([]);
    expect(check((f) => {
      job(f).end = null;
      job(f).earlyTerminationDate = '2024-06-30';
      reg(f).to = '2024-06-20';
    }).warnings).toEqual([{ path: 'employments.0', code: 'registration_gap', params: { from: '21.06.2024', to: '30.06.2024', days: 10 } }]);
  });

  it('registration_gap counts only days up to today unless told otherwise', () => {
    const inFuture = (f: IntakeDraft) => {
      job(f).end = '2025-12-31';
      reg(f).to = '2025-05-31';
    };
    expect(check(inFuture).warnings).toEqual([{ path: 'employments.0', code: 'registration_gap', params: { from: '01.06.2025', to: '01.06.2025', days: 1 } }]);
    expect(check(inFuture, { gapsUntilToday: false }).warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '01.06.2025', to: '31.12.2025', days: 214 } },
    ]);
  });

  it('no registration_gap for a contract that has not started, nor without registrations outside the contract', () => {
    expect(check((f) => Object.assign(job(f), { start: '2025-07-01', end: '2025-12-31' })).warnings).toEqual([]);
    expect(check((f) => (f.registrations = [])).warnings).toEqual([
      { path: 'employments.0', code: 'registration_gap', params: { from: '14.02.2024', to: '31.12.2024', days: 322 } },
    ]);
  });

  it('an impossible registration covers nothing', () => {
    const result = check((f) => {
      reg(f).from = '2024-12-31';
      reg(f).to = '2024-01-16';
    });
    expect(result.errors.map((e) => e.code)).toEqual(['registration_end_before_start']);
    expect(result.warnings).toEqual([{ path: 'employments.0', code: 'registration_gap', params: { from: '14.02.2024', to: '31.12.2024', days: 322 } }]);
  });

  it('warnings never block: a form with every warning has no errors', () => {
    const result = check((f) => {
      f.person.pin = '11303199000123';
      f.person.nameLat.surname = 'АСАНОВ';
      f.person.nameKy.surname = 'Asanov';
      f.person.nameRu.surname = 'Үсөнов';
      doc(f).series = 'XY';
      doc(f).number = '1';
      doc(f).expiryDate = '2025-01-01';
      job(f).employerInn = '1';
      reg(f).from = '2024-03-01';
    });
    expect(result.errors).toEqual([]);
    expect(new Set(result.warnings.map((w) => w.code))).toEqual(
      new Set([
        'pin_sex_mismatch',
        'pin_dob_mismatch',
        'name_latin_chars',
        'name_ky_latin_letters',
        'name_ru_non_russian_chars',
        'document_series_unknown',
        'document_number_format',
        'document_expired',
        'employer_inn_format',
        'registration_gap',
      ]),
    );
  });
});
