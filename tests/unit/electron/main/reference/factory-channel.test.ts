import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';

const shipped = path.resolve(__dirname, '../../../../../resources/reference');
const ctx = testContext();
const dispatchFor = (referenceDir: string) =>
  createDispatcher(createHandlers(testMainDeps('/tmp', { referenceDir })), () => undefined);

describe('reference:factory channel', () => {
  it('answers the shipped reference data, validated', async () => {
    const result = await dispatchFor(shipped)('reference:factory', {}, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const bundle = result.value as { version: number; calendar: { year: number }[]; causes: unknown[] };
    expect(bundle.version).toBeGreaterThanOrEqual(1);
    expect(bundle.calendar.map((y) => y.year)).toEqual(expect.arrayContaining([2025, 2026, 2027]));
    expect(bundle.causes.length).toBeGreaterThan(5);
  });

  it('reports a damaged file as IO_ERROR, not as a crash', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aryz-ref-'));
    cpSync(shipped, dir, { recursive: true });
    writeFileSync(path.join(dir, 'causes.json'), '{ not json');
    await expect(dispatchFor(dir)('reference:factory', {}, ctx)).resolves.toEqual({ ok: false, error: { code: 'IO_ERROR' } });
  });
});
