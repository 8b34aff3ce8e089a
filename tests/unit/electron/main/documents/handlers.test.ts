import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import type { MainDeps } from '../../../../../electron/main/main-deps';
import { factoryTemplate, fixtureInputs, payloadInputs } from '../../../support/document-fixtures';
import { PdfWorkspace } from '../../../support/pdf-reader';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';
import { isSealed, openBytes } from '../../../../../electron/main/crypto/file-cipher';

/** A stored document's plain bytes: on disk it is sealed with the session's file keys. */
async function storedPlain(file: string): Promise<Buffer> {
  const raw = readFileSync(file);
  expect(isSealed(raw)).toBe(true);
  return openBytes(TEST_FILE_KEYS.content, raw);
}

const work = new PdfWorkspace();
const dirs: string[] = [];
afterAll(() => {
  work.dispose();
  for (const dir of dirs) for (const d of [dir, `${dir}-viewer`]) rmSync(d, { recursive: true, force: true });
});

function setup(extra: Partial<MainDeps> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-docs-'));
  dirs.push(dataDir);
  const deps = testMainDeps(dataDir, { now: () => new Date('2025-02-05T10:00:00Z'), ...extra });
  return { dataDir, dispatch: createDispatcher(createHandlers(deps), () => undefined) };
}

const CASE_ID = 'case-1';

describe('documents:generate', () => {
  it('renders the mission letter, stores it in the case folder and reports hash, size and pages', async () => {
    const { dataDir, dispatch } = setup();
    const inputs = fixtureInputs('mission_letter_mvd');
    const result = await dispatch('documents:generate', { caseId: CASE_ID, documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(inputs) }, testContext());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { status: string; relPath: string; sha256: string; bytes: number; pages: number };
    expect(value).toMatchObject({ status: 'generated', relPath: `${CASE_ID}/doc-1.pdf` });
    const bytes = await storedPlain(path.join(dataDir, 'cases', value.relPath));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(value.bytes).toBe(bytes.byteLength);
    expect(value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const text = work.read(bytes, 'mission-letter');
    expect(value.pages).toBe(Number(/Pages:\s+(\d+)/.exec(text.info)?.[1]));
    for (const requisite of [inputs.outgoing!.number, '05.02.2025', 'Үсөнов Маңызбек', 'Приложение', 'С уважением', 'Исп.: Асанова Гүлнара Бакытовна', inputs.addressee!.addresseeRu]) {
      expect(text.flat).toContain(requisite);
    }
    // Regenerating with the same document id replaces the file atomically (no temp files left).
    await dispatch('documents:generate', { caseId: CASE_ID, documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(inputs) }, testContext());
    expect(readFileSync(path.join(dataDir, 'cases', CASE_ID, 'doc-1.pdf')).byteLength).toBeGreaterThan(1000);
    expect(readdirSync(path.join(dataDir, 'cases', CASE_ID))).toEqual(['doc-1.pdf']);
  });

  it('refuses while a mandatory requisite is missing, naming it, and writes nothing', async () => {
    const { dataDir, dispatch } = setup();
    const inputs = { ...fixtureInputs('mission_letter_mvd'), addressee: null, attachments: [] };
    const result = await dispatch('documents:generate', { caseId: CASE_ID, documentId: 'doc-2', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(inputs) }, testContext());
    expect(result).toMatchObject({ ok: true, value: { status: 'refused', reason: 'missing_requisites' } });
    if (!result.ok) return;
    const labels = (result.value as { missing: Array<{ path: string; label: string }> }).missing.map((m) => m.path);
    expect(labels).toEqual(expect.arrayContaining(['addressee.block', 'attachments']));
    expect(() => readFileSync(path.join(dataDir, 'cases', CASE_ID, 'doc-2.pdf'))).toThrow();
  });

  it('refuses an invalid template or inputs before rendering', async () => {
    const { dispatch } = setup();
    const template = factoryTemplate('mission_letter_mvd');
    const broken = { ...template, requisites: template.requisites.filter((r) => r.path !== 'outgoing.number') };
    const bad = await dispatch('documents:generate', { caseId: CASE_ID, documentId: 'd', template: broken, inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) }, testContext());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const inputs = payloadInputs(fixtureInputs('mission_letter_mvd')) as { date: string };
    const badDate = await dispatch('documents:generate', { caseId: CASE_ID, documentId: 'd', template, inputs: { ...inputs, date: '2025-02-30' } }, testContext());
    expect(badDate).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'inputs.date' }] } });
    const badCase = await dispatch('documents:generate', { caseId: '../etc', documentId: 'd', template, inputs }, testContext());
    expect(badCase).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});

describe('documents:preview', () => {
  it('renders the same PDF without storing anything, and refuses the same way', async () => {
    const { dataDir, dispatch } = setup();
    const inputs = fixtureInputs('mission_letter_mvd');
    const result = await dispatch('documents:preview', { template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(inputs) }, testContext());
    expect(result).toMatchObject({ ok: true, value: { status: 'rendered' } });
    if (!result.ok) return;
    const value = result.value as { pdfBase64: string; bytes: number; pages: number };
    const bytes = Buffer.from(value.pdfBase64, 'base64');
    expect(bytes.byteLength).toBe(value.bytes);
    expect(work.read(bytes, 'preview').flat).toContain(inputs.outgoing!.number);
    expect(readdirSync(dataDir)).toEqual([]);
    const refused = await dispatch('documents:preview', { template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs({ ...inputs, attachments: [] }) }, testContext());
    expect(refused).toMatchObject({ ok: true, value: { status: 'refused', reason: 'missing_requisites', missing: [{ path: 'attachments' }] } });
  });
});

