import { expect, test as base, type Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from '../bridge/server';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';
import { ADMIN, signInAsAdmin } from './support/sign-in';

const WORKER = { name: 'Асанова Айгуль Маратовна', position: 'Атташе', password: 'violet tundra kettle 42' };
const RESET_PASSWORD = 'amber falcon river 19';
const NEW_PASSWORD = 'granite walrus orbit 77';

async function signOut(page: Page): Promise<void> {
  await page.locator('.account-bar').getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в программу' })).toBeVisible({ timeout: 15_000 });
}

async function signInAs(page: Page, label: string, password: string): Promise<void> {
  await page.getByLabel('Сотрудник').selectOption({ label });
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

// Accounts live in the bridge's data folder: this spec runs its own, so the staff it adds do not leak into others.
base.describe('accounts and roles', () => {
  let bridge: Bridge;
  base.beforeAll(async () => {
    bridge = await startBridge({ dataDir: await mkdtemp(path.join(tmpdir(), 'aryz-accounts-')) });
  });
  base.afterAll(async () => bridge.close());

  base('the administrator adds a caseworker, who signs in, sees no administrator screens, opens a case; the log shows who did what', async ({ page }) => {
    // Several key derivations (scrypt) per sign-in and password change.
    base.setTimeout(180_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(bridge.url);
    await signInAsAdmin(page);
    await saveSettings(page);
    const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Жолдошев', 'Мирлан', ''], nameRu: ['Жолдошев', 'Мирлан', ''], nameLat: ['ZHOLDOSHEV', 'MIRLAN', ''] })]);

    // The administrator adds the caseworker from the accounts screen (settings → «Учётные записи»).
    await openRoute(page, '/settings');
    await page.getByRole('link', { name: 'Открыть учётные записи' }).click();
    await expect(page.getByRole('heading', { name: 'Сотрудники' })).toBeVisible();
    await page.getByLabel('Ф.И.О. сотрудника').fill(WORKER.name);
    await page.getByLabel('Должность сотрудника').fill(WORKER.position);
    await page.getByLabel('Начальный пароль', { exact: true }).fill('qwerty12345');
    await expect(page.getByText(/Пароль слишком простой/)).toBeVisible();
    await page.getByLabel('Начальный пароль', { exact: true }).fill(WORKER.password);
    await page.getByLabel('Повторите начальный пароль').fill(WORKER.password);
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await expect(page.getByText(`Сотрудник «${WORKER.name}» добавлен.`)).toBeVisible({ timeout: 15_000 });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: WORKER.name }) });
    await expect(row.getByRole('combobox')).toHaveValue('caseworker');
    await expect(row.getByRole('cell', { name: 'активна' })).toBeVisible();
    await expectAccessible(page, 'accounts screen (administrator)');
    // The last administrator cannot demote themself.
    const adminRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(ADMIN.name) }) });
    await adminRow.getByRole('combobox').selectOption('caseworker');
    await expect(page.getByRole('alert')).toHaveText('Нельзя отключить или понизить последнего администратора.');

    // The caseworker signs in in the same window (the same database).
    await signOut(page);
    await signInAs(page, `${WORKER.name} — ${WORKER.position}`, WORKER.password);
    await expect(page.locator('.account-bar')).toContainText(`${WORKER.name} (сотрудник)`, { timeout: 15_000 });
    // No administrator screens: not in the navigation, not among the settings, refused by address, refused by main.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Шаблоны' })).toHaveCount(0);
    await openRoute(page, '/settings');
    await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Открыть учётные записи' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Резервные копии' })).toHaveCount(0);
    await expect(page.locator('a[href="#/settings/reference"], a[href="#/settings/templates"], a[href="#/settings/backup"]')).toHaveCount(0);
    for (const route of ['/settings/backup', '/settings/reference', '/settings/templates', '/transfer']) {
      await openRoute(page, route);
      await expect(page.getByRole('alert')).toHaveText('Этот раздел доступен только администратору.');
    }
    const refused = await page.evaluate(async () => {
      const api = (window as unknown as { aryz: { setIdleMinutes(r: unknown): Promise<unknown>; addAccount(r: unknown): Promise<unknown> } }).aryz;
      return [await api.setIdleMinutes({ minutes: 120 }), await api.addAccount({ name: 'Чужой', position: '', role: 'admin', password: 'violet tundra kettle 42' })];
    });
    expect(refused).toEqual([
      { ok: false, error: { code: 'NOT_PERMITTED' } },
      { ok: false, error: { code: 'NOT_PERMITTED' } },
    ]);
    // Their accounts screen offers only «change my password».
    await openRoute(page, '/settings/accounts');
    await expect(page.getByRole('heading', { name: 'Сменить мой пароль' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Сотрудники' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Журнал действий' })).toHaveCount(0);
    await expectAccessible(page, 'accounts screen (caseworker)');
    // They open the case.
    await openRoute(page, `/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: /^Дело КР-М-\d{2}-\d{5}$/ })).toBeVisible();
    const caseNumber = (await page.getByRole('heading', { name: /^Дело КР-М-\d{2}-\d{5}$/ }).textContent())!.replace('Дело ', '');

    // The administrator resets the caseworker's password; the next sign-in must replace it.
    await signOut(page);
    await signInAsAdmin(page);
    await openRoute(page, '/settings/accounts');
    const workerRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: WORKER.name }) });
    await workerRow.getByRole('button', { name: 'Сбросить пароль' }).click();
    await page.getByLabel('Временный пароль').fill(RESET_PASSWORD);
    await page.getByRole('button', { name: 'Сбросить', exact: true }).click();
    await expect(page.getByText(`Пароль сотрудника «${WORKER.name}» сброшен.`, { exact: false })).toBeVisible({ timeout: 15_000 });
    await expect(workerRow.getByRole('cell', { name: 'должен сменить пароль' })).toBeVisible();

    // The log shows who did what, newest first.
    const log = page.getByRole('table', { name: 'Журнал действий' });
    await expect(log).toBeVisible();
    // (The administrator, signed in again on the case's address, opened it too.)
    const opened = log.getByRole('row').filter({ hasText: 'открытие дела' }).filter({ hasText: WORKER.name });
    await expect(opened).toHaveCount(1);
    await expect(opened).toContainText(caseNumber);
    await expect(log.getByRole('row').filter({ hasText: 'добавление сотрудника' })).toContainText(ADMIN.name);
    await expect(log.getByRole('row').filter({ hasText: 'вход' }).filter({ hasText: WORKER.name })).toHaveCount(1);

    await signOut(page);
    await signInAs(page, `${WORKER.name} — ${WORKER.position}`, RESET_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Смените пароль' })).toBeVisible({ timeout: 15_000 });
    await page.getByLabel('Текущий пароль').fill(RESET_PASSWORD);
    await page.getByLabel('Новый пароль', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Повторите новый пароль').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.locator('.account-bar')).toContainText(WORKER.name, { timeout: 15_000 });
    await expect(page.locator('#main')).toBeAttached();
    expect(problems).toEqual([]);
  });
});
