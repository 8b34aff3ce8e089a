import { expect, test as base } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from '../bridge/server';
import { test } from './support/fixtures';
import { ADMIN, signInAsAdmin } from './support/sign-in';
import { openRoute } from './support/setup';

// The first start needs a data folder with no accounts: this spec runs its own bridge.
base.describe('first start on a fresh data folder', () => {
  let bridge: Bridge;
  base.beforeAll(async () => {
    bridge = await startBridge({ dataDir: await mkdtemp(path.join(tmpdir(), 'aryz-access-')) });
  });
  base.afterAll(async () => bridge.close());

  base('creates the administrator, shows the recovery key once, then signs in with delays after failures', async ({ page, browser }) => {
    // Key derivations (scrypt) and a real 5-second lockout wait.
    base.setTimeout(120_000);
    await page.goto(bridge.url);
    await expect(page.getByRole('heading', { name: 'Первый запуск: учётная запись администратора' })).toBeVisible();
    await page.getByLabel('Ф.И.О. администратора').fill(ADMIN.name);
    await page.getByLabel('Пароль', { exact: true }).fill('qwerty123456');
    await expect(page.getByText(/Пароль слишком простой/)).toBeVisible();
    await page.getByLabel('Повторите пароль').fill('qwerty123456');
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    await expect(page.getByRole('alert')).toContainText('Пароль слишком простой');
    await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Повторите пароль').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    await expect(page.getByRole('heading', { name: 'Ключ восстановления' })).toBeVisible();
    const recoveryKey = (await page.locator('.recovery-key__value code').textContent())!;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const accountsFile = await readFile(path.join(bridge.dataDir, 'accounts.json'), 'utf8');
    expect(accountsFile).not.toContain(recoveryKey);
    expect(accountsFile).not.toContain(ADMIN.password);
    await expect(page.getByRole('button', { name: 'Продолжить' })).toBeDisabled();
    await page.getByLabel('Я сохранил(а) ключ восстановления в надёжном месте').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
    await expect(page.getByText(`${ADMIN.name} (администратор)`)).toBeVisible();

    // Another window (browser context) starts signed out and waits longer after each wrong password.
    const other = await (await browser.newContext()).newPage();
    await other.goto(bridge.url);
    await expect(other.getByRole('heading', { name: 'Вход в программу' })).toBeVisible();
    for (let i = 0; i < 3; i++) {
      await other.getByLabel('Пароль', { exact: true }).fill(`wrong password ${i}`);
      await other.getByRole('button', { name: 'Войти' }).click();
      await expect(other.getByRole('alert')).toContainText('Неверный пароль.');
    }
    await expect(other.getByRole('alert')).toContainText('Повторите через 5 с.');
    await other.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
    await other.getByRole('button', { name: 'Войти' }).click();
    await expect(other.getByRole('alert')).toContainText('Слишком много неудачных попыток');
    await other.waitForTimeout(5_000);
    await other.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
    await other.getByRole('button', { name: 'Войти' }).click();
    await expect(other.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();

    // The failures and sign-ins are in the chained audit, and the check finds it intact.
    await openRoute(other, '/settings');
    await other.getByRole('button', { name: 'Проверить журнал' }).click();
    await expect(other.getByRole('status').filter({ hasText: 'Журнал цел' })).toBeVisible();
    const kinds = await other.evaluate(async () => {
      const open = indexedDB.open('aryz');
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = idb.transaction('audit').objectStore('audit').getAll();
      const rows = await new Promise<{ action: string; entity: string; hash?: string }[]>((resolve) => (all.onsuccess = () => resolve(all.result)));
      return rows.filter((r) => r.entity === 'session').map((r) => [r.action, typeof r.hash]);
    });
    // Three wrong passwords; the right one refused during the wait is not a failure.
    expect(kinds.filter(([action]) => action === 'sign_in_failed')).toHaveLength(3);
    expect(kinds.filter(([action]) => action === 'sign_in')).toHaveLength(1);
    expect(kinds.every(([, hash]) => hash === 'string')).toBe(true);
  });
});

test('the lock keeps unsaved input, needs the password, and the shortcut locks at once', async ({ app: page }) => {
  test.setTimeout(90_000);
  await openRoute(page, '/settings');
  const surname = page.getByLabel('Адрес');
  await surname.fill('Несохранённый адрес');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Программа заблокирована' })).toBeVisible();
  await expect(surname).toBeHidden();
  // While locked, main refuses personal-data channels.
  await expect.poll(() => page.evaluate(() => window.aryz!.readAttachment({ sha256: '0'.repeat(64) }))).toEqual({ ok: false, error: { code: 'LOCKED' } });
  await page.getByLabel('Пароль', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(page.getByRole('alert')).toContainText('Неверный пароль.');
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(page.getByRole('heading', { name: 'Программа заблокирована' })).toBeHidden();
  await expect(surname).toHaveValue('Несохранённый адрес');
});

test('a reload of an unlocked window resumes its session; a new window must sign in', async ({ app: page, browser }) => {
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${process.env.ARYZ_BRIDGE_ORIGIN}/?token=${process.env.ARYZ_BRIDGE_TOKEN}`);
  await expect(other.getByRole('heading', { name: 'Вход в программу' })).toBeVisible();
  await signInAsAdmin(other);
  await expect(other.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
});
