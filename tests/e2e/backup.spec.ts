import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BACKUP_KIND, BACKUP_LAYOUT_VERSION, DATABASE_PART } from '../../electron/main/backup/manifest';
import { writeSealedFile } from '../../electron/main/crypto/sealed-file';
import { intake } from '../fixtures/intakes';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';
import { addChecksInPage, addRequestsInPage, createCasesInPage } from './support/page-cases';
import { openRoute, saveSettings } from './support/setup';

// The bridge (and so main's passphrase and backup folder) is shared by the whole run: these tests go one at a time.
test.describe.configure({ mode: 'serial' });

// Strong enough for the strength check a passphrase must pass (shared/security/password-strength).
const PASSPHRASE = 'Тёплый ветер над Иссык-Кулем';
const work = mkdtempSync(path.join(tmpdir(), 'aryz-backup-spec-'));

const PEOPLE = [
  intake({ nameKy: ['Жумагулов', 'Бакыт', ''], nameRu: ['Джумагулов', 'Бакыт', ''], nameLat: ['ZHUMAGULOV', 'BAKYT', ''], pin: '21203199000123', number: '1111111' }),
  intake({ nameKy: ['Үсөнов', 'Нурлан', ''], nameRu: ['Усенов', 'Нурлан', ''], nameLat: ['USONOV', 'NURLAN', ''], number: '2222222' }),
  intake({ nameKy: ['Эшимкулова', 'Айгүл', ''], nameRu: ['Эшимкулова', 'Айгуль', ''], nameLat: ['ESHIMKULOVA', 'AIGUL', ''], number: '3333333' }),
];

type Dump = { name: string; tables: Record<string, unknown[]> };

/** Every object store of the database the app uses now, read with the plain IndexedDB API. */
function dumpDatabase(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const name = localStorage.getItem('aryz-active-db') || 'aryz';
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables: Record<string, unknown[]> = {};
    for (const store of [...idb.objectStoreNames]) {
      tables[store] = await new Promise<unknown[]>((resolve, reject) => {
        const request = idb.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    idb.close();
    return { name, tables };
  });
}

/**
 * A dump with every sealed field value (shared/crypto/at-rest.ts: `\0s1:` + nonce + ciphertext) replaced by a
 * marker: a restore writes the rows through the at-rest layer again, so each sealed value gets a fresh nonce and
 * differs byte for byte while holding the same plain value (the app reading them back is checked through the UI).
 * Keyed hashes (`\0h1:`) are deterministic and compared as they are.
 */
function sealedAsMarker(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('\u0000s1:') ? '<sealed>' : value;
  if (Array.isArray(value)) return value.map(sealedAsMarker);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sealedAsMarker(v)]));
  return value;
}

const databaseNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());

async function makeCases(page: Page): Promise<void> {
  await saveSettings(page);
  const [first, second] = await createCasesInPage(page, PEOPLE);
  await addRequestsInPage(page, first!, [{ kind: 'mission_letter', addressee: 'ГУ МВД России по г. Москве', ourNumber: 'КР-М/1', sentAt: '2026-10-01', note: '' }]);
  await addChecksInPage(page, second!, [{ at: '2026-10-02T10:00:00.000Z', channel: 'mvd_site', birthDateMode: 'full', listed: true, resultText: 'в реестре', screenshotNote: '' }]);
}

async function setPassphrase(page: Page): Promise<void> {
  await openRoute(page, '/settings/backup');
  await expect(page.getByLabel('Новый пароль')).toBeVisible();
  // The bridge is shared by the tests: once a passphrase is set, replacing it asks for the current one.
  const current = page.getByLabel('Текущий пароль');
  if (await current.isVisible()) await current.fill(PASSPHRASE);
  await page.getByLabel('Новый пароль').fill(PASSPHRASE);
  await page.getByLabel('Повторите пароль').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await expect(page.getByText('Пароль сохранён.')).toBeVisible();
}

/** Backs up through the screen and copies the file aside (later backups in the same folder rotate older ones away). */
async function backUpNow(page: Page, copyName: string): Promise<string> {
  await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
  const outcome = page.getByTestId('backup-outcome');
  await expect(outcome).toContainText('Копия создана', { timeout: 20_000 });
  const fileName = /(aryz-backup-[\d_-]+\.aryzbak)/.exec((await outcome.textContent()) ?? '')![1]!;
  const copy = path.join(work, copyName);
  copyFileSync(path.join(process.env.ARYZ_BRIDGE_DATA!, 'backups', fileName), copy);
  return copy;
}

async function pickBackup(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Выбрать файл копии…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText(`Файл: ${path.basename(file)}`)).toBeVisible();
}

async function openBackup(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Пароль этой копии').fill(passphrase);
  await page.getByRole('button', { name: 'Открыть копию' }).click();
}

