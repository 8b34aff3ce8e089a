import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insideEncodedRun, scanForValues } from '../../tools/at-rest-scan';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aryz-scan-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('the at-rest scan', () => {
  it('sets aside a number that only turns up inside a hex digest, a sealed value\'s base64 or leveldb\'s log, and still finds it anywhere else', () => {
    const digest = `9f0c${'1234567'}ab3e4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9`;
    expect(insideEncodedRun(digest, 4, 7)).toBe(true);
    const sealed = `\u0000s1:VlMwK0rbmFOLN${'1234567'}ztI-XBr-Ya1rNjaiwXR-ev7p`;
    const aside: string[] = [];
    const onlyEncoded = folderWith({ 'audit.ldb': `{"hash":"${digest}","name":"${sealed}"}`, LOG: 'table #110@0: 490 keys, 1234567 bytes' });
    expect(scanForValues([onlyEncoded], ['1234567'], (value, file, why) => aside.push(`${path.basename(file)}: ${why}`))).toEqual([]);
    expect(aside.sort()).toEqual(['LOG: in leveldb\'s own log', 'audit.ldb: inside an encoded run', 'audit.ldb: inside an encoded run']);
    // A ПИН (digits only) that holds the number is no encoded run: found.
    expect(insideEncodedRun('x 21234567000123 y', 3, 7)).toBe(false);
    // The same number stored as a value (beside a digest, in a short hex-looking run, or in UTF-16) is a hit.
    const stored = folderWith({ 'rows.ldb': `{"hash":"${digest}","number":"1234567","id":"ab1234567c"}`, 'utf16.ldb': Buffer.from('№1234567', 'utf16le') });
    const hits = scanForValues([stored], ['1234567']);
    expect(hits.map((h) => [path.basename(h.file), h.encoding]).sort()).toEqual([
      ['rows.ldb', 'utf-8'],
      ['utf16.ldb', 'utf-16le'],
    ]);
  });
});
