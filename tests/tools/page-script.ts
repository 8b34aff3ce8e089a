import { build } from 'esbuild';

/**
 * A TypeScript entry bundled into one classic script (an IIFE) to evaluate in a page: the test and benchmark
 * helpers that run the app's own code in the page (CDP evaluation is not subject to the page's CSP).
 */
export async function pageScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
