import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The batch worker's entry file for Node worker threads. The bridge prefers electron-vite's own output
 * (out/main/batch-worker.js, what the packaged app runs); unit tests and the benchmark pass `fresh` to bundle
 * the current sources with esbuild instead. The bundle lives under the repository (.cache/, git-ignored) so
 * its external packages (pdfmake, pdf-lib, the fonts) resolve from node_modules as they do in the app.
 */
export async function batchWorkerEntry(options: { fresh?: boolean } = {}): Promise<string> {
  return workerEntry('batch-worker', 'electron/main/batch/worker-entry.ts', options);
}

/** The workbook parser's thread entry (out/main/xlsx-worker.js), built the same way. */
export async function xlsxWorkerEntry(options: { fresh?: boolean } = {}): Promise<string> {
  return workerEntry('xlsx-worker', 'electron/main/import/xlsx-worker-entry.ts', options);
}

async function workerEntry(name: string, source: string, options: { fresh?: boolean }): Promise<string> {
  const built = path.join(ROOT, `out/main/${name}.js`);
  if (!options.fresh && existsSync(built)) return built;
  const outDir = path.join(ROOT, '.cache', name);
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${name}-${process.pid}.js`);
  await build({
    entryPoints: [path.join(ROOT, source)],
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}
