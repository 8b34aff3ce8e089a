import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FuzzStats {
  channels?: number;
  parsers?: number;
  runs: number;
  failures: number;
}

/**
 * `npm run prove` sets ARYZ_PROVE_OUT and sums these files into its closing line; in `npm test` the
 * assertions alone decide.
 */
export function recordFuzz(name: string, stats: FuzzStats): void {
  const dir = process.env.ARYZ_PROVE_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `fuzz-${name}.json`), JSON.stringify(stats));
}
