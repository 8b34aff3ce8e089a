import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportBytes } from '../../../../../electron/main/import/read-file';
import { parseXlsx } from '../../../../../electron/main/import/xlsx';
import { xlsxInThread } from '../../../../../electron/main/import/xlsx-thread';
import { declaredUnpackedSize } from '../../../../../electron/main/import/zip-size';
import { MAX_XLSX_UNPACKED_MB } from '../../../../../shared/ipc/channels/import';
import { xlsxWorkerEntry } from '../../../../bridge/batch-worker';
import { makeXlsx } from '../../../support/import-fixtures';

let entry = '';
beforeAll(async () => {
  entry = await xlsxWorkerEntry({ fresh: true });
});
afterAll(() => rmSync(entry, { force: true }));

/** A real workbook whose central directory says one entry unpacks to `mb` megabytes. */
async function claimingSize(mb: number): Promise<Uint8Array> {
  const bytes = Buffer.from(await makeXlsx((wb) => wb.addWorksheet('A').addRow(['Фамилия', 'Имя'])));
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const start = bytes.readUInt32LE(eocd + 16);
  bytes.writeUInt32LE(mb * 1024 * 1024, start + 24);
  return new Uint8Array(bytes);
}

const bigList = () =>
  makeXlsx((wb) => {
    const ws = wb.addWorksheet('Список');
    ws.addRow(['Фамилия', 'Имя', 'Дата рождения', 'Паспорт', 'Адрес']);
    for (let i = 0; i < 15_000; i++) ws.addRow([`Асанов${i}`, 'Бакыт', '12.03.1990', `AC${1_000_000 + i}`, `г. Москва, ул. Ленина, д. ${i}`]);
  });

describe('workbook import bounds', () => {
  it('reads the sizes a zip declares from its central directory', async () => {
    const declared = declaredUnpackedSize(await makeXlsx((wb) => wb.addWorksheet('A').addRow(['a'])));
    expect(declared).toMatchObject({ ok: true });
    expect(declared.ok && declared.entries).toBeGreaterThan(3);
    expect(declared.ok && declared.unpackedBytes).toBeGreaterThan(1000);
    expect(declaredUnpackedSize(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ ok: false, reason: 'no_directory' });
  });

  it('[fault] refuses a workbook that says it unpacks past the cap before inflating anything', async () => {
    const bomb = await claimingSize(MAX_XLSX_UNPACKED_MB + 110);
    const started = performance.now();
    expect(await parseXlsx(bomb)).toEqual({ ok: false, reason: 'unpacked_too_large' });
    expect(performance.now() - started).toBeLessThan(100);
    expect(await parseImportBytes(bomb, 'list.xlsx')).toMatchObject({ status: 'refused', reason: 'unpacked_too_large', limitMb: MAX_XLSX_UNPACKED_MB });
  });

  it('parses in a worker thread: same table as in-process, and the event loop keeps running meanwhile', async () => {
    const list = await bigList();
    const inThread = xlsxInThread(entry);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const threaded = await inThread(list);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(threaded.ok && threaded.value.totalRows).toBe(15_000);
    // The loop was free: it ticked through most of the parse (a parse on the loop gives one tick at the end).
    expect(ticks).toBeGreaterThan(elapsed / 10 / 3);
    expect(threaded).toEqual(await parseXlsx(list));
  }, 60_000);

  it('[fault] a parse that outgrows its heap or its time is stopped and refused', async () => {
    const list = await bigList();
    expect(await xlsxInThread(entry, { maxHeapMb: 8 })(list)).toEqual({ ok: false, reason: 'unpacked_too_large' });
    expect(await xlsxInThread(entry, { timeoutMs: 5 })(list)).toEqual({ ok: false, reason: 'unpacked_too_large' });
  }, 60_000);
});
