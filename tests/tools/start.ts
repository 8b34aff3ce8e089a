import { spawn } from 'node:child_process';
import path from 'node:path';
import { startBridge } from '../bridge/server';
import { ensureElectronBinary } from './electron-binary';

/**
 * `npm start`: the desktop app where Electron can run; otherwise the same renderer and main-process
 * handlers in browser mode on 127.0.0.1, on a fixed port so the page origin (and its IndexedDB) stays the same.
 */
async function main(): Promise<void> {
  const forceBrowser = process.env.ARYZ_BROWSER === '1';
  const { binary, reason } = forceBrowser ? { binary: null, reason: 'ARYZ_BROWSER=1' } : ensureElectronBinary();
  if (binary) {
    const child = spawn(binary, [path.resolve(__dirname, '../..')], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const port = Number(process.env.ARYZ_PORT ?? 5183);
  console.log(`Electron cannot be launched here (${reason}); starting browser mode instead.`);
  const bridge = await startBridge({
    port,
    token: process.env.ARYZ_TOKEN,
    dataDir: process.env.ARYZ_DATA_DIR,
    log: (line) => console.error(line),
  });
  console.log(`Aryz (browser mode) is running. Open: ${bridge.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
