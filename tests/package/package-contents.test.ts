import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let outDir = '';
let files: string[] = [];

/**
 * electron-builder cannot download Electron here, so it is given a stub "Electron" folder; that is enough
 * to build the unpacked app and its app.asar, which is what these tests inspect.
 */
beforeAll(() => {
  if (!existsSync(path.join(root, 'out/main/index.js'))) throw new Error('run the build first (npm run build)');
  const work = mkdtempSync(path.join(tmpdir(), 'aryz-pack-'));
  const stub = path.join(work, 'electron-stub');
  mkdirSync(path.join(stub, 'resources'), { recursive: true });
  writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(path.join(stub, 'version'), '45.4.0');
  writeFileSync(path.join(stub, 'LICENSE'), 'stub');
  writeFileSync(path.join(stub, 'LICENSES.chromium.html'), 'stub');
  outDir = path.join(work, 'release');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-builder/cli.js'), '--dir', '--linux', '--x64', `-c.electronDist=${stub}`, `-c.directories.output=${outDir}`, '--publish', 'never'],
    { cwd: root, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  const unpacked = readdirSync(outDir).find((name) => name.endsWith('-unpacked'));
  files = listPackage(path.join(outDir, unpacked!, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 180_000);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const unpackedDir = () => path.join(outDir, readdirSync(outDir).find((name) => name.endsWith('-unpacked'))!);

describe('packaged app', () => {
  it('contains the built main, preload and renderer', () => {
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/package.json']));
  });

  it('contains no test code, no test bridge, no sources and no dev tooling', () => {
    const forbidden = files.filter((f) =>
      /^\/tests(\/|$)|bridge|adapter|\.spec\.|\.test\.|\/(electron|renderer|shared)\/.*\.tsx?$|node_modules\/(vitest|@playwright|playwright|esbuild|tsx|electron-vite|vite|eslint|fake-indexeddb|fast-check)(\/|$)/.test(f),
    );
    expect(forbidden).toEqual([]);
    const mentions = walk(path.join(root, 'out')).filter((file) => /__bridge|aryz_bridge/.test(readFileSync(file, 'utf8')));
    expect(mentions).toEqual([]);
  });

  it('keeps fonts outside app.asar as extra resources', () => {
    expect(files.some((f) => f.endsWith('.ttf'))).toBe(false);
    const fonts = readdirSync(path.join(unpackedDir(), 'resources', 'fonts')).sort();
    expect(fonts).toEqual(expect.arrayContaining(['Tinos_400Regular.ttf', 'Tinos_700Bold.ttf', 'Tinos_400Regular_Italic.ttf', 'Tinos_700Bold_Italic.ttf']));
  });

  it('renders a PDF with the packaged pdfmake and the packaged fonts, outside the source tree', () => {
    const extracted = mkdtempSync(path.join(tmpdir(), 'aryz-asar-'));
    extractAll(path.join(unpackedDir(), 'resources', 'app.asar'), extracted);
    const fonts = path.join(unpackedDir(), 'resources', 'fonts');
    const script = `
      const PdfMake = require(${JSON.stringify(path.join(extracted, 'node_modules/pdfmake'))});
      const f = (n) => require('path').join(${JSON.stringify(fonts)}, n);
      const pdf = new PdfMake.constructor();
      pdf.setUrlAccessPolicy(() => false);
      pdf.setLocalAccessPolicy(() => true);
      pdf.setFonts({ Tinos: { normal: f('Tinos_400Regular.ttf'), bold: f('Tinos_700Bold.ttf'), italics: f('Tinos_400Regular_Italic.ttf'), bolditalics: f('Tinos_700Bold_Italic.ttf') } });
      pdf.createPdf({ content: ['Үсөнов Маңыз'], defaultStyle: { font: 'Tinos' } }).getBuffer().then((b) => process.stdout.write(String(b.length) + ' ' + b.subarray(0, 5).toString()));
    `;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: extracted, encoding: 'utf8' });
    const [size, magic] = out.split(' ');
    expect(magic).toBe('%PDF-');
    expect(Number(size)).toBeGreaterThan(1000);
  });
});
