import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountKdfForTests } from '../../../electron/main/accounts/key-wrap';
import { setSealingKdfForTests } from '../../../electron/main/crypto/sealed-file';
import { createBatchRunner } from '../../../electron/main/batch/runner';
import { threadWorkerSpawner } from '../../../electron/main/batch/spawn-thread';
import { createHandlers } from '../../../electron/main/handlers';
import { defaultFontDir } from '../../../electron/main/pdf/fonts';
import { batchWorkerEntry } from '../../bridge/batch-worker';
import { createDispatcher, type CallContext } from '../../../electron/main/ipc/dispatch';
import { CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { IPC_ERROR_CODES } from '../../../shared/ipc/result';
import { testMainDeps } from '../support/main-deps';
import { validExamples } from '../support/fuzz-examples';
import { mutationsOf } from '../support/fuzz-mutate';
import { payloadsFor } from '../support/fuzz-arbitrary';
import { recordFuzz } from '../support/fuzz-stats';

/**
 * Every IPC channel, fed generated payloads through the one dispatcher main uses: shaped like the schema,
 * arbitrary values, huge strings, prototype-pollution keys. Each must answer a result or a typed error —
 * never INTERNAL (an exception inside a handler, or an answer outside its schema), never a hang — and write
 * nothing outside the app's store and the folders a dialog gave it. Runs per channel: ARYZ_FUZZ_RUNS
 * (100 in `npm test`, 1,000 in `npm run prove`).
 */
const RUNS = Number(process.env.ARYZ_FUZZ_RUNS ?? 100);
// Sealing (backups, transfer bundles) derives a key per file; the fuzzer seals thousands, so it uses the
// cheapest strength the readers accept. Files the app writes always use the full strength.
setSealingKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
const CALL_TIMEOUT_MS = 10_000;

const scratch = mkdtempSync(path.join(tmpdir(), 'aryz-fuzz-'));
const dataDir = path.join(scratch, 'data');
const picks = path.join(scratch, 'picks');
const folder = path.join(scratch, 'folder');
/** Plain copies for the system viewer and the print window live in a private temp folder of their own, not the store. */
const viewer = path.join(scratch, 'viewer');
for (const dir of [dataDir, picks, folder]) mkdirSync(dir, { recursive: true });

// Files a fuzzed "open dialog" may answer: empty, garbage, a tiny PDF header, a PNG signature, CSV text.
const PICKABLE = {
  'empty.pdf': new Uint8Array(),
  'garbage.xlsx': Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
  'header-only.pdf': new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'),
  'sig.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  'list.csv': new TextEncoder().encode('Фамилия;Имя;Дата рождения\nЖумагулов;Бакыт;12.03.1990\n";;;\n'),
};
for (const [name, data] of Object.entries(PICKABLE)) writeFileSync(path.join(picks, name), data);
const pickable = Object.keys(PICKABLE).map((name) => path.join(picks, name));

function fuzzContext(choice: number): CallContext {
  return {
    saveFile: async ({ defaultName }) => ({ status: choice % 2 === 0 ? 'saved' : 'canceled', fileName: defaultName }),
    pickFiles: async ({ multiple }) => (choice % 3 === 0 ? null : multiple ? pickable : [pickable[choice % pickable.length]!]),
    pickFolder: async () => (choice % 4 === 0 ? null : folder),
    openPath: async () => undefined,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const logged: string[] = [];
// Batches render in a worker thread, as in browser mode.
const batch = createBatchRunner({ spawn: threadWorkerSpawner(await batchWorkerEntry(), (m, e) => logged.push(`${m}: ${String(e)}`)), fontDir: defaultFontDir(), dataDir });
const dispatch = createDispatcher(createHandlers(testMainDeps(dataDir, { batch, viewerTempDir: viewer })), (message, error) => logged.push(`${message}: ${String(error)}`));
const codes = new Set<string>(IPC_ERROR_CODES);
const repoRootBefore = new Set(readdirSync(path.resolve(__dirname, '../../..')));

const withTimeout = <T,>(promise: Promise<T>) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS))]);

let failures = 0;
let runs = 0;
let examples: Awaited<ReturnType<typeof validExamples>>;

describe('every IPC channel under generated payloads', () => {
  beforeAll(async () => {
    examples = await validExamples();
  });

  it('has valid examples for every channel, each answered ok', async () => {
    for (const channel of Object.keys(CHANNELS) as Channel[]) {
      const list = examples[channel] as unknown[] | undefined;
      expect(list?.length ?? 0, `valid examples for ${channel} in tests/unit/support/fuzz-examples.ts`).toBeGreaterThan(0);
      for (const example of list ?? []) {
        const result = await dispatch(channel, example, fuzzContext(2));
        expect(result, `${channel} ${JSON.stringify(example).slice(0, 200)}`).toMatchObject({ ok: true });
      }
    }
  });

  for (const channel of Object.keys(CHANNELS) as Channel[]) {
    it(`${channel}: a result or a typed error, never INTERNAL, never a hang`, async () => {
      try {
        await fc.assert(
          fc.asyncProperty(fc.oneof(payloadsFor(CHANNELS[channel].request), mutationsOf(examples[channel] as unknown[])), fc.nat(), async (payload, choice) => {
            runs++;
            logged.length = 0;
            const result = await withTimeout(dispatch(channel, payload, fuzzContext(choice)));
            if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') return false;
            if (!result.ok && (!codes.has(result.error.code) || result.error.code === 'INTERNAL')) return false;
            return logged.length === 0 && ({} as Record<string, unknown>).polluted === undefined;
          }),
          { numRuns: RUNS, interruptAfterTimeLimit: 10 * 60_000 },
        );
      } catch (error) {
        failures++;
        // Counterexamples can be megabytes (huge-string payloads); the start says enough.
        throw new Error(`${String(error).slice(0, 3000)}\nlogged: ${logged.join('\n').slice(0, 2000)}`);
      }
    }, 15 * 60_000);
  }

  it('wrote nothing outside the store and the folders a dialog answered', () => {
    const outside = filesUnder(scratch).filter((file) => ![dataDir, picks, folder, viewer].some((dir) => file.startsWith(dir + path.sep)));
    expect(outside).toEqual([]);
    const picked = filesUnder(picks).map((f) => path.basename(f)).sort();
    expect(picked).toEqual(Object.keys(PICKABLE).sort());
    // .cache holds the batch worker's bundle (git-ignored build output).
    expect([...readdirSync(path.resolve(__dirname, '../../..'))].filter((entry) => !repoRootBefore.has(entry) && entry !== '.cache')).toEqual([]);
  });

  afterAll(async () => {
    recordFuzz('channels', { channels: Object.keys(CHANNELS).length, runs, failures });
    await batch.dispose();
  });
});
