import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { createBatchRunner } from '../../electron/main/batch/runner';
import { threadWorkerSpawner } from '../../electron/main/batch/spawn-thread';
import type { RenderItem } from '../../electron/main/batch/protocol';
import { createPdfEngine } from '../../electron/main/pdf/engine';
import { defaultFontDir } from '../../electron/main/pdf/fonts';
import { templatePdf } from '../../electron/main/pdf/templates/layout';
import { buildDocumentModel, type DocumentInputs } from '../../shared/documents/model';
import { batchWorkerEntry } from '../bridge/batch-worker';
import { batchCitizens, factoryTemplate, fixtureInputs, GENERATED_AT } from '../unit/support/document-fixtures';
import { parseArgs, positiveInt } from './page-tools';

/**
 * `npm run bench:pdf -- [--batch N] [--runs R]`: the cost of a formal letter (the mission's letter to the MVD,
 * from the fixture case) three ways:
 *  1. one letter warm — inputs → merge model → pdfmake → PDF bytes in this process with the fonts parsed once
 *     and cached; median of R runs (default 20) after 5 warm-up renders;
 *  2. a batch of N letters (default 1,000, each for another person) through the app's batch runner and its
 *     worker thread (browser mode's path; the desktop app runs the same worker file as a utilityProcess),
 *     fed in chunks as the UI feeds it, each PDF written atomically into its case folder; wall time and the
 *     process's peak resident set (VmHWM, which covers main thread and worker);
 *  3. the status quo: LibreOffice headless converting an equivalent DOCX letter (same text, A4, same margins,
 *     Times New Roman 13 pt) to PDF, one `soffice --convert-to pdf` per document as a caseworker's
 *     "fill in Word, export to PDF" would; median of 3 after one warm-up (profile already created).
 *     Installs `libreoffice-writer` from Debian when `soffice` is missing (root or sudo), else says why not.
 * Details go to stderr; stdout ends with exactly one line:
 *   pdf single_warm_ms=<x> batch_n=<n> batch_s=<y> batch_rss_mb=<z> libreoffice_ms=<w> ratio=<w/x>
 */

const USAGE = 'usage: npm run bench:pdf -- [--batch N] [--runs R]';
const TEMPLATE = factoryTemplate('mission_letter_mvd');
const CHUNK = 50;
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The fixture letter for the i-th person of a batch: own name, ПИН, document and outgoing number. */
function letterInputs(i: number, citizen = batchCitizens(i + 1)[i]!): DocumentInputs {
  const base = fixtureInputs('mission_letter_mvd');
  return {
    ...base,
    person: { ...base.person, id: `person-${i}`, nameKy: citizen.person.nameKy, nameRu: citizen.person.nameRu, birthDate: citizen.person.birthDate, pin: citizen.person.pin, otherSpellings: [] },
    spellingSources: {},
    outgoing: { number: `КР-М/2025-${String(1000 + i)}`, date: '2025-02-05' },
  };
}

/** Peak resident set of this process so far (kB in /proc → MB); includes worker threads. */
function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage.rss() / 1024 / 1024;
}

async function batch(n: number, dataDir: string): Promise<{ seconds: number; rssMb: number; failed: number }> {
  const citizens = batchCitizens(n);
  const runner = createBatchRunner({ spawn: threadWorkerSpawner(await batchWorkerEntry({ fresh: true })), fontDir: defaultFontDir(), dataDir });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { jobId } = runner.start({ template: TEMPLATE, contentKey: randomBytes(32) });
  let sent = 0;
  let sampled = 0;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, 100);
  // Fed as the UI feeds it: a chunk at a time, waiting while the job's queue is full.
  while (sent < n) {
    const items: RenderItem[] = [];
    for (let i = sent; i < Math.min(n, sent + CHUNK); i++) {
      items.push({ key: String(i), caseId: `case-${i % 200}`, documentId: `doc-${i}`, inputs: letterInputs(i, citizens[i]) as unknown as Record<string, unknown> });
    }
    const answer = runner.add(jobId, items, sent + items.length === n);
    if (answer.status === 'accepted') {
      sent += items.length;
      if (sent % 200 === 0) log(`  batch: ${sent} sent, ${runner.status(jobId)!.done} done, ${fmt((performance.now() - started) / 1000)} s`);
    } else if (answer.reason === 'QUEUE_FULL') await new Promise((resolve) => setTimeout(resolve, 25));
    else throw new Error(`batch refused: ${answer.reason}`);
  }
  const status = (await runner.settled(jobId))!;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU of the whole process (main thread and worker): what the batch costs when it has a core to itself.
  log(`  batch CPU: ${fmt((cpu.user + cpu.system) / 1e6)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  clearInterval(sampler);
  const rssMb = Math.max(peakRssMb(), sampled / 1024 / 1024, runner.peakRss() / 1024 / 1024);
  const failure = status.results.find((r) => !r.ok);
  if (failure && !failure.ok) log(`  first failure: ${failure.key} ${failure.error.code} ${failure.error.message}`);
  await runner.dispose();
  return { seconds, rssMb, failed: status.failed };
}

async function singleWarm(runs: number): Promise<{ ms: number; pdf: Buffer }> {
  const engine = createPdfEngine(defaultFontDir());
  const once = async () => templatePdf(engine, TEMPLATE, buildDocumentModel(letterInputs(0)), { generatedAt: GENERATED_AT });
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  const cpu: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    pdf = (await once()).pdf;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  // On a shared machine wall time includes waiting for a core; CPU time is the render's own cost.
  log(`  single: min ${fmt(Math.min(...times))} ms, median ${fmt(median(times))} ms, max ${fmt(Math.max(...times))} ms over ${runs}; CPU median ${fmt(median(cpu))} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  return { ms: median(times), pdf };
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** soffice on PATH, installing libreoffice-writer from Debian if possible; otherwise null with the reason logged. */
function soffice(): string | null {
  if (has('soffice')) return 'soffice';
  const isRoot = process.getuid?.() === 0;
  if (!has('apt-get') || (!isRoot && !has('sudo'))) {
    log('  LibreOffice: soffice is missing and cannot be installed here (needs apt-get and root or sudo): apt-get install -y libreoffice-writer');
    return null;
  }
  log('  LibreOffice: soffice missing; installing libreoffice-writer from Debian (a few minutes)…');
  const sudo = isRoot ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync(sudo[0] ?? 'apt-get', [...(isRoot ? [] : ['apt-get']), ...args], { stdio: ['ignore', 'ignore', 'inherit'], env });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'libreoffice-writer']);
  if (has('soffice')) return 'soffice';
  log('  LibreOffice: installing libreoffice-writer failed (see apt-get above)');
  return null;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const MM_TWIPS = 56.7;

