import { signInForTools } from './sign-in';
import { mkdirSync, rmSync } from 'node:fs';
import { _electron as electron, chromium, type Page } from '@playwright/test';
import { startBridge } from '../bridge/server';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { ensureElectronBinary } from './electron-binary';
import { appPort, BROWSER_PROFILE, buildApp, DEFAULT_PORT, installPageTools, pageToolsSource, parseArgs, positiveInt, ROOT, seedInPage } from './page-tools';

/**
 * `npm run seed -- --cases N [--seed S] [--target browser|desktop]`: fills the app's own database with N
 * synthetic cases (shared/seed/generate.ts), written by the app's code inside the app's page. The same
 * seed always gives the same cases.
 */

const USAGE = 'usage: npm run seed -- --cases N [--seed S] [--target browser|desktop]';

async function seedPage(page: Page, count: number, seed: number): Promise<void> {
  await installPageTools(page, await pageToolsSource());
  const started = Date.now();
  const report = await seedInPage(page, count, seed, (done, total, ms) => {
    console.log(`  ${String(done).padStart(String(total).length)} / ${total} cases  ${String(Math.round((done / total) * 100)).padStart(3)} %  ${(ms / 1000).toFixed(1)} s`);
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Seeded ${report.created} cases (${report.firstNumber ?? '—'} … ${report.lastNumber ?? '—'}) with seed ${seed} in ${seconds} s.`);
}

async function seedBrowser(count: number, seed: number): Promise<void> {
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM).');
  const port = appPort();
  const rendererDir = buildApp((line) => console.error(line));
  try {
    const bridge = await startBridge({ port, rendererDir, dataDir: process.env.ARYZ_DATA_DIR, log: (line) => console.error(line) }).catch((error: unknown) => {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      throw new Error(busy ? `Port ${port} is in use: stop \`npm start\` first (the data belongs to the page origin, so seed and start share the port; ARYZ_PORT changes it for both).` : String(error));
    });
    try {
      mkdirSync(BROWSER_PROFILE, { recursive: true });
      const context = await chromium.launchPersistentContext(BROWSER_PROFILE, { executablePath: launch.executablePath, args: launch.args, headless: true }).catch((error: unknown) => {
        const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw new Error(`Chromium could not open the profile ${BROWSER_PROFILE} (close the Aryz window of \`npm start\` first): ${first}`);
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(bridge.url);
        await signInForTools(page);
        // Off the case list, whose live counts would otherwise re-run after every chunk written.
        await page.goto(`${bridge.origin}/#/settings`);
        console.log(`Seeding ${count} cases into browser mode (${bridge.origin}, profile ${BROWSER_PROFILE}) …`);
        await seedPage(page, count, seed);
      } finally {
        await context.close();
      }
      console.log(`Open them with \`npm start\` (browser mode on port ${port}, same profile)${port === DEFAULT_PORT ? '' : ` and ARYZ_PORT=${port}`}.`);
    } finally {
      await bridge.close();
    }
  } finally {
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

async function seedDesktop(count: number, seed: number): Promise<void> {
  const { binary, reason } = ensureElectronBinary();
  if (!binary) {
    console.error(`Cannot seed the desktop app: the Electron binary is missing and cannot be installed here (${reason}); use --target browser.`);
    process.exit(1);
  }
  rmSync(buildApp((line) => console.error(line)), { recursive: true, force: true });
  // Electron's own user-data folder (~/.config/Aryz, %APPDATA%\Aryz): the database the desktop app opens.
  const app = await electron.launch({ executablePath: binary, args: [ROOT] });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    console.log(`Seeding ${count} cases into the desktop app's data folder …`);
    await seedPage(page, count, seed);
  } finally {
    await app.close();
  }
  console.log('Open them with `npm start`.');
}

async function main(): Promise<void> {
  let args: Map<string, string>;
  let count: number;
  let seed: number;
  try {
    args = parseArgs(process.argv.slice(2), ['cases', 'seed', 'target']);
    count = positiveInt(args.get('cases'), 'cases');
    seed = positiveInt(args.get('seed'), 'seed', 1);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const target = args.get('target') ?? 'browser';
  if (target === 'browser') await seedBrowser(count, seed);
  else if (target === 'desktop') await seedDesktop(count, seed);
  else {
    console.error(`--target must be browser or desktop, got ${target}\n${USAGE}`);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
