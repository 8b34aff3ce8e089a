import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { passwordStrength, type PasswordProblem } from '../../../shared/security/password-strength';
import { DEFAULT_IDLE_MINUTES, lockoutDelayMs, ROLES, type Role } from '../../../shared/accounts/roles';
import { AUTH_EVENT_KINDS, type ACCOUNT_REFUSALS, type AuthEvent } from '../../../shared/ipc/channels/accounts';
import { writeFileAtomic } from '../save-file';
import { newDataKey, newRecoveryKey, unwrap, wrapWithPassword, wrapWithRecoveryKey, type WrappedKey } from './key-wrap';

/**
 * The accounts file (accounts.json in main's data folder): who may sign in, each account's wrapping of the data key,
 * the recovery key's wrapping, failed-attempt counters and the idle-lock setting. It holds no personal data of the
 * people in the cases and nothing that opens the data without a password or the recovery key.
 */

export const wrappedSchema = z.object({
  kdf: z.union([
    z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
    z.object({ name: z.literal('hkdf-sha256') }),
  ]),
  salt: z.string(),
  iv: z.string(),
  data: z.string(),
  tag: z.string(),
});

const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  disabled: z.boolean(),
  key: wrappedSchema,
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.number().nullable(),
  /** Set when the administrator reset the password: the next sign-in must choose a new one. Absent in older files. */
  mustChangePassword: z.boolean().optional(),
});

const fileSchema = z.object({
  version: z.literal(1),
  accounts: z.array(accountSchema),
  recovery: wrappedSchema,
  idleMinutes: z.number().int(),
  /** Sign-in events that happened while no one could write the (encrypted) audit; the page drains them. */
  pending: z.array(
    z.object({ at: z.string(), kind: z.enum(AUTH_EVENT_KINDS), accountId: z.string(), accountName: z.string(), detail: z.string().optional() }),
  ),
});

type AccountsFile = z.infer<typeof fileSchema>;
type Account = z.infer<typeof accountSchema>;

export interface PublicAccount {
  id: string;
  name: string;
  position: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
}

export interface Session {
  accountId: string;
  name: string;
  position: string;
  role: Role;
  /** The administrator reset this account's password: nothing but choosing a new one is allowed until then. */
  mustChangePassword: boolean;
  /** Present while unlocked; dropped on lock. */
  dataKey: Buffer | null;
}

export type SignInOutcome =
  | { status: 'ok'; session: Session }
  | { status: 'wrong_password'; retryAfterMs: number }
  | { status: 'wait'; retryAfterMs: number }
  | { status: 'disabled' }
  | { status: 'unknown_account' };

export class AccountError extends Error {
  constructor(readonly code: (typeof ACCOUNT_REFUSALS)[number]) {
    super(code);
  }
}

export class WeakPasswordError extends Error {
  constructor(readonly problem: PasswordProblem | 'same_as_current') {
    super(problem);
  }
}

const MAX_PENDING_EVENTS = 500;
const ACCOUNTS_FILE = 'accounts.json';

function publicOf(account: Account): PublicAccount {
  return { id: account.id, name: account.name, position: account.position, role: account.role, disabled: account.disabled, mustChangePassword: account.mustChangePassword ?? false };
}

function checkStrength(password: string, inputs: string[]): void {
  const { problem } = passwordStrength(password, inputs);
  if (problem) throw new WeakPasswordError(problem);
}

/**
 * Accounts and the sessions of this main process (one per window). Every change goes through one queue so two calls never
 * write the file over each other.
 */
export class AccountService {
  private file: AccountsFile | null = null;
  private loaded = false;
  /** One session per window (per browser context in browser mode): locking one does not sign another out. */
  private readonly sessions = new Map<string, Session>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get filePath(): string {
    return path.join(this.dataDir, ACCOUNTS_FILE);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<AccountsFile | null> {
    if (this.loaded) return this.file;
    try {
      const text = await readFile(this.filePath, 'utf8');
      this.file = fileSchema.parse(JSON.parse(text));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.file = null;
    }
    this.loaded = true;
    return this.file;
  }

  private async save(file: AccountsFile): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    await writeFileAtomic(this.filePath, new TextEncoder().encode(JSON.stringify(file)));
    this.file = file;
  }

  private event(file: AccountsFile, kind: AuthEvent['kind'], account: Pick<Account, 'id' | 'name'>, detail?: string): void {
    file.pending.push({ at: this.now().toISOString(), kind, accountId: account.id, accountName: account.name, ...(detail ? { detail } : {}) });
    if (file.pending.length > MAX_PENDING_EVENTS) file.pending.splice(0, file.pending.length - MAX_PENDING_EVENTS);
  }

