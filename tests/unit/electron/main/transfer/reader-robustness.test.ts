import fc from 'fast-check';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../../../electron/main/transfer/bundle-file';
import { gatherCases } from '../../../../../renderer/src/data/transfer/gather.repo';
import { BUNDLE_REFUSALS, checkRecords } from '../../../../../shared/transfer/bundle';
import { freshDb } from '../../../support/db-fixtures';
import { manifestFor, PASS, seedCases, tempDir, writeCasesBundle } from '../../../support/transfer-fixtures';

/** The reader is total: whatever the bytes, a typed answer and never an exception (issue 7 fuzzes it at scale). */
describe('transfer bundle reader robustness', () => {
  it('answers damaged bundles with a typed refusal', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { target } = await writeCasesBundle(db, await seedCases(db, 1), dir, [{ data: Buffer.from('scan') }]);
    const good = await readFile(target);
    const damaged = path.join(dir, 'damaged.aryzt');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), at: fc.nat(good.length - 1), bit: fc.integer({ min: 0, max: 7 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat(good.length - 1) }),
          fc.record({ kind: fc.constant('insert' as const), at: fc.nat(good.length - 1), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
          fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
        ),
        async (change) => {
          const bytes =
            change.kind === 'flip'
              ? Buffer.from(good).fill(good[change.at]! ^ (1 << change.bit), change.at, change.at + 1)
              : change.kind === 'cut'
                ? good.subarray(0, change.at)
                : change.kind === 'insert'
                  ? Buffer.concat([good.subarray(0, change.at), change.bytes, good.subarray(change.at)])
                  : Buffer.from(change.bytes);
          await writeFile(damaged, bytes);
          const result = await readBundle(damaged, PASS, path.join(dir, 'staging'));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(BUNDLE_REFUSALS).toContain(result.reason);
        },
      ),
      { numRuns: 60, seed: 6 },
    );
  });

  it('checks any JSON as records without throwing, refusing prototype keys', async () => {
    const db = freshDb();
    const real = await manifestFor((await gatherCases(await seedCases(db, 1))).records);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'records', 'row'), (value, key) => {
        const poisoned = JSON.parse(`{"records":[],${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`) as unknown;
        for (const input of [value, poisoned, { records: [value] }]) {
          const result = checkRecords(real, input);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(BUNDLE_REFUSALS).toContain(result.reason);
        }
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
          expect(checkRecords(real, poisoned)).toMatchObject({ ok: false, reason: 'unsafe_keys' });
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
