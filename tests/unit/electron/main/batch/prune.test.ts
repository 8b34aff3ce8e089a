import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MERGED_KEEP_MS, pruneMergedFiles } from '../../../../../electron/main/batch/prune';
import { tempDir } from '../../../support/transfer-fixtures';

describe('merged batch PDFs', () => {
  it('are kept a week and then removed; nothing else in the folder is touched', async () => {
    const dataDir = await tempDir();
    const folder = path.join(dataDir, 'batches');
    await mkdir(folder, { recursive: true });
    const now = new Date('2026-11-26T09:00:00Z');
    const files = { 'old-job.pdf': 8, 'recent-job.pdf': 6, 'notes.txt': 30, 'odd name.pdf': 30 };
    for (const [name, daysAgo] of Object.entries(files)) {
      const file = path.join(folder, name);
      await writeFile(file, 'x');
      const at = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000);
      await utimes(file, at, at);
    }
    expect(await pruneMergedFiles(dataDir, now)).toBe(1);
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', 'odd name.pdf', 'recent-job.pdf']);
    // A second short of a week it stays; without the folder there is nothing to do.
    expect(await pruneMergedFiles(dataDir, new Date(now.getTime() + MERGED_KEEP_MS - 6 * 24 * 60 * 60 * 1000 - 1000))).toBe(0);
    expect(await pruneMergedFiles(await tempDir(), now)).toBe(0);
  });
});