  async status(client: string): Promise<{ setUp: boolean; accounts: PublicAccount[]; idleMinutes: number; session: Omit<Session, 'dataKey'> & { locked: boolean } | null }> {
    const file = await this.load();
    const session = this.sessions.get(client) ?? null;
    return {
      setUp: file !== null,
      accounts: file ? file.accounts.map(publicOf) : [],
      idleMinutes: file?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
      session: session ? { accountId: session.accountId, name: session.name, position: session.position, role: session.role, mustChangePassword: session.mustChangePassword, locked: session.dataKey === null } : null,
    };
  }

  /** First start: the administrator, a new data key, and the recovery key (returned once, never stored). */
  setup(client: string, input: { name: string; position: string; password: string }): Promise<{ recoveryKey: string; session: Session }> {
    return this.serial(async () => {
      if (await this.load()) throw new AccountError('ALREADY_SET_UP');
      checkStrength(input.password, [input.name, input.position]);
      const dataKey = newDataKey();
      const recoveryKey = newRecoveryKey();
      const id = randomBytes(12).toString('hex');
      const admin: Account = {
        id,
        name: input.name,
        position: input.position,
        role: 'admin',
        createdAt: this.now().toISOString(),
        disabled: false,
        key: await wrapWithPassword(dataKey, input.password, id),
        failures: 0,
        lastFailureAt: null,
      };
      const file: AccountsFile = { version: 1, accounts: [admin], recovery: await wrapWithRecoveryKey(dataKey, recoveryKey, 'recovery'), idleMinutes: DEFAULT_IDLE_MINUTES, pending: [] };
      this.event(file, 'sign_in', admin, 'setup');
      await this.save(file);
      const session: Session = { accountId: id, name: admin.name, position: admin.position, role: 'admin', mustChangePassword: false, dataKey };
      this.sessions.set(client, session);
      return { recoveryKey, session };
    });
  }

  /** Also unlocks: a locked session is resumed by its own account's password. */
  signIn(client: string, input: { accountId: string; password: string }): Promise<SignInOutcome> {
    return this.serial(async () => {
      const file = await this.load();
      if (!file) throw new AccountError('NOT_SET_UP');
      const account = file.accounts.find((a) => a.id === input.accountId);
      if (!account) return { status: 'unknown_account' };
      if (account.disabled) return { status: 'disabled' };
      const nowMs = this.now().getTime();
      const waitUntil = (account.lastFailureAt ?? 0) + lockoutDelayMs(account.failures);
      if (account.failures > 0 && nowMs < waitUntil) return { status: 'wait', retryAfterMs: waitUntil - nowMs };
      // A locked session belongs to its account: another person signing in ends it (the page reloads).
      const dataKey = await unwrap(account.key, input.password, account.id);
      if (!dataKey) {
        account.failures += 1;
        account.lastFailureAt = nowMs;
        this.event(file, 'sign_in_failed', account, String(account.failures));
        await this.save(file);
        return { status: 'wrong_password', retryAfterMs: lockoutDelayMs(account.failures) };
      }
      const current = this.sessions.get(client);
      const resumed = current?.accountId === account.id && current.dataKey === null;
      account.failures = 0;
      account.lastFailureAt = null;
      this.event(file, resumed ? 'unlock' : 'sign_in', account);
      await this.save(file);
      const session: Session = { accountId: account.id, name: account.name, position: account.position, role: account.role, mustChangePassword: account.mustChangePassword ?? false, dataKey };
      this.sessions.set(client, session);
      return { status: 'ok', session };
    });
  }

  /** Drops the data key; the session's account stays so unlocking resumes it. Idempotent. */
  lock(client: string, reason = 'user'): Promise<void> {
    return this.serial(async () => {
      const session = this.sessions.get(client);
      if (!session || session.dataKey === null) return;
      await this.lockSessions([session], reason);
    });
  }

  /** The OS locked or went to sleep: every window locks. */
  lockAll(reason: string): Promise<void> {
    return this.serial(() => this.lockSessions([...this.sessions.values()].filter((s) => s.dataKey !== null), reason));
  }

