import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setAccountKdfForTests, newRecoveryKey, normalizeRecoveryKey } from '../../../../../electron/main/accounts/key-wrap';
import { AccountError, AccountService, WeakPasswordError } from '../../../../../electron/main/accounts/store';
import { lockoutDelayMs } from '../../../../../shared/accounts/roles';
import { passwordStrength } from '../../../../../shared/security/password-strength';

const ADMIN_PW = 'correct horse battery staple';
const WORKER_PW = 'violet tundra kettle 42';
/** The window the calls come from. */
const W = 'window-1';

beforeAll(() => setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 }));

function fresh(clock = { t: Date.parse('2026-12-07T10:00:00Z') }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aryz-accounts-'));
  return { dir, clock, service: new AccountService(dir, () => new Date(clock.t)) };
}

describe('first start and sign-in', () => {
  it('creates the administrator, answers a recovery key once and stores only wrapped keys', async () => {
    const { dir, service } = fresh();
    expect((await service.status(W)).setUp).toBe(false);
    const { recoveryKey, session } = await service.setup(W, { name: 'Токтогулов Нурлан', position: 'Консул', password: ADMIN_PW });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(session.role).toBe('admin');
    expect(session.dataKey).toHaveLength(32);
    const onDisk = readFileSync(path.join(dir, 'accounts.json'), 'utf8');
    expect(onDisk).not.toContain(ADMIN_PW);
    expect(onDisk).not.toContain(recoveryKey);
    expect(onDisk).not.toContain(session.dataKey!.toString('base64'));
    await expect(service.setup(W, { name: 'X', position: '', password: ADMIN_PW })).rejects.toMatchObject({ code: 'ALREADY_SET_UP' });
  });

  it('refuses a weak administrator password before anything is written', async () => {
    const { service } = fresh();
    await expect(service.setup(W, { name: 'Асанова Айгуль', position: 'Консул', password: 'Асанова1990' })).rejects.toBeInstanceOf(WeakPasswordError);
    expect((await service.status(W)).setUp).toBe(false);
  });

  it('gives the same data key back to every account and to the recovery key', async () => {
    const { dir, clock, service } = fresh();
    const { recoveryKey, session } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const key = Buffer.from(session.dataKey!);
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    await service.signOut(W);
    // A second process reading the same file (a restart).
    const again = new AccountService(dir, () => new Date(clock.t));
    const signed = await again.signIn(W, { accountId: worker.id, password: WORKER_PW });
    expect(signed.status).toBe('ok');
    expect(signed.status === 'ok' && signed.session.dataKey!.equals(key)).toBe(true);
    expect(signed.status === 'ok' && signed.session.role).toBe('caseworker');
    // Recovery replaces the administrator's password with the key from setup, typed loosely.
    const admin = (await again.status(W)).accounts.find((a) => a.role === 'admin')!;
    expect(await again.recover({ recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '), accountId: admin.id, password: 'granite walrus orbit 77' })).toBe('ok');
    await again.signOut(W);
    const byNew = await again.signIn(W, { accountId: admin.id, password: 'granite walrus orbit 77' });
    expect(byNew.status === 'ok' && byNew.session.dataKey!.equals(key)).toBe(true);
    expect(await again.recover({ recoveryKey: newRecoveryKey(), accountId: admin.id, password: 'granite walrus orbit 77' })).toBe('wrong_key');
  });
});

describe('roles', () => {
  it('lets only an administrator add accounts, reset passwords or set the idle time', async () => {
    const { service } = fresh();
    await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    await expect(service.addAccount(W, { name: 'асанова айгуль ', position: '', role: 'caseworker', password: WORKER_PW })).rejects.toMatchObject({ code: 'DUPLICATE_NAME' });
    await service.signOut(W);
    await service.signIn(W, { accountId: worker.id, password: WORKER_PW });
    await expect(service.addAccount(W, { name: 'Другой', position: '', role: 'admin', password: WORKER_PW })).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(service.resetPassword(W, { accountId: worker.id, password: 'granite walrus orbit 77' })).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(service.setIdleMinutes(W, 30)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    expect(() => service.requireSession(W, 'admin')).toThrow(AccountError);
    expect(service.requireSession(W).role).toBe('caseworker');
  });

  it('never leaves the app without an active administrator', async () => {
    const { service } = fresh();
    const { session } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    await expect(service.updateAccount(W, { accountId: session.accountId, role: 'caseworker' })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(service.updateAccount(W, { accountId: session.accountId, disabled: true })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
  });

  it('refuses a disabled account', async () => {
    const { service } = fresh();
    await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    await service.updateAccount(W, { accountId: worker.id, disabled: true });
    await service.signOut(W);
    expect(await service.signIn(W, { accountId: worker.id, password: WORKER_PW })).toEqual({ status: 'disabled' });
  });
});

describe('managing accounts', () => {
  it("a reset password opens one sign-in that may only choose a new password, and the file keeps the flag", async () => {
    const { dir, clock, service } = fresh();
    const { session: adminSession } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    expect(worker.mustChangePassword).toBe(false);
    await service.resetPassword(W, { accountId: worker.id, password: 'amber falcon river 19' });
    expect((await service.status(W)).accounts.find((a) => a.id === worker.id)!.mustChangePassword).toBe(true);
    // The administrator's own session is not held to it.
    expect(service.requireSession(W, 'admin').accountId).toBe(adminSession.accountId);
    await service.signOut(W);
    const restarted = new AccountService(dir, () => new Date(clock.t));
    const signed = await restarted.signIn(W, { accountId: worker.id, password: 'amber falcon river 19' });
    expect(signed.status === 'ok' && signed.session.mustChangePassword).toBe(true);
    expect(() => restarted.requireSession(W)).toThrow(expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }));
    expect(restarted.requireSession(W, undefined, true).accountId).toBe(worker.id);
    // Keeping the administrator's password is not a change.
    await expect(restarted.changePassword(W, { current: 'amber falcon river 19', next: 'amber falcon river 19' })).rejects.toMatchObject({ problem: 'same_as_current' });
    expect(await restarted.changePassword(W, { current: 'amber falcon river 19', next: 'granite walrus orbit 77' })).toBe('ok');
    expect(restarted.requireSession(W).accountId).toBe(worker.id);
    expect((await restarted.status(W)).accounts.find((a) => a.id === worker.id)!.mustChangePassword).toBe(false);
  });

  it('disabling an account ends its open sessions; enabling lets it sign in again; a role change applies at once', async () => {
    const { service } = fresh();
    await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    const other = 'window-2';
    expect((await service.signIn(other, { accountId: worker.id, password: WORKER_PW })).status).toBe('ok');
    expect(() => service.requireSession(other, 'admin')).toThrow(expect.objectContaining({ code: 'NOT_PERMITTED' }));
    await service.updateAccount(W, { accountId: worker.id, role: 'admin' });
    expect(service.requireSession(other, 'admin').role).toBe('admin');
    await service.updateAccount(W, { accountId: worker.id, role: 'caseworker' });
    await service.updateAccount(W, { accountId: worker.id, disabled: true });
    expect(() => service.requireSession(other)).toThrow(expect.objectContaining({ code: 'NOT_SIGNED_IN' }));
    expect(await service.signIn(other, { accountId: worker.id, password: WORKER_PW })).toEqual({ status: 'disabled' });
    await service.updateAccount(W, { accountId: worker.id, disabled: false });
    expect((await service.signIn(other, { accountId: worker.id, password: WORKER_PW })).status).toBe('ok');
  });

  it('a second administrator may be disabled, the last active one never (not even by another)', async () => {
    const { service } = fresh();
    const { session: first } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const second = await service.addAccount(W, { name: 'Второй Админ', position: 'Консул', role: 'admin', password: WORKER_PW });
    expect((await service.updateAccount(W, { accountId: second.id, disabled: true })).disabled).toBe(true);
    await expect(service.updateAccount(W, { accountId: first.accountId, role: 'caseworker' })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await service.updateAccount(W, { accountId: second.id, disabled: false });
    // Now there are two: the first may become a caseworker, through the second administrator's session.
    const other = 'window-2';
    await service.signIn(other, { accountId: second.id, password: WORKER_PW });
    expect((await service.updateAccount(other, { accountId: first.accountId, role: 'caseworker' })).role).toBe('caseworker');
    await expect(service.updateAccount(other, { accountId: second.id, disabled: true })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
  });

  it('records every management act as an event for the audit, with who did it', async () => {
    const { service } = fresh();
    const { session } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    await service.resetPassword(W, { accountId: worker.id, password: 'amber falcon river 19' });
    await service.updateAccount(W, { accountId: worker.id, disabled: true });
    await service.setIdleMinutes(W, 5);
    const events = await service.drainEvents(W);
    expect(events.map((e) => [e.kind, e.accountId, e.detail])).toEqual([
      ['sign_in', session.accountId, 'setup'],
      ['account_added', session.accountId, 'Асанова Айгуль (caseworker)'],
      ['password_reset', session.accountId, 'Асанова Айгуль'],
      ['account_changed', session.accountId, 'Асанова Айгуль: disabled'],
      ['account_changed', session.accountId, 'idle: 10 → 5'],
    ]);
    expect((await service.status(W)).idleMinutes).toBe(5);
    expect(await service.drainEvents(W)).toEqual([]);
  });
});

describe('passwords', () => {
  it('changes only with the current password, and the administrator can reset', async () => {
    const { service } = fresh();
    await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    const worker = await service.addAccount(W, { name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker', password: WORKER_PW });
    await service.signOut(W);
    await service.signIn(W, { accountId: worker.id, password: WORKER_PW });
    expect(await service.changePassword(W, { current: 'not my password at all', next: 'granite walrus orbit 77' })).toBe('wrong_password');
    await expect(service.changePassword(W, { current: WORKER_PW, next: 'qwerty123456' })).rejects.toBeInstanceOf(WeakPasswordError);
    expect(await service.changePassword(W, { current: WORKER_PW, next: 'granite walrus orbit 77' })).toBe('ok');
    await service.signOut(W);
    expect((await service.signIn(W, { accountId: worker.id, password: WORKER_PW })).status).toBe('wrong_password');
    const admin = (await service.status(W)).accounts.find((a) => a.role === 'admin')!;
    await service.signIn(W, { accountId: admin.id, password: ADMIN_PW });
    await service.resetPassword(W, { accountId: worker.id, password: 'amber falcon river 19' });
    await service.signOut(W);
    expect((await service.signIn(W, { accountId: worker.id, password: 'amber falcon river 19' })).status).toBe('ok');
  });

  it('scores passwords with zxcvbn: common or personal ones are too weak', () => {
    expect(passwordStrength('password123').problem).toBe('too_weak');
    expect(passwordStrength('Qwerty12345').problem).toBe('too_weak');
    expect(passwordStrength('short').problem).toBe('too_short');
    // A password built from the user's own name is weak even though the dictionary does not know the name.
    expect(passwordStrength('Асанова1990', ['Асанова Айгуль']).problem).toBe('too_weak');
    expect(passwordStrength('Асанова1990').problem).toBeNull();
    expect(passwordStrength(ADMIN_PW).problem).toBeNull();
  });
});

describe('increasing delays after failed attempts', () => {
  it('doubles the wait from the fourth failure, keeps it across restarts and clears it on success', async () => {
    const { dir, clock, service } = fresh();
    const { session } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    await service.signOut(W);
    const id = session.accountId;
    for (let i = 1; i <= 2; i++) expect(await service.signIn(W, { accountId: id, password: 'wrong' })).toEqual({ status: 'wrong_password', retryAfterMs: 0 });
    expect(await service.signIn(W, { accountId: id, password: 'wrong' })).toEqual({ status: 'wrong_password', retryAfterMs: 5_000 });
    // Even the right password waits.
    expect(await service.signIn(W, { accountId: id, password: ADMIN_PW })).toEqual({ status: 'wait', retryAfterMs: 5_000 });
    clock.t += 5_000;
    expect(await service.signIn(W, { accountId: id, password: 'wrong' })).toEqual({ status: 'wrong_password', retryAfterMs: 10_000 });
    const restarted = new AccountService(dir, () => new Date(clock.t));
    clock.t += 3_000;
    expect(await restarted.signIn(W, { accountId: id, password: ADMIN_PW })).toEqual({ status: 'wait', retryAfterMs: 7_000 });
    clock.t += 7_000;
    expect((await restarted.signIn(W, { accountId: id, password: ADMIN_PW })).status).toBe('ok');
    const events = await restarted.drainEvents(W);
    expect(events.filter((e) => e.kind === 'sign_in_failed')).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ kind: 'sign_in', accountId: id });
    expect(await restarted.drainEvents(W)).toEqual([]);
  });

  it('grows as documented and stops at 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(lockoutDelayMs)).toEqual([0, 0, 0, 5_000, 10_000, 20_000, 40_000]);
    expect(lockoutDelayMs(40)).toBe(15 * 60_000);
  });
});

describe('lock', () => {
  it('drops the key on lock; only the same account resumes it', async () => {
    const { service } = fresh();
    const { session } = await service.setup(W, { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    let locked = 0;
    service.onLock(() => locked++);
    await service.lock(W, 'idle');
    expect(service.dataKey(W)).toBeNull();
    expect(locked).toBe(1);
    expect(() => service.requireSession(W)).toThrow(AccountError);
    expect((await service.status(W)).session).toMatchObject({ accountId: session.accountId, locked: true });
    await service.lock(W, 'idle');
    expect(locked).toBe(1);
    expect((await service.signIn(W, { accountId: session.accountId, password: ADMIN_PW })).status).toBe('ok');
    expect(service.dataKey(W)).not.toBeNull();
    const kinds = (await service.drainEvents(W)).map((e) => e.kind);
    expect(kinds).toEqual(['sign_in', 'lock', 'unlock']);
  });

  it('reads a recovery key back whatever its case and separators', () => {
    const key = newRecoveryKey();
    expect(normalizeRecoveryKey(key.toLowerCase().replace(/-/g, ' '))).toBe(normalizeRecoveryKey(key));
  });
});

describe('sessions per window', () => {
  it('locks one window without touching another; the OS lock locks both', async () => {
    const { service } = fresh();
    const { session } = await service.setup('a', { name: 'Админ', position: 'Консул', password: ADMIN_PW });
    expect(await service.status('b')).toMatchObject({ setUp: true, session: null });
    expect((await service.signIn('b', { accountId: session.accountId, password: ADMIN_PW })).status).toBe('ok');
    await service.lock('a', 'shortcut');
    expect(service.dataKey('a')).toBeNull();
    expect(service.dataKey('b')).toHaveLength(32);
    await service.lockAll('os_lock');
    expect(service.dataKey('b')).toBeNull();
  });
});
