import { describe, expect, it } from 'vitest';
import { CASE_LIMITS, intakeFormSchema } from '../../../../shared/case/schema';
import { LIMITS, missionSettingsSchema } from '../../../../shared/settings/schema';
import { maxLengthAt } from '../../../../shared/validation/max-length';

describe('maxLengthAt', () => {
  it('reads the limit the schema enforces at a form path, through objects, arrays and wrappers', () => {
    expect(maxLengthAt(intakeFormSchema, 'person.nameRu.surname')).toBe(CASE_LIMITS.name);
    expect(maxLengthAt(intakeFormSchema, 'documents.0.number')).toBe(CASE_LIMITS.documentNumber);
    expect(maxLengthAt(intakeFormSchema, 'employments.3.employer')).toBe(CASE_LIMITS.employer);
    expect(maxLengthAt(intakeFormSchema, 'registrations.0.address')).toBe(CASE_LIMITS.address);
    expect(maxLengthAt(missionSettingsSchema, 'address')).toBe(LIMITS.address);
  });

  it('gives nothing where there is no bounded text', () => {
    expect(maxLengthAt(intakeFormSchema, 'person.sex')).toBeUndefined();
    expect(maxLengthAt(intakeFormSchema, 'person.nope')).toBeUndefined();
    expect(maxLengthAt(intakeFormSchema, 'documents')).toBeUndefined();
  });
});
