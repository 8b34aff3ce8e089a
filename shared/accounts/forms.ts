import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../security/password-strength';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, ROLES } from './roles';

/**
 * What the access screens' forms accept, checked as the user types and again by main's IPC contract
 * (shared/ipc/channels/accounts.ts), which uses the same name and position rules. Strength is not here:
 * it needs the estimator's dictionaries, which the page loads lazily and main checks itself.
 */
export const ACCOUNT_LIMITS = { name: 200, position: 200, recoveryKey: 100 } as const;

export const accountNameSchema = z.string().trim().min(1).max(ACCOUNT_LIMITS.name);
export const accountPositionSchema = z.string().trim().max(ACCOUNT_LIMITS.position);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

/** A new password typed twice; a repeat that differs is an `invalid_value` at `repeat`. */
export interface NewPasswordValues {
  password: string;
  repeat: string;
}
const newPasswordShape = { password, repeat: z.string().max(MAX_PASSWORD_LENGTH) };
const sameTwice = (values: NewPasswordValues) => values.password === values.repeat;
const atRepeat = { path: ['repeat'] };

export const setupFormSchema = z.object({ name: accountNameSchema, position: accountPositionSchema, ...newPasswordShape }).refine(sameTwice, atRepeat);
export type SetupFormValues = z.infer<typeof setupFormSchema>;

export const addAccountFormSchema = z
  .object({ name: accountNameSchema, position: accountPositionSchema, role: z.enum(ROLES), ...newPasswordShape })
  .refine(sameTwice, atRepeat);
export type AddAccountFormValues = z.infer<typeof addAccountFormSchema>;

export const changePasswordFormSchema = z.object({ current: password, ...newPasswordShape }).refine(sameTwice, atRepeat);
export type ChangePasswordFormValues = z.infer<typeof changePasswordFormSchema>;

export const recoverFormSchema = z.object({ accountId: z.string().min(1), recoveryKey: z.string().trim().min(1).max(ACCOUNT_LIMITS.recoveryKey), password });
export type RecoverFormValues = z.infer<typeof recoverFormSchema>;

export const signInFormSchema = z.object({ accountId: z.string().min(1), password });
export type SignInFormValues = z.infer<typeof signInFormSchema>;

export const resetPasswordFormSchema = z.object({ password });
export type ResetPasswordFormValues = z.infer<typeof resetPasswordFormSchema>;

export const idleFormSchema = z.object({ minutes: z.number().int().min(MIN_IDLE_MINUTES).max(MAX_IDLE_MINUTES) });
export type IdleFormValues = z.infer<typeof idleFormSchema>;
