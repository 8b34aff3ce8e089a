import { describe, expect, it } from 'vitest';
import { checkFormSchema } from '../../../../shared/deadlines/check-schema';
import { newRequestSchema, requestProgressFormSchema } from '../../../../shared/deadlines/request-schema';
import { parseForIssues, toFieldIssues } from '../../../../shared/validation/issues';
import { maxLengthAt } from '../../../../shared/validation/max-length';

const issues = (schema: Parameters<typeof parseForIssues>[0], values: unknown) => {
  const result = parseForIssues(schema, values);
  return result.success ? [] : toFieldIssues(result.error);
};

const check = { date: '2026-03-02', time: '09:30', channel: 'mvd_site', documentId: '', issueDate: '', birthDateMode: 'full', listed: true, resultText: ' найден ', screenshotNote: '' };

describe('the tracking forms’ schemas', () => {
  it('a request without an addressee is refused at the addressee; limits reach the inputs', () => {
    expect(issues(newRequestSchema, { kind: 'citizen_application', addressee: '  ', ourNumber: '', sentAt: '2026-03-02', note: '' })).toEqual([{ path: 'addressee', code: 'required' }]);
    expect([maxLengthAt(newRequestSchema, 'addressee'), maxLengthAt(newRequestSchema, 'ourNumber'), maxLengthAt(newRequestSchema, 'note')]).toEqual([500, 100, 2000]);
  });

  it.each([
    ['', true],
    ['1', true],
    ['30', true],
    ['0', false],
    ['31', false],
    ['1.5', false],
    ['дн', false],
  ])('an extension of “%s” days is %s', (days, ok) => {
    expect(requestProgressFormSchema.safeParse({ extendedByDays: days }).success).toBe(ok);
  });

  it('a check needs a date, a 24-hour чч:мм time and an answer whether the person is listed', () => {
    expect(checkFormSchema.parse(check).resultText).toBe('найден');
    expect(issues(checkFormSchema, { ...check, date: '', time: '24:00', listed: null })).toEqual([
      { path: 'date', code: 'required' },
      { path: 'time', code: 'invalid_format' },
      { path: 'listed', code: 'required' },
    ]);
    for (const time of ['9:30', '00:00', '23:59']) expect(checkFormSchema.safeParse({ ...check, time }).success).toBe(true);
    for (const time of ['9.30', '12:60', '930']) expect(checkFormSchema.safeParse({ ...check, time }).success).toBe(false);
  });
});
