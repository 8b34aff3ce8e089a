import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronegativityAudit } from './prove/electronegativity';
import { atRestScan } from './prove/at-rest';

/**
 * `npm run prove`: the reliability and security evidence in one run — the Electronegativity audit, the
 * fuzzing of every IPC channel and parser at 1,000 runs each, the fault-injection tests (unit tests named
 * "[fault] …" and browser tests tagged @fault), the browser suite with its axe scans, and the at-rest scan
 * (10,000 cases seeded, then the IndexedDB files and the data folder searched for their ПИН, document numbers
 * and surnames; one line `at_rest_hits=N`; ARYZ_AT_REST_CASES changes the count). Details go to the console;
 * the last line is exactly
 *   reliability electronegativity_findings=<n> fuzz_channels=<n> fuzz_runs=<n> fuzz_failures=<n> faults_passed=<k>/<m> axe_serious=<n>
 * `npm test` runs the same tests with fewer fuzz runs (ARYZ_FUZZ_RUNS=100), so CI keeps them green.
 */
const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const out = mkdtempSync(path.join(tmpdir(), 'aryz-prove-'));
const env = { ...process.env, ARYZ_PROVE_OUT: out, ARYZ_FUZZ_RUNS: process.env.ARYZ_FUZZ_RUNS ?? '1000' };
const log = (line: string) => process.stderr.write(`${line}\n`);

interface VitestJson {
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}
interface PlaywrightSuite {
  specs?: { title: string; tags?: string[]; tests: { results: { status: string }[] }[] }[];
  suites?: PlaywrightSuite[];
}

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env }).status ?? 1;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function specsOf(suite: PlaywrightSuite): NonNullable<PlaywrightSuite['specs']> {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

async function main(): Promise<void> {
  log('=== Electronegativity');
  const audit = await electronegativityAudit();
  for (const f of audit.findings) log(`  FINDING ${f.id} (${f.severity}) ${f.file}:${f.line} ${f.description}`);
  for (const f of audit.justified) log(`  justified ${f.id} (${f.severity}) ${f.file}:${f.line}`);

  log('=== fuzzing and fault injection (vitest)');
  const vitestReport = path.join(out, 'vitest.json');
  run(bin('vitest'), ['run', 'tests/unit/fuzz', 'tests/unit', '--testNamePattern', '\\[fault\\]|fuzz|generated|channel|parser', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
  const unit = readJson<VitestJson>(vitestReport);
  const unitFaults = (unit?.testResults ?? []).flatMap((file) => file.assertionResults).filter((t) => t.fullName.includes('[fault]'));

  log('=== browser tests (axe scans, @fault tests)');
  const pwReport = path.join(out, 'playwright.json');
  if (run(bin('electron-vite'), ['build']) === 0) {
    spawnSync(bin('playwright'), ['test', '--project=browser'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ARYZ_PW_JSON: pwReport } });
  }
  const browser = readJson<PlaywrightSuite>(pwReport);
  const browserFaults = browser ? specsOf(browser).filter((s) => (s.tags ?? []).some((tag) => tag.replace(/^@/, '') === 'fault')) : [];

  log('=== nothing readable at rest');
  const atRestCases = Number(process.env.ARYZ_AT_REST_CASES ?? 10_000);
  let atRestHits = -1;
  try {
    const scan = await atRestScan(atRestCases, log);
    atRestHits = scan.hits.length;
    for (const hit of scan.hits.slice(0, 20)) log(`  HIT ${hit.encoding} ${path.basename(hit.file)} (${hit.value.length} chars)`);
    console.log(`at_rest cases=${scan.cases} values=${scan.values} at_rest_hits=${atRestHits} pin=${scan.byKind.pin} document=${scan.byKind.document} surname=${scan.byKind.surname}`);
  } catch (error) {
    log(`  at-rest scan failed: ${error instanceof Error ? error.message : String(error)}`);
    console.log('at_rest_hits=-1');
  }

  const fuzz = readdirSync(out)
    .filter((f) => f.startsWith('fuzz-'))
    .map((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { channels?: number; runs: number; failures: number });
  const axe = readdirSync(out)
    .filter((f) => f.startsWith('axe-'))
    .map((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { state: string; serious: number });

  const faultsPassed = unitFaults.filter((t) => t.status === 'passed').length + browserFaults.filter((s) => s.tests.every((t) => t.results.at(-1)?.status === 'passed')).length;
  const faultsTotal = unitFaults.length + browserFaults.length;
  const channels = fuzz.reduce((n, f) => n + (f.channels ?? 0), 0);
  const fuzzRuns = fuzz.reduce((n, f) => n + f.runs, 0);
  const fuzzFailures = fuzz.reduce((n, f) => n + f.failures, 0);
  const axeSerious = axe.reduce((n, a) => n + a.serious, 0);
  log(`axe: ${axe.length} scans; fault tests: ${unitFaults.length} unit, ${browserFaults.length} browser`);
  if (axe.length === 0) log('WARNING: no axe scan was recorded (did the browser tests run?)');
  rmSync(out, { recursive: true, force: true });
  console.log(
    `reliability electronegativity_findings=${audit.findings.length} fuzz_channels=${channels} fuzz_runs=${fuzzRuns} fuzz_failures=${fuzzFailures} faults_passed=${faultsPassed}/${faultsTotal} axe_serious=${axeSerious}`,
  );
  const clean = atRestHits === 0 && audit.findings.length === 0 && fuzzFailures === 0 && faultsPassed === faultsTotal && axeSerious === 0 && axe.length > 0 && channels > 0;
  process.exit(clean ? 0 : 1);
}

main().catch((error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