  private async lockSessions(sessions: Session[], reason: string): Promise<void> {
    if (sessions.length === 0) return;
    const file = await this.load();
    for (const session of sessions) {
      // Other sessions hold their own copy of the key; zeroing this one leaves theirs intact.
      session.dataKey!.fill(0);
      session.dataKey = null;
      if (file) this.event(file, 'lock', { id: session.accountId, name: session.name }, reason);
    }
    if (file) await this.save(file);
    for (const listener of this.lockListeners) listener();
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  signOut(client: string): Promise<void> {
    return this.serial(async () => {
      const session = this.sessions.get(client);
      if (!session) return;
      session.dataKey?.fill(0);
      this.sessions.delete(client);
      const file = await this.load();
      if (file) {
        this.event(file, 'sign_out', { id: session.accountId, name: session.name });
        await this.save(file);
      }
    });
  }

  /**
   * The unlocked session, or throws: what every guarded channel calls. A session whose password was reset by the
   * administrator may only choose a new one (`passwordChange`) until it has.
   */
  requireSession(client: string, role?: Role, passwordChange = false): Session & { dataKey: Buffer } {
    const session = this.sessions.get(client);
    if (!session || session.dataKey === null) throw new AccountError('NOT_SIGNED_IN');
    if (session.mustChangePassword && !passwordChange) throw new AccountError('PASSWORD_CHANGE_REQUIRED');
    if (role === 'admin' && session.role !== 'admin') throw new AccountError('NOT_PERMITTED');
    return session as Session & { dataKey: Buffer };
  }

  /** This window's unlocked session (a reloaded page resumes it), else null. */
  resume(client: string): (Session & { dataKey: Buffer }) | null {
    const session = this.sessions.get(client);
    return session && session.dataKey ? (session as Session & { dataKey: Buffer }) : null;
  }

  /** The data key while unlocked, else null (files at rest cannot be read or written then). */
  dataKey(client: string): Buffer | null {
    return this.sessions.get(client)?.dataKey ?? null;
  }

  changePassword(client: string, input: { current: string; next: string }): Promise<'ok' | 'wrong_password'> {
    return this.serial(async () => {
      const session = this.requireSession(client, undefined, true);
      const file = (await this.load())!;
      const account = file.accounts.find((a) => a.id === session.accountId);
      if (!account) throw new AccountError('UNKNOWN_ACCOUNT');
      const key = await unwrap(account.key, input.current, account.id);
      if (!key) return 'wrong_password';
      checkStrength(input.next, [account.name, account.position]);
      // The administrator's temporary password may not simply be kept.
      if (input.next === input.current) throw new WeakPasswordError('same_as_current');
      account.key = await wrapWithPassword(key, input.next, account.id);
      account.mustChangePassword = false;
      session.mustChangePassword = false;
      this.event(file, 'password_changed', account);
      await this.save(file);
      return 'ok';
    });
  }

  addAccount(client: string, input: { name: string; position: string; role: Role; password: string }): Promise<PublicAccount> {
    return this.serial(async () => {
      const session = this.requireSession(client, 'admin');
      const file = (await this.load())!;
      if (file.accounts.some((a) => a.name.trim().toLowerCase() === input.name.trim().toLowerCase())) throw new AccountError('DUPLICATE_NAME');
      checkStrength(input.password, [input.name, input.position]);
      const id = randomBytes(12).toString('hex');
      const account: Account = {
        id,
        name: input.name,
        position: input.position,
        role: input.role,
        createdAt: this.now().toISOString(),
        disabled: false,
        key: await wrapWithPassword(session.dataKey, input.password, id),
        failures: 0,
        lastFailureAt: null,
      };
      file.accounts.push(account);
      this.event(file, 'account_added', { id: session.accountId, name: session.name }, `${account.name} (${account.role})`);
      await this.save(file);
      return publicOf(account);
    });
  }

  /** The administrator sets a new password for someone who forgot theirs; their failure counter restarts. */
  resetPassword(client: string, input: { accountId: string; password: string }): Promise<void> {
    return this.serial(async () => {
      const session = this.requireSession(client, 'admin');
      const file = (await this.load())!;
      const account = file.accounts.find((a) => a.id === input.accountId);
      if (!account) throw new AccountError('UNKNOWN_ACCOUNT');
      checkStrength(input.password, [account.name, account.position]);
      account.key = await wrapWithPassword(session.dataKey, input.password, account.id);
      account.failures = 0;
      account.lastFailureAt = null;
      // The administrator knows this password: it opens one sign-in, which must replace it.
      account.mustChangePassword = account.id !== session.accountId;
      this.event(file, 'password_reset', { id: session.accountId, name: session.name }, account.name);
      await this.save(file);
    });
  }

  updateAccount(client: string, input: { accountId: string; role?: Role; disabled?: boolean; position?: string }): Promise<PublicAccount> {
    return this.serial(async () => {
      const session = this.requireSession(client, 'admin');
      const file = (await this.load())!;
      const account = file.accounts.find((a) => a.id === input.accountId);
      if (!account) throw new AccountError('UNKNOWN_ACCOUNT');
      const next = { ...account, ...(input.role ? { role: input.role } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled } : {}), ...(input.position !== undefined ? { position: input.position } : {}) };
      const adminsLeft = file.accounts.map((a) => (a.id === next.id ? next : a)).filter((a) => a.role === 'admin' && !a.disabled).length;
      // Without an active administrator nobody could add accounts or restore backups again.
      if (adminsLeft === 0 || (account.id === session.accountId && next.disabled)) throw new AccountError('LAST_ADMIN');
      const changes = [
        ...(next.role !== account.role ? [`role: ${account.role} → ${next.role}`] : []),
        ...(next.disabled !== account.disabled ? [next.disabled ? 'disabled' : 'enabled'] : []),
        ...(next.position !== account.position ? ['position'] : []),
      ];
      Object.assign(account, next);
      if (changes.length > 0) this.event(file, 'account_changed', { id: session.accountId, name: session.name }, `${account.name}: ${changes.join(', ')}`);
      await this.save(file);
      // A disabled account's open windows lose their session at once; a changed role applies to the next call.
      for (const [client, open] of this.sessions) {
        if (open.accountId !== account.id) continue;
        if (account.disabled) {
          open.dataKey?.fill(0);
          this.sessions.delete(client);
        } else {
          open.role = account.role;
          open.position = account.position;
        }
      }
      return publicOf(account);
    });
  }

