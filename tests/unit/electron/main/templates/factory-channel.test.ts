import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { TEMPLATE_KINDS, type DocumentTemplate } from '../../../../../shared/documents/template-schema';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';

const root = path.resolve(__dirname, '../../../../..');
const shipped = path.join(root, 'resources/templates');
const ctx = testContext();
const dispatchFor = (templatesDir?: string) =>
  createDispatcher(
    createHandlers(testMainDeps('/tmp', templatesDir ? { templatesDir } : {})),
    () => undefined,
  );

describe('templates:factory channel', () => {
  it('answers the eleven shipped templates, validated and read-only, one per kind', async () => {
    const result = await dispatchFor(shipped)('templates:factory', {}, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { templates } = result.value as { templates: DocumentTemplate[] };
    expect(templates.map((t) => t.kind).sort()).toEqual([...TEMPLATE_KINDS].sort());
    expect(templates.every((t) => t.readOnly && t.version >= 1)).toBe(true);
  });

  it('finds the templates beside the reference data when the host names no folder', async () => {
    const result = await dispatchFor()('templates:factory', {}, ctx);
    expect(result.ok && (result.value as { templates: unknown[] }).templates.length).toBe(12);
  });

  it('reports a damaged template file as IO_ERROR rather than skipping it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aryz-tpl-'));
    cpSync(shipped, dir, { recursive: true });
    writeFileSync(path.join(dir, 'receipt.json'), JSON.stringify({ id: 'receipt', version: 1 }));
    await expect(dispatchFor(dir)('templates:factory', {}, ctx)).resolves.toEqual({ ok: false, error: { code: 'IO_ERROR' } });
  });
});
