import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { load as parseYaml } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, integrity off, ASAR-only off, V8 snapshot off, file:// privileges on. */
const ELECTRON_DEFAULT_FUSES = '10110001';
/** How @electron/fuses spells a fuse's state in the wire: the characters '0' and '1'. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
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
  // The stub carries a fuse wire as Electron 45 ships it (sentinel, version 1, eight fuses), so electron-builder
  // flips the fuses in it exactly as in the real binary and the test reads them back from the packaged copy.
  writeFileSync(path.join(stub, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from(ELECTRON_DEFAULT_FUSES)]), { mode: 0o755 });
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

  it('flips the fuses the config names in the packaged binary: no Node runtime, ASAR only and checked, cookies encrypted', async () => {
    const config = parseYaml(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    const binary = readdirSync(unpackedDir()).find((name) => !name.includes('.') && statSync(path.join(unpackedDir(), name)).isFile() && name !== 'LICENSE')!;
    const wire = await getCurrentFuseWire(path.join(unpackedDir(), binary));
    const state = (fuse: FuseV1Options) => (wire as unknown as Record<number, number>)[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
  });

  it('installs per machine, names unsigned builds so, and associates backup and transfer files', () => {
    const config = parseYaml(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown> & { ext?: string }[]>;
    expect(config.nsis).toMatchObject({ perMachine: true, allowElevation: true, oneClick: false, allowToChangeInstallationDirectory: true });
    for (const section of ['nsis', 'portable', 'linux'] as const) expect(String((config[section] as Record<string, unknown>).artifactName)).toContain('-unsigned');
    expect((config.fileAssociations as unknown as { ext: string }[]).map((a) => a.ext).sort()).toEqual(['aryzbak', 'aryzt']);
    // Nothing about a certificate lives in the repository: only the environment names one.
    expect(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).not.toMatch(/certificateFile|certificatePassword|cscLink|cscKeyPassword/);
  });

  it('the packaged main turns DevTools off and sets its own menu when packaged', () => {
    const main = extractFile(path.join(unpackedDir(), 'resources', 'app.asar'), 'out/main/index.js').toString('utf8');
    expect(main).toMatch(/devTools:\s*!\w+\.app\.isPackaged|devTools:\s*!app\.isPackaged/);
    expect(main).toMatch(/Menu\.setApplicationMenu\(/);
    expect(main).toMatch(/before-input-event/);
  });
});
