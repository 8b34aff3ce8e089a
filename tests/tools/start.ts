import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBridge } from '../bridge/server';
import { chromiumPath } from '../e2e/support/browser';
import { ensureElectronBinary } from './electron-binary';
import { appPort, BROWSER_PROFILE, browserDataDir } from './page-tools';

/** Quiet on a closed network, and the profile `npm run seed` fills, so seeded cases are there. */
function chromiumArgs(url: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${BROWSER_PROFILE}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/**
 * `npm start`: the desktop app where Electron can run; otherwise the same renderer and main-process
 * handlers in browser mode on 127.0.0.1, on a fixed port so the page origin (and its IndexedDB) stays the same.
 */
async function main(): Promise<void> {
  const forceBrowser = process.env.ARYZ_BROWSER === '1';
  const { binary, reason } = forceBrowser ? { binary: null, reason: 'browser mode was asked for with ARYZ_BROWSER=1' } : ensureElectronBinary();
  if (binary) {
    const child = spawn(binary, [path.resolve(__dirname, '../..')], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const port = appPort();
  console.log(`Electron cannot start here: ${reason}. Starting browser mode instead.`);
  // One data folder, kept across restarts (documents, scans, backups, logs), beside the profile holding the cases.
  const dataDir = browserDataDir();
  mkdirSync(dataDir, { recursive: true });
  const bridge = await startBridge({
    port,
    token: process.env.ARYZ_TOKEN,
    dataDir,
    log: (line) => console.error(line),
  });
  console.log(`Data folder: ${dataDir}`);
  console.log(`Aryz (browser mode) is running. Open: ${bridge.url}`);
  const browser = chromiumPath();
  if (browser && process.env.DISPLAY) {
    mkdirSync(BROWSER_PROFILE, { recursive: true });
    const window = spawn(browser, chromiumArgs(bridge.url), { stdio: 'ignore', detached: true });
    window.on('error', (error) => console.error(`Could not open Chromium: ${error.message}`));
    window.unref();
    console.log(`Opened it in Chromium (profile ${BROWSER_PROFILE}).`);
  } else {
    console.log(`To open it as an app window with the seeded profile, run:\n  ${[browser ?? 'chromium', ...chromiumArgs(bridge.url)].map(shellQuote).join(' ')}`);
  }
  console.log('Press Ctrl+C to stop.');
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
