import { signInForTools } from './sign-in';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { formatDate, formatPartialDate } from '../../shared/case/dates';
import { generateCase, type SeedCase } from '../../shared/seed/generate';
import { startBridge } from '../bridge/server';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { waitUntilIdle } from './chromium-metrics';
import { buildApp, installPageTools, pageErrorMessage, pageToolsSource, parseArgs, positiveInt, seedInPage } from './page-tools';

/**
 * `npm run bench:import -- [--rows N] [--existing E]`: seeds E cases, then imports a CSV of N citizens through
 * the real import screen in headless Chromium (browser mode): file chooser → mapping → dry run → confirm →
 * chunked write. About 1 % of the rows have an impossible date and 0.5 % repeat a person already in the
 * database, so the dry run has real findings and duplicate look-ups to do. Details go to stderr; stdout ends
 * with exactly one line:
 *   import rows=<n> dry_run_s=<x> write_s=<y>
 */

const USAGE = 'usage: npm run bench:import -- [--rows N] [--existing E]';
const log = (line: string) => process.stderr.write(`${line}\n`);

const HEADER = ['ФИО', 'Дата рождения', 'Пол', 'ПИН', 'Паспорт', 'Дата выдачи', 'Срок действия', 'Телефон', 'Регион', 'Адрес в РФ'];

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';');
}

function rowOf(c: SeedCase): string[] {
  const p = c.form.person;
  const doc = c.form.documents[0];
  return [
    [p.nameRu.surname, p.nameRu.givenName, p.nameRu.patronymic].filter(Boolean).join(' '),
    formatPartialDate(p.birthDate),
    p.sex === 'male' ? 'м' : 'ж',
    p.pin,
    doc ? `${doc.series} ${doc.number}` : '',
    doc ? formatDate(doc.issueDate) : '',
    doc ? formatDate(doc.expiryDate) : '',
    p.phones[0] ?? '',
    c.form.case.region,
    p.ruPostalAddress,
  ];
}

/** N rows from another seed than the database's, with deliberate bad rows and repeats of existing people. */
function buildCsv(rows: number, existing: number): { text: string; bad: number; repeats: number } {
  let bad = 0;
  let repeats = 0;
  const lines = [csvLine(HEADER)];
  for (let i = 0; i < rows; i++) {
    const repeat = existing > 0 && i % 200 === 199;
    const cells = rowOf(repeat ? generateCase((i * 7) % existing, existing, 1) : generateCase(i, rows, 77));
    if (repeat) repeats++;
    else if (i % 100 === 50) {
      cells[1] = '31.02.1990';
      bad++;
    }
    lines.push(csvLine(cells));
  }
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, bad, repeats };
}

async function waitText(page: Page, text: string, timeout: number): Promise<void> {
  try {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    const shown = await page.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 400) ?? '(no main)').catch(() => '(page gone)');
    throw new Error(`${pageErrorMessage(error)}\nThe page shows: ${shown}`);
  }
}

async function main(): Promise<void> {
  let rows: number;
  let existing: number;
  try {
    const args = parseArgs(process.argv.slice(2), ['rows', 'existing']);
    rows = positiveInt(args.get('rows'), 'rows', 10_000);
    existing = positiveInt(args.get('existing'), 'existing', 2000);
    if (rows < 1) throw new Error('--rows must be at least 1');
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM).');
  const rendererDir = buildApp(log);
  const bridge = await startBridge({ log, rendererDir });
  const profile = mkdtempSync(path.join(tmpdir(), 'aryz-bench-import-'));
  const work = mkdtempSync(path.join(tmpdir(), 'aryz-bench-import-files-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(bridge.url);
    await signInForTools(page);
    await page.goto(`${bridge.origin}/#/settings`);
    // Seeding also saves complete settings (the import attributes cases to the caseworker).
    await installPageTools(page, await pageToolsSource());
    const seeded = await seedInPage(page, Math.max(1, existing), 1, () => undefined);
    log(`seeded ${Math.max(1, existing)} existing cases in ${(seeded.ms / 1000).toFixed(1)} s`);
    await waitUntilIdle(profile, 120_000, 2);

    const csv = buildCsv(rows, existing);
    const file = path.join(work, 'список.csv');
    writeFileSync(file, csv.text);
    log(`CSV: ${rows} rows, ${(Buffer.byteLength(csv.text) / 1e6).toFixed(1)} MB, ${csv.bad} with an impossible date, ${csv.repeats} repeating an existing person`);

    await page.goto(`${bridge.origin}/#/import`);
    await page.reload();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Выбрать файл…' }).click();
    await (await chooser).setFiles(file);
    await waitText(page, `строк с данными — ${rows}`, 120_000);

    const checkStarted = Date.now();
    await page.getByRole('button', { name: 'Проверить (ничего не записывается)' }).click();
    await waitText(page, 'Результаты проверки', 300_000);
    const dryRunS = (Date.now() - checkStarted) / 1000;
    const counts = await page.getByRole('status').filter({ hasText: 'Строк:' }).first().textContent();
    log(`dry run: ${counts}`);

    const confirm = page.getByRole('button', { name: /^Подтвердить и импортировать/ });
    const label = (await confirm.textContent()) ?? '';
    const writeStarted = Date.now();
    await confirm.click();
    await waitText(page, 'Импорт завершён', 300_000);
    const writeS = (Date.now() - writeStarted) / 1000;
    log(`write: ${label} → ${await page.getByRole('status').first().textContent()}`);

    const expected = rows - csv.bad - csv.repeats;
    if (!label.includes(`(${expected})`)) {
      log(`FAIL: expected ${expected} rows to be imported, the screen offered ${label}`);
      process.exitCode = 1;
    }
    log(`target: dry run + write ≤ 10 s ${dryRunS + writeS <= 10 ? 'met' : 'MISSED'} (${(dryRunS + writeS).toFixed(1)} s)`);
    console.log(`import rows=${rows} dry_run_s=${dryRunS.toFixed(2)} write_s=${writeS.toFixed(2)}`);
  } finally {
    await context.close();
    await bridge.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(pageErrorMessage(error));
  process.exit(1);
});
