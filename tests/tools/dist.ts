import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { signingArgs } from './dist-signing';

/**
 * `npm run dist:win` / `npm run dist:linux`: builds the installers with electron-builder. Signing is configured
 * only from the environment (CSC_LINK or WIN_CSC_LINK with CSC_KEY_PASSWORD / WIN_CSC_KEY_PASSWORD). The artifact
 * names in electron-builder.yml say "-unsigned"; only when a certificate is given are they replaced by the plain
 * names, and signing is then forced, so a build can never be named signed without being signed.
 */
const ROOT = path.resolve(__dirname, '../..');
const target = process.argv[2];
if (target !== 'win' && target !== 'linux') {
  console.error('usage: tsx tests/tools/dist.ts win|linux [electron-builder options]');
  process.exit(2);
}

const args = [path.join(ROOT, 'node_modules/electron-builder/cli.js'), `--${target}`, '--publish', 'never', ...signingArgs(target, process.env), ...process.argv.slice(3)];
console.log(signingArgs(target, process.env).length > 0 ? 'Signing with the certificate from the environment.' : 'No certificate in the environment (CSC_LINK / WIN_CSC_LINK): building unsigned, named "-unsigned".');
const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
