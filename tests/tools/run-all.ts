import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from '../e2e/support/browser';

/**
 * `npm test`: every gate in one run — lint, typecheck, unit tests, build, packaging check, browser tests —
 * ending with one line `N passed, N failed` that counts all tests (each gate without tests of its own
 * counts as one).
 */
const root = path.resolve(__dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'aryz-test-'));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const started = Date.now();

interface Tally {
  step: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const tallies: Tally[] = [];

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function gate(step: string, command: string, args: string[]): boolean {
  const t0 = Date.now();
  console.log(`\n=== ${step}`);
  const ok = run(command, args) === 0;
  tallies.push({ step, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - t0) / 1000 });
  return ok;
}

function vitestStep(step: string, config: string): void {
  const t0 = Date.now();
  console.log(`\n=== ${step}`);
  const report = path.join(work, `${step.replace(/\W+/g, '-')}.json`);
  const code = run(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites: number };
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numFailedTests === 0 && code !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
    skipped = json.numPendingTests + json.numTodoTests;
  } else {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  tallies.push({ step, passed, failed, skipped, seconds: (Date.now() - t0) / 1000 });
}

function playwrightStep(): void {
  const t0 = Date.now();
  console.log('\n=== browser and Electron tests (Playwright)');
  const report = path.join(work, 'playwright.json');
  const code = run(bin('playwright'), ['test'], { env: { ...process.env, ARYZ_PW_JSON: report } });
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const stats = (JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } }).stats;
    passed = stats.expected;
    failed = stats.unexpected + stats.flaky;
    skipped = stats.skipped;
  }
  if (code !== 0 && failed === 0) failed = 1;
  tallies.push({ step: 'browser tests', passed, failed, skipped, seconds: (Date.now() - t0) / 1000 });
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Debian's chromium and poppler (pdftotext reads generated PDFs back); Playwright's download as a last resort. */
function ensureTools(): void {
  const missing = [!chromiumPath() && 'chromium', !hasCommand('pdftotext') && 'poppler-utils'].filter(Boolean) as string[];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (hasCommand('apt-get') && (isRoot || hasCommand('sudo'))) {
    const sudo = isRoot ? [] : ['sudo'];
    console.log(`Installing ${missing.join(', ')} from Debian packages…`);
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? ['update', '-qq'] : ['apt-get', 'update', '-qq'])]);
    run(sudo[0] ?? 'apt-get', [...(isRoot ? [] : ['apt-get']), 'install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!chromiumPath()) {
    console.log('Debian chromium unavailable; trying Playwright’s browser download…');
    run(bin('playwright'), ['install', 'chromium']);
  }
}

ensureTools();
gate('lint', bin('eslint'), ['.']);
// The two halves of `npm run typecheck`, as separate gates so that a failure names its side.
gate('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
gate('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
vitestStep('unit tests', 'vitest.config.mts');
if (gate('build', bin('electron-vite'), ['build'])) {
  vitestStep('packaging check', 'vitest.package.config.mts');
  playwrightStep();
} else {
  tallies.push({ step: 'packaging check and browser tests (not run: build failed)', passed: 0, failed: 1, skipped: 0, seconds: 0 });
}

const total = tallies.reduce((acc, t) => ({ passed: acc.passed + t.passed, failed: acc.failed + t.failed, skipped: acc.skipped + t.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('\n=== summary');
for (const t of tallies) console.log(`${t.step.padEnd(34)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed ${String(t.skipped).padStart(3)} skipped  ${t.seconds.toFixed(1)} s`);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
