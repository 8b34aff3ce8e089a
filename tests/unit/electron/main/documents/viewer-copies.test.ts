import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { defaultViewerTempDir, ViewerCopies, ViewerFolderError } from '../../../../../electron/main/documents/viewer-copies';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-viewer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PDF = Buffer.from('%PDF-1.7 Үсөнов Маңызбек');
let n = 0;
const root = () => path.join(work, `root-${(n += 1)}`);

describe('plain copies for the system viewer and the print window', () => {
  it('writes an owner-only copy that goes after the delay (the viewer’s exit cannot be seen)', async () => {
    vi.useFakeTimers();
    try {
      const copies = new ViewerCopies(root(), 60_000);
      const file = await copies.writeForViewer('doc-1.pdf', PDF);
      expect(readFileSync(file).equals(PDF)).toBe(true);
      if (process.platform !== 'win32') {
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(statSync(copies.root).mode & 0o777).toBe(0o700);
      }
      await vi.advanceTimersByTimeAsync(59_000);
      expect(existsSync(file)).toBe(true);
      await vi.advanceTimersByTimeAsync(2_000);
      vi.useRealTimers();
      await vi.waitFor(() => expect(existsSync(file)).toBe(false));
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes a print copy when told (the print window closed), and everything at quit', async () => {
    const copies = new ViewerCopies(root());
    const print = await copies.write('doc-2.pdf', PDF);
    const view = await copies.writeForViewer('doc-3.pdf', PDF);
    await print.remove();
    expect(existsSync(print.file)).toBe(false);
    expect(existsSync(view)).toBe(true);
    await copies.clear();
    expect(existsSync(copies.root)).toBe(false);
  });

  it('[fault] clears what a crashed run left before its first copy', async () => {
    const dir = root();
    mkdirSync(path.join(dir, 'old'), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(dir, 'old', 'doc-9.pdf'), PDF);
    const copies = new ViewerCopies(dir);
    await copies.writeForViewer('doc-1.pdf', PDF);
    expect(existsSync(path.join(dir, 'old'))).toBe(false);
  });

  it.runIf(process.platform !== 'win32')('[fault] refuses a folder other accounts may enter, rather than write into it', async () => {
    const dir = root();
    const copies = new ViewerCopies(dir);
    await copies.writeForViewer('doc-1.pdf', PDF);
    chmodSync(dir, 0o777);
    await expect(copies.writeForViewer('doc-2.pdf', PDF)).rejects.toBeInstanceOf(ViewerFolderError);
  });

  it('keeps each data dir’s copies in a folder of its own under the OS temp dir', () => {
    expect(path.dirname(defaultViewerTempDir('/a'))).toBe(tmpdir());
    expect(defaultViewerTempDir('/a')).not.toBe(defaultViewerTempDir('/b'));
  });
});