test('back up, wipe the database, restore: every table comes back identical', async ({ app: page }) => {
  test.setTimeout(90_000);
  await makeCases(page);
  await setPassphrase(page);
  const file = await backUpNow(page, 'good.aryzbak');
  await expectAccessible(page, 'backup screen after a backup');
  const before = await dumpDatabase(page);
  expect(before.tables.cases).toHaveLength(3);
  expect(before.tables.persons).toHaveLength(3);
  expect(before.tables.audit!.length).toBeGreaterThanOrEqual(5);
  expect(before.tables.requests).toHaveLength(1);
  expect(before.tables.checks).toHaveLength(1);

  // Wipe: delete the app's database (Dexie closes its connection when asked to) and reload into an empty app.
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    before.name,
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Резервные копии' })).toBeVisible();
  expect((await dumpDatabase(page)).tables.cases).toEqual([]);

  await pickBackup(page, file);
  await openBackup(page, PASSPHRASE);
  await expect(page.getByRole('heading', { name: 'Содержимое копии' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'cases 3' })).toBeVisible();
  await expectAccessible(page, 'backup opened for restore');
  await page.getByRole('button', { name: 'Восстановить из этой копии' }).click();
  await expect(page.getByTestId('restore-note')).toContainText('Данные восстановлены из копии', { timeout: 30_000 });

  const after = await dumpDatabase(page);
  expect(after.name).toMatch(/^aryz-restored-\d+$/);
  before.tables = sealedAsMarker(before.tables) as Dump['tables'];
  after.tables = sealedAsMarker(after.tables) as Dump['tables'];
  expect(JSON.stringify(after.tables.persons)).toContain('<sealed>');
  expect(after.tables.cases).toEqual(before.tables.cases);
  expect(after.tables.persons).toEqual(before.tables.persons);
  // The audit as it was sealed; the backup's own row came after it (it is not in the file) and the restore adds its own.
  const backupRow = before.tables.audit!.at(-1) as { action: string; note: string };
  const restoreRow = after.tables.audit!.at(-1) as { action: string; note: string };
  // Their notes (the chain verdict) are sealed at rest; their wording is checked in tests/unit/renderer/data/backup/backup-audit.test.ts.
  expect(backupRow).toMatchObject({ action: 'backup', note: '<sealed>' });
  expect(restoreRow).toMatchObject({ action: 'restore', note: '<sealed>' });
  expect(after.tables.audit!.slice(0, -1)).toEqual(before.tables.audit!.slice(0, -1));
  expect({ ...after.tables, audit: [] }).toEqual({ ...before.tables, audit: [] });

  // The app reads the restored data.
  await openRoute(page, '/cases');
  await expect(page.getByText('Всего дел: 3')).toBeVisible();
  for (const surname of ['Джумагулов', 'Усенов', 'Эшимкулова']) await expect(page.getByText(surname).first()).toBeVisible();
});

test('a wrong passphrase, a truncated file, a flipped byte and a newer schema are refused, nothing changed', { tag: '@fault' }, async ({ app: page }) => {
  test.setTimeout(90_000);
  await makeCases(page);
  await setPassphrase(page);
  const good = await backUpNow(page, 'source.aryzbak');
  const bytes = readFileSync(good);
  const truncated = path.join(work, 'truncated.aryzbak');
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 777));
  const flipped = path.join(work, 'flipped.aryzbak');
  const damaged = Buffer.from(bytes);
  const at = Math.floor(bytes.length * 0.6);
  damaged.writeUInt8(damaged.readUInt8(at) ^ 0x20, at);
  writeFileSync(flipped, damaged);
  // A backup from a future Aryz: sealed correctly, with the right passphrase, but a schema this build lacks.
  const newer = path.join(work, 'newer.aryzbak');
  const payload = Buffer.from(`${JSON.stringify({ format: 'aryz-db', formatVersion: 1, databaseName: 'aryz', databaseVersion: 999, tables: [] })}\n`);
  const { createHash } = await import('node:crypto');
  await writeSealedFile(
    newer,
    PASSPHRASE,
    {
      kind: BACKUP_KIND,
      layout: BACKUP_LAYOUT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: '99.0.0',
      schemaVersion: 999,
      reason: 'manual',
      counts: { cases: 1 },
      parts: [{ name: DATABASE_PART, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') }],
    },
    (async function* () {
      yield payload;
    })(),
    { kdf: { N: 2 ** 12, r: 8, p: 1 } },
  );
  const notABackup = path.join(work, 'notes.aryzbak');
  writeFileSync(notABackup, 'just some text');

  const before = await dumpDatabase(page);
  const names = await databaseNames(page);
  const note = page.getByTestId('restore-note');
  const unchanged = async () => {
    expect(await dumpDatabase(page)).toEqual(before);
    expect(await databaseNames(page)).toEqual(names);
  };

  await pickBackup(page, good);
  await openBackup(page, 'не тот пароль');
  await expect(note).toHaveText('Неверный пароль. Данные не изменены.');
  await unchanged();

  // Damage deep in the file shows only when it is read: after confirming, before anything is imported.
  await pickBackup(page, truncated);
  await openBackup(page, PASSPHRASE);
  await page.getByRole('button', { name: 'Восстановить из этой копии' }).click();
  await expect(note).toHaveText('Файл копии неполный (обрезан). Данные не изменены.', { timeout: 20_000 });
  await unchanged();

  await pickBackup(page, flipped);
  await openBackup(page, PASSPHRASE);
  await page.getByRole('button', { name: 'Восстановить из этой копии' }).click();
  await expect(note).toHaveText('Файл копии повреждён или изменён. Данные не изменены.', { timeout: 20_000 });
  await unchanged();

  await pickBackup(page, newer);
  await openBackup(page, PASSPHRASE);
  await expect(note).toHaveText('Копия содержит базу более новой версии (999), чем эта программа. Обновите Aryz. Данные не изменены.');
  await expect(page.getByRole('button', { name: 'Восстановить из этой копии' })).toHaveCount(0);
  await unchanged();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Выбрать файл копии…' }).click();
  await (await chooser).setFiles(notABackup);
  await expect(note).toHaveText('Это не файл резервной копии Aryz.');
  await unchanged();
});
