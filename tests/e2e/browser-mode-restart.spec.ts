import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { signInAsAdmin } from './support/sign-in';
import { factoryTemplate, fixtureInputs, payloadInputs } from '../unit/support/document-fixtures';

const ROOT = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`'s browser mode as a caseworker runs it: no ARYZ_DATA_DIR, its own folder (ARYZ_HOME), no display. */
async function startBrowserMode(home: string, port: number): Promise<{ child: ChildProcess; url: string; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ARYZ_BROWSER: '1', ARYZ_HOME: home, ARYZ_PORT: String(port), DISPLAY: '' };
  delete env.ARYZ_DATA_DIR;
  delete env.ARYZ_TOKEN;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/tools/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${output}`)));
  });
  return { child, url, output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test('browser mode keeps its documents, scans and backups across a restart, in one folder it names', async () => {
  test.setTimeout(180_000);
  const home = mkdtempSync(path.join(tmpdir(), 'aryz-home-'));
  const port = await freePort();
  const profile = path.join(home, 'browser-profile');
  const launch = chromiumLaunchOptions();
  try {
    const first = await startBrowserMode(home, port);
    const dataDir = path.join(home, 'data');
    expect(first.output).toContain(`Data folder: ${dataDir}`);
    expect(first.output).toContain('Electron cannot start here: browser mode was asked for with ARYZ_BROWSER=1.');
    let context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, headless: true });
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(first.url);
    // A new data folder: the first start creates the administrator; after the restart the same account signs in.
    await signInAsAdmin(page);
    await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
    const letter = { caseId: 'case-restart', documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) };
    const made = await page.evaluate(async (request) => {
      const api = window.aryz!;
      const document = await api.generateDocument(request as Parameters<typeof api.generateDocument>[0]);
      const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF';
      const scan = await api.addAttachment({ name: 'скан.pdf', dataBase64: btoa(pdf) });
      await api.setBackupPassphrase({ passphrase: 'Тёплый ветер над Иссык-Кулем' });
      const begun = await api.beginBackup({ reason: 'manual', schemaVersion: 3, counts: { cases: 0 } });
      if (!begun.ok || begun.value.status !== 'started') throw new Error(JSON.stringify(begun));
      await api.appendBackup({ session: begun.value.session, seq: 0, data: btoa('{}') });
      const backup = await api.finishBackup({ session: begun.value.session });
      return { scan, backup, document };
    }, letter);
    expect(made.document).toMatchObject({ ok: true, value: { status: 'generated', relPath: 'case-restart/doc-1.pdf' } });
    expect(made.scan).toMatchObject({ ok: true, value: { status: 'stored' } });
    expect(made.backup).toMatchObject({ ok: true, value: { status: 'done' } });
    const sha = (made.scan as { value: { sha256: string } }).value.sha256;
    await context.close();
    await stop(first.child);

    // Restart on the same folder and profile: everything is still there.
    const second = await startBrowserMode(home, port);
    expect(second.output).toContain(`Data folder: ${dataDir}`);
    context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, headless: true });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(second.url);
    await signInAsAdmin(page);
    await expect(page.getByRole('heading', { name: 'Рабочая очередь', level: 1 })).toBeVisible();
    const found = await page.evaluate(async (hash) => {
      const api = window.aryz!;
      const scan = await api.readAttachment({ sha256: hash });
      const status = await api.getBackupStatus({});
      const document = await api.openDocument({ relPath: 'case-restart/doc-1.pdf' });
      return { scan: scan.ok ? scan.value.status : 'error', lastBackup: status.ok ? status.value.lastBackup?.fileName ?? null : null, document };
    }, sha);
    expect(found.scan).toBe('ok');
    expect(found.document).toEqual({ ok: true, value: { status: 'opened' } });
    expect(found.lastBackup).toMatch(/\.aryzbak$/);
    expect(readdirSync(path.join(dataDir, 'backups'))).toContain(found.lastBackup);
    expect(existsSync(path.join(dataDir, 'logs', 'aryz.log'))).toBe(true);
    await context.close();
    await stop(second.child);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
