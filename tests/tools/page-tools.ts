import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { pageScript } from './page-script';
import type { PageTools } from './page/seed-entry';

export const ROOT = path.resolve(__dirname, '../..');
/** Browser mode's own folder (`.aryz/` in the repository; ARYZ_HOME moves it, e.g. for a test). */
export const ARYZ_HOME = process.env.ARYZ_HOME ? path.resolve(process.env.ARYZ_HOME) : path.join(ROOT, '.aryz');
/** The Chromium profile browser mode uses: `npm run seed` fills it, `npm start` opens it. */
export const BROWSER_PROFILE = path.join(ARYZ_HOME, 'browser-profile');
/**
 * Browser mode's data folder (documents, scans, backups, logs), beside the profile that holds its database, so
 * both survive a restart together. ARYZ_DATA_DIR points elsewhere.
 */
export const browserDataDir = (env: NodeJS.ProcessEnv = process.env) => (env.ARYZ_DATA_DIR ? path.resolve(env.ARYZ_DATA_DIR) : path.join(ARYZ_HOME, 'data'));
export const DEFAULT_PORT = 5183;

export const appPort = () => Number(process.env.ARYZ_PORT ?? DEFAULT_PORT);

const builtRenderer = () => {
  const dir = path.join(ROOT, 'out/renderer');
  const assets = path.join(dir, 'assets');
  return existsSync(path.join(dir, 'index.html')) && existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js')) ? dir : null;
};

/**
 * Builds the app (about a second) and returns a private copy of the renderer to serve: out/ is shared
 * with every other build and test run on the machine, and a build elsewhere empties it for a while.
 * A failed build is fatal only when there is no earlier build to use.
 */
export function buildApp(log: (line: string) => void): string {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    if (!builtRenderer()) throw new Error(`The app does not build:\n${output}`);
    log(`warning: the app does not build right now, using the previous build in out/:\n${output}`);
  }
  const source = builtRenderer();
  if (!source) throw new Error('out/renderer is incomplete (another build running?); try again');
  const copy = mkdtempSync(path.join(tmpdir(), 'aryz-renderer-'));
  cpSync(source, copy, { recursive: true });
  if (!existsSync(path.join(copy, 'index.html'))) throw new Error('out/renderer changed while it was copied (another build running?); try again');
  return copy;
}

/** The page-side tools as one classic script (an IIFE that sets window.__aryzTools). */
export function pageToolsSource(): Promise<string> {
  return pageScript(path.join(__dirname, 'page/seed-entry.ts'));
}

type ToolsWindow = Window & { __aryzTools: PageTools };

/** Evaluates the tools in the page (CDP evaluation is not subject to the page's CSP). */
export async function installPageTools(page: Page, source: string): Promise<void> {
  await page.evaluate(source);
  if (!(await page.evaluate(() => typeof (window as unknown as Partial<ToolsWindow>).__aryzTools === 'object'))) {
    throw new Error('page tools did not install');
  }
}

/** An error thrown in the page, without Playwright's prefix and the page's stack. */
export function pageErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^page\.evaluate: (?:\w*Error: )?/, '').split('\n    at ')[0]!.trim();
}

/** Seeds `count` cases in the page, calling `progress` after every committed chunk. */
export async function seedInPage(page: Page, count: number, seed: number, progress: (done: number, total: number, ms: number) => void) {
  const name = `__aryzSeedProgress${Date.now()}`;
  await page.exposeFunction(name, progress);
  try {
    return await page.evaluate(([c, s, n]) => (window as unknown as ToolsWindow).__aryzTools.seed(c, s, n), [count, seed, name] as const);
  } catch (error) {
    throw new Error(pageErrorMessage(error));
  }
}

export function searchTimingsInPage(page: Page, queries: string[]) {
  return page.evaluate((q) => (window as unknown as ToolsWindow).__aryzTools.bench(q), queries);
}

export function searchIndexInPage(page: Page) {
  return page.evaluate(() => (window as unknown as ToolsWindow).__aryzTools.searchIndex());
}

export function scanTimingsInPage(page: Page, queries: string[]) {
  return page.evaluate((q) => (window as unknown as ToolsWindow).__aryzTools.scan(q), queries);
}

/** `--name value` and `--name=value` arguments. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !known.includes(m[1]!)) throw new Error(`Unknown argument ${arg}; expected ${known.map((k) => `--${k}`).join(', ')}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out.set(m[1]!, value);
  }
  return out;
}

export function positiveInt(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return n;
}
