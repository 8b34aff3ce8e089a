import { z } from 'zod';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, ROLES } from '../../accounts/roles';
import { MAX_PASSWORD_LENGTH } from '../../security/password-strength';

/**
 * Accounts, sign-in and lock. Main keeps the accounts file and the one session; the data key (base64) reaches the
 * page only in the answer to a successful setup or sign-in, and main drops its copy on lock. Refusals are answers
 * (a status), not IPC errors, so the sign-in screen can word them.
 */

const accountId = z.string().regex(/^[a-f0-9]{24}$/);
const personName = z.string().trim().min(1).max(200);
const position = z.string().trim().max(200);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const role = z.enum(ROLES);
const dataKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

const publicAccount = z.object({ id: accountId, name: z.string(), position: z.string(), role, disabled: z.boolean(), mustChangePassword: z.boolean() });
/** `mustChangePassword`: the administrator reset the password; the page asks for a new one before anything else. */
const sessionInfo = z.object({ accountId, name: z.string(), position: z.string(), role, mustChangePassword: z.boolean() });
export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'too_weak', 'same_as_current'] as const;
const weak = z.object({ status: z.literal('weak'), problem: z.enum(PASSWORD_PROBLEMS) });

export const AUTH_EVENT_KINDS = ['sign_in', 'sign_in_failed', 'sign_out', 'lock', 'unlock', 'password_changed', 'password_reset', 'account_added', 'account_changed', 'recovered'] as const;
export const authEventSchema = z.object({
  at: z.string(),
  kind: z.enum(AUTH_EVENT_KINDS),
  accountId: z.string(),
  accountName: z.string(),
  detail: z.string().optional(),
});
export type AuthEvent = z.infer<typeof authEventSchema>;

export const ACCOUNT_REFUSALS = ['NOT_SET_UP', 'ALREADY_SET_UP', 'NOT_SIGNED_IN', 'NOT_PERMITTED', 'UNKNOWN_ACCOUNT', 'LAST_ADMIN', 'DUPLICATE_NAME', 'PASSWORD_CHANGE_REQUIRED'] as const;
const refused = z.object({ status: z.literal('refused'), reason: z.enum(ACCOUNT_REFUSALS) });

export const ACCOUNTS_CHANNELS = {
  'accounts:status': {
    request: z.object({}).strict(),
    response: z.object({
      setUp: z.boolean(),
      accounts: z.array(publicAccount),
      idleMinutes: z.number().int(),
      session: sessionInfo.extend({ locked: z.boolean() }).nullable(),
    }),
  },
  /** First start: creates the administrator and answers the recovery key, shown once. */
  'accounts:setup': {
    request: z.object({ name: personName, position, password }).strict(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), recoveryKey: z.string(), session: sessionInfo, dataKey }),
      weak,
      refused,
    ]),
  },
  'accounts:signIn': {
    request: z.object({ accountId, password }).strict(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), session: sessionInfo, dataKey }),
      z.object({ status: z.literal('wrong_password'), retryAfterMs: z.number().int().nonnegative() }),
      z.object({ status: z.literal('wait'), retryAfterMs: z.number().int().nonnegative() }),
      z.object({ status: z.literal('disabled') }),
      z.object({ status: z.literal('unknown_account') }),
    ]),
  },
  /**
   * A reloaded page of a window whose session is unlocked gets its key back without a password: the same window
   * held it a moment before, and main still does. A locked or signed-out window gets 'none'.
   */
  'accounts:resume': {
    request: z.object({}).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), session: sessionInfo, dataKey }), z.object({ status: z.literal('none') })]),
  },
  'accounts:lock': {
    request: z.object({ reason: z.enum(['idle', 'shortcut', 'user']) }).strict(),
    response: z.object({}),
  },
  'accounts:signOut': { request: z.object({}).strict(), response: z.object({}) },
  'accounts:changePassword': {
    request: z.object({ current: password, next: password }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok') }), z.object({ status: z.literal('wrong_password') }), weak, refused]),
  },
  'accounts:add': {
    request: z.object({ name: personName, position, role, password }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), account: publicAccount }), weak, refused]),
  },
  'accounts:resetPassword': {
    request: z.object({ accountId, password }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok') }), weak, refused]),
  },
  'accounts:update': {
    request: z.object({ accountId, role: role.optional(), disabled: z.boolean().optional(), position: position.optional() }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), account: publicAccount }), refused]),
  },
  'accounts:setIdle': {
    request: z.object({ minutes: z.number().int().min(MIN_IDLE_MINUTES).max(MAX_IDLE_MINUTES) }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok') }), refused]),
  },
  'accounts:recover': {
    request: z.object({ recoveryKey: z.string().min(1).max(100), accountId, password }).strict(),
    response: z.discriminatedUnion('status', [z.object({ status: z.literal('ok') }), z.object({ status: z.literal('wrong_key') }), weak, refused]),
  },
  /** Sign-in events kept by main while the audit was locked; the page writes them into the chained audit. */
  'accounts:drainEvents': {
    request: z.object({}).strict(),
    response: z.object({ events: z.array(authEventSchema) }),
  },
} as const;