describe('stored documents: open, save as, print', () => {
  async function generated(extra: Partial<MainDeps> = {}) {
    const env = setup(extra);
    const result = await env.dispatch('documents:generate', { caseId: CASE_ID, documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) }, testContext());
    if (!result.ok) throw new Error('generate failed');
    return { ...env, relPath: (result.value as { relPath: string }).relPath };
  }

  it('opens a plain copy in a private temp folder, saves a copy of the plain bytes, and prints through the viewer in browser mode', async () => {
    const { dataDir, dispatch, relPath } = await generated();
    const stored = await storedPlain(path.join(dataDir, 'cases', relPath));
    const viewerDir = `${dataDir}-viewer`;
    const shown: Buffer[] = [];
    const openPath = vi.fn(async (file: string) => void shown.push(readFileSync(file)));
    const saveFile = vi.fn(async (req: { defaultName: string }) => ({ status: 'saved' as const, fileName: req.defaultName }));
    expect(await dispatch('documents:open', { relPath }, testContext({ openPath }))).toEqual({ ok: true, value: { status: 'opened' } });
    // The viewer gets a plain copy outside the data folder, in an owner-only folder; the stored file stays sealed.
    const opened = (openPath.mock.calls[0] as unknown as [string])[0];
    expect(path.relative(viewerDir, opened).startsWith('..')).toBe(false);
    expect(path.basename(opened)).toBe('doc-1.pdf');
    expect(shown[0]!.equals(stored)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(viewerDir).mode & 0o077).toBe(0);
    expect(await dispatch('documents:saveAs', { relPath, fileName: 'Ходатайство КР-М-1-25.pdf' }, testContext({ saveFile }))).toEqual({ ok: true, value: { status: 'saved', fileName: 'Ходатайство КР-М-1-25.pdf' } });
    const saved = saveFile.mock.calls[0]![0] as unknown as { data: Uint8Array; extensions: string[] };
    expect(Buffer.from(saved.data).equals(stored)).toBe(true);
    expect(saved.extensions).toEqual(['pdf']);
    expect(await dispatch('documents:print', { relPath }, testContext({ openPath }))).toEqual({ ok: true, value: { status: 'opened' } });
    expect(openPath).toHaveBeenCalledTimes(2);
    expect(await dispatch('documents:open', { relPath: `${CASE_ID}/nothing.pdf` }, testContext())).toEqual({ ok: true, value: { status: 'missing' } });
  });

  it('prints through the desktop hook (the system dialog) from a plain copy that goes when the print window closes', async () => {
    let closed: (() => void) | undefined;
    let printed: Buffer | null = null;
    const printPdf = vi.fn(async (file: string, onClosed?: () => void) => {
      printed = readFileSync(file);
      closed = onClosed;
    });
    const { dataDir, dispatch, relPath } = await generated({ mode: 'desktop', printPdf });
    expect(await dispatch('documents:print', { relPath }, testContext())).toEqual({ ok: true, value: { status: 'opened' } });
    const copy = (printPdf.mock.calls[0] as unknown as [string])[0];
    expect(printed!.equals(await storedPlain(path.join(dataDir, 'cases', relPath)))).toBe(true);
    expect(existsSync(copy)).toBe(true);
    closed!();
    await vi.waitFor(() => expect(existsSync(copy)).toBe(false));
  });

  it('refuses paths that leave the store: dot segments, absolute paths, other folders, links', async () => {
    const { dataDir, dispatch } = await generated();
    for (const relPath of ['../secret.pdf', '/etc/passwd.pdf', 'C:\\x\\y.pdf', `${CASE_ID}/../../x.pdf`, `${CASE_ID}/sub/x.pdf`, `${CASE_ID}/x.txt`, `${CASE_ID}\\doc-1.pdf`, `${CASE_ID}/.hidden.pdf`, '']) {
      const result = await dispatch('documents:open', { relPath }, testContext());
      expect(result, relPath).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    // A link planted inside the store pointing outside is not followed.
    const outside = mkdtempSync(path.join(tmpdir(), 'aryz-outside-'));
    dirs.push(outside);
    writeFileSync(path.join(outside, 'secret.pdf'), 'secret');
    symlinkSync(path.join(outside, 'secret.pdf'), path.join(dataDir, 'cases', CASE_ID, 'linked.pdf'));
    symlinkSync(outside, path.join(dataDir, 'cases', 'linkedcase'));
    for (const relPath of [`${CASE_ID}/linked.pdf`, 'linkedcase/secret.pdf']) {
      const openPath = vi.fn(async () => undefined);
      const result = await dispatch('documents:open', { relPath }, testContext({ openPath }));
      expect(result, relPath).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
      expect(openPath).not.toHaveBeenCalled();
    }
    // A folder where the file should be is not a document either.
    mkdirSync(path.join(dataDir, 'cases', CASE_ID, 'folder.pdf'));
    expect(await dispatch('documents:open', { relPath: `${CASE_ID}/folder.pdf` }, testContext())).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });
});
