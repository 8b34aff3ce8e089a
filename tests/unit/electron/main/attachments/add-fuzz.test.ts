import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-attach-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dataDir = path.join(work, 'data');
const dispatch = createDispatcher(createHandlers(testMainDeps(dataDir, { now: () => new Date() })), () => undefined);
const HEADS = [[0x25, 0x50, 0x44, 0x46, 0x2d], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0xff, 0xd8, 0xff], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a], []];

describe('attachments channels under generated input', () => {
  it('answer every payload with a result or a typed error, and write only hash-named files inside the store', async () => {
    const bytes = fc.tuple(fc.constantFrom(...HEADS), fc.uint8Array({ maxLength: 600 })).map(([head, rest]) => Uint8Array.from([...head, ...rest]));
    const payload = fc.oneof(
      bytes.map((b) => ({ channel: 'attachments:add', body: { name: 'f', dataBase64: Buffer.from(b).toString('base64') } as unknown })),
      fc.record({ name: fc.string({ maxLength: 300 }), dataBase64: fc.string({ maxLength: 200 }) }).map((body) => ({ channel: 'attachments:add', body: body as unknown })),
      fc.tuple(fc.constantFrom('attachments:add', 'attachments:read', 'attachments:purge'), fc.anything({ withObjectString: true })).map(([channel, body]) => ({ channel, body })),
      fc.string({ maxLength: 80 }).map((sha256) => ({ channel: 'attachments:read', body: { sha256 } as unknown })),
      fc.array(fc.string({ maxLength: 70 }), { maxLength: 5 }).map((keep) => ({ channel: 'attachments:purge', body: { keep } as unknown })),
    );
    await fc.assert(
      fc.asyncProperty(payload, async ({ channel, body }) => {
        const result = await dispatch(channel, body, testContext());
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(['INVALID_PAYLOAD', 'PAYLOAD_TOO_LARGE']).toContain(result.error.code);
      }),
      { numRuns: 400 },
    );
    const names = readdirSync(dataDir);
    expect(names.every((n) => n === 'attachments')).toBe(true);
    expect(readdirSync(path.join(dataDir, 'attachments')).every((n) => /^[0-9a-f]{64}$/.test(n))).toBe(true);
  });
});