  setIdleMinutes(client: string, minutes: number): Promise<void> {
    return this.serial(async () => {
      const session = this.requireSession(client, 'admin');
      const file = (await this.load())!;
      if (file.idleMinutes !== minutes) this.event(file, 'account_changed', { id: session.accountId, name: session.name }, `idle: ${file.idleMinutes} → ${minutes}`);
      file.idleMinutes = minutes;
      await this.save(file);
    });
  }

  /** With the recovery key from setup, an administrator's password is replaced (every other password is lost too: none). */
  recover(input: { recoveryKey: string; accountId: string; password: string }): Promise<'ok' | 'wrong_key'> {
    return this.serial(async () => {
      const file = await this.load();
      if (!file) throw new AccountError('NOT_SET_UP');
      const account = file.accounts.find((a) => a.id === input.accountId);
      if (!account || account.role !== 'admin') throw new AccountError('UNKNOWN_ACCOUNT');
      const key = await unwrap(file.recovery, input.recoveryKey, 'recovery');
      if (!key) {
        this.event(file, 'sign_in_failed', account, 'recovery');
        await this.save(file);
        return 'wrong_key';
      }
      checkStrength(input.password, [account.name, account.position]);
      account.key = await wrapWithPassword(key, input.password, account.id);
      account.failures = 0;
      account.lastFailureAt = null;
      account.disabled = false;
      account.mustChangePassword = false;
      this.event(file, 'recovered', account);
      await this.save(file);
      key.fill(0);
      return 'ok';
    });
  }

  /**
   * Joining a mission that already has a data key: the mission's recovery key (typed by the officer) opens the
   * mission's wrapping, the signed-in administrator's password re-wraps it for this PC, and the mission's recovery
   * wrapping replaces this PC's. Refused while other accounts exist: their wrappings need their own passwords, and
   * dropping them would lock those people out. Answers the mission key; the session holds it from now on.
   */
  adoptDataKey(client: string, input: { missionWrapping: WrappedKey; recoveryKey: string; password: string }): Promise<{ status: 'ok'; dataKey: Buffer } | { status: 'wrong_recovery_key' | 'wrong_password' | 'other_accounts' }> {
    return this.serial(async () => {
      const session = this.requireSession(client, 'admin');
      const file = (await this.load())!;
      const account = file.accounts.find((a) => a.id === session.accountId);
      if (!account) throw new AccountError('UNKNOWN_ACCOUNT');
      if (file.accounts.some((a) => a.id !== account.id)) return { status: 'other_accounts' as const };
      const current = await unwrap(account.key, input.password, account.id);
      if (!current) return { status: 'wrong_password' as const };
      current.fill(0);
      const mission = await unwrap(input.missionWrapping, input.recoveryKey, 'recovery');
      if (!mission) return { status: 'wrong_recovery_key' as const };
      account.key = await wrapWithPassword(mission, input.password, account.id);
      file.recovery = { ...input.missionWrapping };
      this.event(file, 'account_changed', account, 'mission_key');
      await this.save(file);
      // Other windows' sessions of this PC keep the old key until they sign in again; this one switches now.
      session.dataKey.fill(0);
      session.dataKey = Buffer.from(mission);
      return { status: 'ok' as const, dataKey: mission };
    });
  }

  /**
   * The data key wrapped by the recovery key, as this file keeps it: backups sealed by the data key carry it, so on
   * another PC the recovery key opens them. Without the recovery key it opens nothing.
   */
  async recoveryWrapping(): Promise<WrappedKey | null> {
    return (await this.load())?.recovery ?? null;
  }

  /** Sign-in events for the page to write into the chained audit once it holds the key; removed from the file. */
  drainEvents(client: string): Promise<AuthEvent[]> {
    return this.serial(async () => {
      this.requireSession(client);
      const file = (await this.load())!;
      const events = file.pending;
      if (events.length === 0) return [];
      file.pending = [];
      await this.save(file);
      return events;
    });
  }
}
