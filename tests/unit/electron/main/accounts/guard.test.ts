import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_CHANNELS, guardHandlers, OPEN_CHANNELS } from '../../../../../electron/main/accounts/guard';
import { setAccountKdfForTests } from '../../../../../electron/main/accounts/key-wrap';
import { AccountService } from '../../../../../electron/main/accounts/store';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher, type CallContext } from '../../../../../electron/main/ipc/dispatch';
import { validExamples } from '../../../support/fuzz-examples';
import { testMainDeps } from '../../../support/main-deps';

setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });

const ctx: CallContext = {
  saveFile: async ({ defaultName }) => ({ status: 'canceled', fileName: defaultName }),
  pickFiles: async () => null,
  pickFolder: async () => null,
  openPath: async () => undefined,
};

describe('main refuses personal-data channels without an unlocked session', () => {
  it('answers LOCKED before sign-in and after lock, NOT_PERMITTED for a caseworker on admin channels', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-guard-'));
    const accounts = new AccountService(dataDir);
    const dispatch = createDispatcher(guardHandlers(createHandlers(testMainDeps(dataDir, { accounts })), accounts));
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toEqual({ ok: false, error: { code: 'LOCKED' } });
    expect((await dispatch('app:info', {}, ctx)).ok).toBe(true);
    const setup = await dispatch('accounts:setup', { name: 'Админ', position: 'Консул', password: 'correct horse battery staple' }, ctx);
    expect(setup).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toMatchObject({ ok: true });
    await dispatch('accounts:add', { name: 'Сотрудник', position: '', role: 'caseworker', password: 'violet tundra kettle 42' }, ctx);
    await dispatch('accounts:lock', { reason: 'shortcut' }, ctx);
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toEqual({ ok: false, error: { code: 'LOCKED' } });
    await dispatch('accounts:signOut', {}, ctx);
    const status = await dispatch('accounts:status', {}, ctx);
    const worker = (status as { value: { accounts: { id: string; role: string }[] } }).value.accounts.find((a) => a.role === 'caseworker')!;
    await dispatch('accounts:signIn', { accountId: worker.id, password: 'violet tundra kettle 42' }, ctx);
    expect(await dispatch('backup:restoreCancel', { restore: 'a'.repeat(24) }, ctx)).toEqual({ ok: false, error: { code: 'NOT_PERMITTED' } });
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toMatchObject({ ok: true });
  });

  it('refuses a caseworker every administrative channel, and a reset password every channel but the change', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-guard-'));
    const accounts = new AccountService(dataDir);
    const dispatch = createDispatcher(guardHandlers(createHandlers(testMainDeps(dataDir, { accounts })), accounts));
    await dispatch('accounts:setup', { name: 'Админ', position: 'Консул', password: 'correct horse battery staple' }, ctx);
    const added = (await dispatch('accounts:add', { name: 'Сотрудник', position: '', role: 'caseworker', password: 'violet tundra kettle 42' }, ctx)) as { value: { account: { id: string } } };
    await dispatch('accounts:signOut', {}, ctx);
    await dispatch('accounts:signIn', { accountId: added.value.account.id, password: 'violet tundra kettle 42' }, ctx);
    const examples = await validExamples();
    for (const channel of ADMIN_CHANNELS) {
      const example = examples[channel][0] as unknown;
      expect(await dispatch(channel, example, ctx), channel).toEqual({ ok: false, error: { code: 'NOT_PERMITTED' } });
    }
    // The administrator resets the caseworker's password: the next sign-in may only change it.
    await dispatch('accounts:signOut', {}, ctx);
    const status = (await dispatch('accounts:status', {}, ctx)) as { value: { accounts: { id: string; role: string }[] } };
    const admin = status.value.accounts.find((a) => a.role === 'admin')!;
    await dispatch('accounts:signIn', { accountId: admin.id, password: 'correct horse battery staple' }, ctx);
    expect(await dispatch('accounts:resetPassword', { accountId: added.value.account.id, password: 'amber falcon river 19' }, ctx)).toEqual({ ok: true, value: { status: 'ok' } });
    await dispatch('accounts:signOut', {}, ctx);
    await dispatch('accounts:signIn', { accountId: added.value.account.id, password: 'amber falcon river 19' }, ctx);
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toEqual({ ok: false, error: { code: 'LOCKED' } });
    expect(await dispatch('accounts:changePassword', { current: 'amber falcon river 19', next: 'granite walrus orbit 77' }, ctx)).toEqual({ ok: true, value: { status: 'ok' } });
    expect(await dispatch('attachments:read', { sha256: '0'.repeat(64) }, ctx)).toMatchObject({ ok: true });
  });

  it('lists no channel as both open and administrative', () => {
    for (const channel of ADMIN_CHANNELS) expect(OPEN_CHANNELS.has(channel)).toBe(false);
  });
});
