import { describe, expect, it } from 'vitest';
import { addAccountFormSchema, changePasswordFormSchema, idleFormSchema, recoverFormSchema, setupFormSchema } from '../../../../shared/accounts/forms';
import { parseForIssues, toFieldIssues } from '../../../../shared/validation/issues';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import { codeResolver } from '../../../../renderer/src/ui/code-resolver';

const issues = (schema: Parameters<typeof parseForIssues>[0], values: unknown) => {
  const result = parseForIssues(schema, values);
  return result.success ? [] : toFieldIssues(result.error);
};

describe('the access forms’ schemas', () => {
  it('a setup with a name and the same password twice passes, trimmed', () => {
    const result = setupFormSchema.safeParse({ name: '  Асанов Бакыт ', position: ' консул ', password: 'long enough 1', repeat: 'long enough 1' });
    expect(result.success && result.data).toEqual({ name: 'Асанов Бакыт', position: 'консул', password: 'long enough 1', repeat: 'long enough 1' });
  });

  it('a repeat that differs is an invalid value at repeat, an empty name is required', () => {
    expect(issues(setupFormSchema, { name: '   ', position: '', password: 'abc', repeat: 'abd' })).toEqual([
      { path: 'name', code: 'required' },
      { path: 'repeat', code: 'invalid_value' },
    ]);
    expect(issues(addAccountFormSchema, { name: 'А', position: '', role: 'caseworker', password: 'x', repeat: 'y' })).toEqual([{ path: 'repeat', code: 'invalid_value' }]);
    expect(issues(changePasswordFormSchema, { current: '', password: 'x', repeat: 'x' })).toEqual([{ path: 'current', code: 'required' }]);
  });

  it('refuses a role that does not exist and an empty recovery key', () => {
    expect(issues(addAccountFormSchema, { name: 'А', position: '', role: 'root', password: 'x', repeat: 'x' })).toEqual([{ path: 'role', code: 'invalid_value' }]);
    expect(issues(recoverFormSchema, { accountId: 'a', recoveryKey: ' ', password: 'x' })).toEqual([{ path: 'recoveryKey', code: 'required' }]);
  });

  it('idle minutes are a whole number from 1 to 120', () => {
    expect(idleFormSchema.safeParse({ minutes: 10 }).success).toBe(true);
    for (const minutes of [0, 121, 2.5, Number.NaN]) expect(idleFormSchema.safeParse({ minutes }).success).toBe(false);
  });

  it('gives the inputs their typing limits', () => {
    expect(maxLengthAt(setupFormSchema, 'name')).toBe(200);
    expect(maxLengthAt(addAccountFormSchema, 'position')).toBe(200);
    expect(maxLengthAt(recoverFormSchema, 'recoveryKey')).toBe(100);
    expect(maxLengthAt(changePasswordFormSchema, 'password')).toBe(256);
  });

  it('reaches a form as codes react-hook-form shows next to the fields', async () => {
    const resolve = codeResolver(changePasswordFormSchema);
    const answer = await resolve({ current: 'old', password: 'new password', repeat: 'new pasword' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(answer.errors).toEqual({ repeat: { type: 'invalid_value', message: '' } });
  });
});
