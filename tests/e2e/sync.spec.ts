import { expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { startBridge, type Bridge } from '../bridge/server';
import { createSyncClient, enrollPc } from '../../electron/main/sync/client';
import { startSyncServer, type RunningSyncServer } from '../../electron/sync-server/server';
import { SyncStore } from '../../electron/sync-server/store';
import { createServerCertificate, type ServerCertificate } from '../../electron/sync-server/tls';
import { intake } from '../fixtures/intakes';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../unit/support/postgres';
import { addRequestsInPage, createCasesInPage, updateRequestInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';
import { signInAsAdmin } from './support/sign-in';
import { expectAccessible } from './support/axe';

const binaries = postgresBinaries();

test.describe('mission sync', () => {
  test.skip('missing' in binaries, `no PostgreSQL: ${'missing' in binaries ? binaries.missing : ''}`);
  // Joining changes main's state for every window of a bridge (one PC): this spec runs its own bridge, so the other
  // browser tests' pages never sync with its server.
  test.describe.configure({ mode: 'serial' });

  let pg: ThrowawayPostgres;
  let pool: Pool;
  let store: SyncStore;
  let server: RunningSyncServer;
  let certificate: ServerCertificate;
  let bridge: Bridge;

  test.beforeAll(async () => {
    if ('missing' in binaries) return;
    bridge = await startBridge({ dataDir: await mkdtemp(path.join(tmpdir(), 'aryz-sync-e2e-')) });
    pg = await startThrowawayPostgres(binaries.dir);
    pool = new Pool({ host: '127.0.0.1', port: pg.port, user: 'aryz', database: 'postgres' });
    store = new SyncStore(pool);
    await store.migrate();
    certificate = await createServerCertificate('Aryz e2e mission', ['127.0.0.1']);
    server = await startSyncServer({ store, cert: certificate.cert, key: certificate.key, host: '127.0.0.1', port: 0 });
  });

  test.afterAll(async () => {
    await bridge?.close();
    await server?.close();
    await pool?.end();
    pg?.stop();
  });

  async function serverDoc(collection: string, id: string): Promise<Record<string, unknown> | null> {
    const found = await pool.query<{ doc: Record<string, unknown> }>('SELECT doc FROM sync_docs WHERE collection = $1 AND id = $2', [collection, id]);
    return found.rows[0]?.doc ?? null;
  }

  test('an administrator joins the PC, its edits reach the server, and a same-field conflict is resolved in the view', async ({ page }) => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(bridge.url);
    await signInAsAdmin(page);
    await saveSettings(page);
    const [caseId] = await createCasesInPage(page, [intake({ nameKy: ['Сыдыков', 'Марат', ''], nameRu: ['Сыдыков', 'Марат', ''], nameLat: ['SYDYKOV', 'MARAT', ''], number: '5550001' })]);
    const [requestId] = await addRequestsInPage(page, caseId!, [{ kind: 'mission_letter', addressee: 'ГУ МВД России по г. Москве', ourNumber: 'КР-М/1', sentAt: '2026-10-01', note: '' }]);

    // The IT officer joins this PC: address and the fingerprint the server's init printed; a wrong one is refused.
    await openRoute(page, '/settings/sync');
    await expect(page.getByText('Этот компьютер не подключён к серверу миссии.')).toBeVisible();
    await expectAccessible(page, 'sync settings, not joined');
    const other = await createServerCertificate('not the mission', ['127.0.0.1']);
    await page.getByLabel('Адрес сервера (адрес:порт)').fill(`127.0.0.1:${server.port}`);
    await page.getByLabel('Отпечаток сертификата сервера').fill(other.fingerprint256);
    await page.getByRole('button', { name: 'Подключиться' }).click();
    await expect(page.getByText('Сертификат сервера не совпадает с введённым отпечатком. Подключение отклонено.')).toBeVisible();
    await page.getByLabel('Отпечаток сертификата сервера').fill(certificate.fingerprint256);
    await page.getByRole('button', { name: 'Подключиться' }).click();
    try {
      const pcId = (await page.getByTestId('sync-pc-id').textContent())!.trim();
      expect(pcId).toMatch(/^pc-[0-9a-f]{24}$/);
      await expect(page.getByTestId('sync-indicator')).toContainText('Ожидает одобрения');

      // The officer approves it on the server; the screen notices on its next poll.
      expect(await store.approve(pcId, 30)).toBe(true);
      await expect(page.getByText('Компьютер подключён к серверу миссии.')).toBeVisible({ timeout: 15_000 });

      // What this PC holds reaches the server, sealed as stored.
      await expect.poll(() => serverDoc('cases', caseId!), { timeout: 30_000 }).not.toBeNull();
      await expect.poll(async () => (await serverDoc('requests', requestId!))?.ourNumber, { timeout: 30_000 }).toBe('КР-М/1');
      expect(JSON.stringify(await serverDoc('persons', (await serverDoc('cases', caseId!))!.personId as string))).not.toContain('Сыдыков');
      await expect(page.getByTestId('sync-indicator')).toContainText('Синхронизировано', { timeout: 30_000 });

      // Another PC of the mission records the answer's number on the request on the server…
      const enrolled = await enrollPc({ url: `https://127.0.0.1:${server.port}`, certPem: certificate.cert, fingerprint256: certificate.fingerprint256 }, 'pc-e2e-other-0001', 'другой');
      await store.approve('pc-e2e-other-0001', 30);
      const otherPc = createSyncClient({ url: `https://127.0.0.1:${server.port}`, certPem: certificate.cert, fingerprint256: certificate.fingerprint256 }, { pcId: 'pc-e2e-other-0001', secret: enrolled.secret });
      const current = (await serverDoc('requests', requestId!))!;
      await server.close();
      // …while this PC, cut off from the server, changes the same field. (A reload first: the test's own database
      // connection must open after joining to stamp its writes, as the app's connection does.)
      await page.reload();
      await expect(page.getByTestId('sync-indicator')).toContainText('Нет связи с', { timeout: 30_000 });
      await updateRequestInPage(page, requestId!, { theirNumber: '77/2-здесь' });
      server = await startSyncServer({ store, cert: certificate.cert, key: certificate.key, host: '127.0.0.1', port: server.port });
      const rev = Number.parseInt(String(current._rev), 10) + 1;
      expect(await otherPc.push('requests', [{ newDocumentState: { ...current, id: requestId!, _deleted: false, theirNumber: '77/2-сервер', _rev: `${rev}-pc-e2e-other-0001` }, assumedMasterState: current as never }])).toEqual([]);
      otherPc.close();

      // A new start of the app pushes the local edit; the server has another value: a conflict, nothing lost.
      await page.reload();
      await expect(page.getByTestId('sync-indicator')).toContainText('Конфликтов: 1', { timeout: 45_000 });
      await page.getByTestId('sync-indicator').focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Конфликты синхронизации' })).toBeVisible();
      const conflict = page.getByTestId('sync-conflict');
      await expect(conflict.getByTestId('sync-mine')).toHaveText('77/2-здесь');
      await expect(conflict.getByTestId('sync-theirs')).toHaveText('77/2-сервер');
      await expectAccessible(page, 'sync conflicts');
      await conflict.getByRole('button', { name: 'Оставить значение этого компьютера' }).click();
      await expect(page.getByText('Конфликтов нет.')).toBeVisible();

      // The value kept travels to the server and so to every PC.
      await expect.poll(async () => (await serverDoc('requests', requestId!))?.theirNumber, { timeout: 30_000 }).toBe('77/2-здесь');
    } finally {
      // Leave the mission, so the other browser tests (one bridge, one data folder) run without a server.
      await openRoute(page, '/settings/sync');
      await page.getByRole('button', { name: 'Отключиться от сервера' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Отключиться от сервера' }).click();
      await expect(page.getByText('Компьютер отключён от сервера миссии.')).toBeVisible();
    }
    expect(problems, 'no page errors or console errors').toEqual([]);
  });
});