/**
 * A minimal hand-built DOCX with the letter's own text (read back from our PDF): one Word paragraph per
 * paragraph, Times New Roman 13 pt, A4 with the same 20/10/20/20 mm fields.
 */
async function equivalentDocx(pdf: Buffer, dir: string): Promise<string> {
  const pdfFile = path.join(dir, 'letter.pdf');
  writeFileSync(pdfFile, pdf);
  const text = spawnSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).stdout;
  const paragraphs = text
    .replace(/\f/g, '\n\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const body = paragraphs.map((p) => `<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">${xml(p)}</w:t></w:r></w:p>`).join('');
  const twips = (mm: number) => Math.round(mm * MM_TWIPS);
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/styles.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${twips(20)}" w:right="${twips(10)}" w:bottom="${twips(20)}" w:left="${twips(20)}" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`);
  const file = path.join(dir, 'letter.docx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  log(`  LibreOffice: equivalent DOCX with ${paragraphs.length} paragraphs`);
  return file;
}

function libreOffice(command: string, docx: string, dir: string): number | null {
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  const outDir = path.join(dir, 'lo-out');
  mkdirSync(outDir, { recursive: true });
  const convert = () => {
    const t0 = performance.now();
    const result = spawnSync(command, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', outDir, docx], { encoding: 'utf8', timeout: 180_000 });
    const ms = performance.now() - t0;
    const ok = result.status === 0 && readFileSync(path.join(outDir, 'letter.pdf')).subarray(0, 5).toString() === '%PDF-';
    if (!ok) log(`  LibreOffice failed: ${result.error?.message ?? ''} ${result.stderr ?? ''}`);
    return ok ? ms : null;
  };
  const first = convert();
  if (first === null) return null;
  log(`  LibreOffice: first conversion (creates its profile) ${fmt(first)} ms`);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const ms = convert();
    if (ms === null) return null;
    times.push(ms);
  }
  log(`  LibreOffice: ${times.map(fmt).join(', ')} ms`);
  return median(times);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['batch', 'runs']);
  const n = positiveInt(args.get('batch'), 'batch', 1000);
  const runs = positiveInt(args.get('runs'), 'runs', 20);
  const work = mkdtempSync(path.join(tmpdir(), 'aryz-bench-pdf-'));
  try {
    // The batch first, so the process's peak resident set is the batch's (plus this script), not the other parts'.
    log(`batch of ${n} letters through the batch runner (worker thread)…`);
    const batched = await batch(n, path.join(work, 'data'));
    log(`  batch: ${fmt(batched.seconds)} s (${fmt((batched.seconds * 1000) / n)} ms per letter), peak RSS ${fmt(batched.rssMb)} MB, ${batched.failed} failed`);
    if (batched.failed > 0) throw new Error(`${batched.failed} letters of the batch failed`);
    log('one letter warm…');
    const single = await singleWarm(runs);
    log('LibreOffice headless, equivalent DOCX → PDF…');
    const command = soffice();
    const lo = command ? libreOffice(command, await equivalentDocx(single.pdf, work), work) : null;
    const loText = lo === null ? 'NA' : fmt(lo);
    const ratio = lo === null ? 'NA' : (lo / single.ms).toFixed(1);
    console.log(`pdf single_warm_ms=${fmt(single.ms)} batch_n=${n} batch_s=${fmt(batched.seconds)} batch_rss_mb=${fmt(batched.rssMb)} libreoffice_ms=${loText} ratio=${ratio}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  log(USAGE);
  process.exitCode = 1;
});
