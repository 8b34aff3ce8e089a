import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher, type CallContext } from '../../../../../electron/main/ipc/dispatch';
import { exportReferenceBundle, type ReferenceBundle } from '../../../../../shared/reference';
import { factoryBundle, REFERENCE_DIR } from '../../../support/reference-fixtures';

const NOW = new Date('2026-03-05T10:00:00Z');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setup(status: 'saved' | 'canceled' = 'saved') {
  const saveFile = vi.fn<CallContext['saveFile']>(async ({ defaultName }) => ({ status, fileName: defaultName }));
  const dispatch = createDispatcher(
    createHandlers(testMainDeps('/tmp', { referenceDir: REFERENCE_DIR, now: () => NOW })),
    () => undefined,
  );
  return { saveFile, call: (payload: unknown) => dispatch('reference:export', payload, testContext({ saveFile })) };
}

describe('reference:export channel', () => {
  it('writes exactly the JSON it was given, as a .json file with the suggested name', async () => {
    const { saveFile, call } = setup();
    const json = exportReferenceBundle(factoryBundle());
    await expect(call({ json, fileName: 'справочники-v3' })).resolves.toEqual({ ok: true, value: { status: 'saved', fileName: 'справочники-v3.json' } });
    const written = saveFile.mock.calls[0]![0];
    expect(new TextDecoder().decode(written.data)).toBe(json);
    expect(written.extensions).toEqual(['json']);
  });

  it('names the file by date when the page suggests none, and passes a cancel through', async () => {
    const { saveFile, call } = setup('canceled');
    await expect(call({ json: exportReferenceBundle(factoryBundle()) })).resolves.toEqual({
      ok: true,
      value: { status: 'canceled', fileName: 'aryz-reference-2026-03-05.json' },
    });
    expect(saveFile).toHaveBeenCalledTimes(1);
  });

  it('refuses text that is not JSON, or not a valid bundle, naming the paths, and writes nothing', async () => {
    const { saveFile, call } = setup();
    await expect(call({ json: '{ not json' })).resolves.toEqual({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'json', code: 'invalid_value' }] } });

    const broken = clone(factoryBundle()) as ReferenceBundle;
    broken.addressees[0]!.nameRu = '  ';
    broken.causes[0]!.checklist.push('no-such-evidence');
    const result = await call({ json: JSON.stringify(broken) });
    expect(result.ok).toBe(false);
    const paths = !result.ok && result.error.code === 'INVALID_PAYLOAD' ? result.error.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['json.addressees.0.nameRu', 'json.causes.0.checklist.8']));
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('refuses suggested names that carry folders or characters a file name cannot hold', async () => {
    const { saveFile, call } = setup();
    const json = exportReferenceBundle(factoryBundle());
    for (const fileName of ['../evil', 'C:\\temp\\x', 'a/b.json', 'a\u0000b', '', 'x'.repeat(201)]) {
      await expect(call({ json, fileName })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('takes a bundle larger than the common 1 MB payload limit', async () => {
    const { saveFile, call } = setup();
    const big = clone(factoryBundle()) as ReferenceBundle;
    for (const addressee of big.addressees) {
      addressee.sources = Array.from({ length: 6 }, (_, i) => ({ note: `${i} ${'Проверено по официальному сайту. '.repeat(60)}`.trim() }));
    }
    const json = exportReferenceBundle(big);
    expect(json.length).toBeGreaterThan(1_000_000);
    await expect(call({ json })).resolves.toMatchObject({ ok: true, value: { status: 'saved' } });
    expect(saveFile).toHaveBeenCalledTimes(1);
  });
});
