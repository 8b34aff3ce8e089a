import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBatchWorkerCore } from '../../../../../electron/main/batch/worker-core';
import { defaultFontDir } from '../../../../../electron/main/pdf/fonts';
import { pdfBytes } from '../../../../fixtures/scans';
import { TEST_FILE_KEYS } from '../../../support/main-deps';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-merge-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function worker(dataDir: string) {
  const core = createBatchWorkerCore();
  await core.handle({ type: 'init', fontDir: defaultFontDir(), dataDir });
  return (files: string[]) => core.handle({ type: 'merge', taskId: 1, files, jobId: 'job-1', contentKey: TEST_FILE_KEYS.content.toString('base64') });
}

describe('batch merge sources', () => {
  it('merges stored documents', async () => {
    const dataDir = path.join(work, 'plain');
    mkdirSync(path.join(dataDir, 'cases', 'c1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'cases', 'c1', 'd1.pdf'), await pdfBytes(2));
    writeFileSync(path.join(dataDir, 'cases', 'c1', 'd2.pdf'), await pdfBytes(1));
    const merge = await worker(dataDir);
    expect(await merge(['c1/d1.pdf', 'c1/d2.pdf'])).toMatchObject({ ok: true, file: { pages: 3 } });
  });

  it('[fault] refuses a case folder or a file that is a link out of the store', async () => {
    const outside = path.join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'd1.pdf'), await pdfBytes(1));
    const dataDir = path.join(work, 'linked');
    mkdirSync(path.join(dataDir, 'cases', 'c2'), { recursive: true });
    symlinkSync(outside, path.join(dataDir, 'cases', 'c1'));
    symlinkSync(path.join(outside, 'd1.pdf'), path.join(dataDir, 'cases', 'c2', 'd1.pdf'));
    const merge = await worker(dataDir);
    for (const source of ['c1/d1.pdf', 'c2/d1.pdf']) {
      const answer = await merge([source]);
      expect(answer, source).toMatchObject({ ok: false });
    }
  });
});
