import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { neutralizeFormula } from '../../../../../electron/main/export/build';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import type { ExportColumn } from '../../../../../shared/ipc/channels/export';
import { runExport } from '../../../../../renderer/src/ui/export/run-export';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';

const deps = testMainDeps('/tmp', { now: () => new Date() });

const COLUMNS: ExportColumn[] = [
  { header: '№ дела', kind: 'text', width: 16 },
  { header: 'Ф.И.О.', kind: 'text', width: 30 },
  { header: 'Дата рождения', kind: 'date', width: 13 },
  { header: 'Сумма', kind: 'number', width: 8 },
];

/** The API as the page sees it, over the real dispatcher and handlers; saved files are captured. */
function pageApi() {
  const saved: { name: string; data: Uint8Array }[] = [];
  const dispatch = createDispatcher(createHandlers(deps));
  const ctx = testContext({
    saveFile: vi.fn(async ({ defaultName, data }) => {
      saved.push({ name: defaultName, data });
      return { status: 'saved' as const, fileName: defaultName };
    }),
  });
  const call = (channel: string) => (request: unknown) => dispatch(channel, request, ctx);
  const api = {
    beginExport: call('export:begin'),
    sendExportRows: call('export:rows'),
    finishExport: call('export:finish'),
    cancelExport: call('export:cancel'),
  } as unknown as Pick<AryzApi, 'beginExport' | 'sendExportRows' | 'finishExport' | 'cancelExport'>;
  return { api, saved, dispatch, ctx };
}

const sampleRows = (n: number) =>
  Array.from({ length: n }, (_, i) => [`КР-М-26-${String(i + 1).padStart(5, '0')}`, i === 0 ? 'Асанов; "Бакыт"\nуулу' : `Үсөнов ${i}`, i % 2 === 0 ? '1990-03-12' : '03.1990', i] as (string | number | null)[]);

const source = (rows: (string | number | null)[][]) => ({ total: rows.length, page: async (offset: number, limit: number) => rows.slice(offset, offset + limit) });

describe('XLSX export', () => {
  it('bold frozen header, column widths, dates as real dates shown dd.mm.yyyy, partial dates as text', async () => {
    const { api, saved } = pageApi();
    const outcome = await runExport(api, { format: 'xlsx', fileName: 'Дела 2026-11-26', sheetName: 'Дела', columns: COLUMNS }, source(sampleRows(5)), { chunk: 2 });
    expect(outcome).toEqual({ status: 'saved', fileName: 'Дела 2026-11-26.xlsx', rows: 5 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved[0]!.data) as never);
    const sheet = workbook.getWorksheet('Дела')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '№ дела', 'Ф.И.О.', 'Дата рождения', 'Сумма']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(30);
    const date = sheet.getCell('C2');
    expect(date.value).toEqual(new Date(Date.UTC(1990, 2, 12)));
    expect(date.numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('C3').value).toBe('03.1990');
    expect(sheet.getCell('B2').value).toBe('Асанов; "Бакыт"\nуулу');
    expect(sheet.getCell('D3').value).toBe(1);
    expect(sheet.rowCount).toBe(6);
  });

  it('100,000 rows go in chunks and come back whole', async () => {
    const { api, saved } = pageApi();
    const rows = sampleRows(100_000);
    const progress: number[] = [];
    const outcome = await runExport(api, { format: 'xlsx', fileName: 'big', sheetName: 'Дела', columns: COLUMNS }, source(rows), { onProgress: (done) => progress.push(done) });
    expect(outcome).toMatchObject({ status: 'saved', rows: 100_000 });
    expect(progress.length).toBe(51);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved[0]!.data) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(100_001);
    expect(sheet.getCell('A100001').value).toBe('КР-М-26-100000');
  }, 120_000);
});

describe('CSV export', () => {
  it('UTF-8 with BOM, `;`, CRLF, quoted cells, dd.mm.yyyy dates, decimal comma, formulas neutralised', async () => {
    const { api, saved } = pageApi();
    const rows = sampleRows(3);
    rows[1]![1] = '=HYPERLINK("http://x")';
    rows[2]![1] = '+996 555 123-456';
    rows[2]![3] = 2.5;
    await runExport(api, { format: 'csv', fileName: 'Дела.csv', sheetName: 'Дела', columns: COLUMNS }, source(rows));
    const bytes = saved[0]!.data;
    expect(saved[0]!.name).toBe('Дела.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.startsWith('№ дела;Ф.И.О.;Дата рождения;Сумма\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ['№ дела', 'Ф.И.О.', 'Дата рождения', 'Сумма'],
      ['КР-М-26-00001', 'Асанов; "Бакыт"\nуулу', '12.03.1990', '0'],
      ['КР-М-26-00002', `'=HYPERLINK("http://x")`, '03.1990', '1'],
      ['КР-М-26-00003', '+996 555 123-456', '12.03.1990', '2,5'],
    ]);
  });

  it('neutralizeFormula keeps numbers and phones', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('+7 (495) 000-00-00')).toBe('+7 (495) 000-00-00');
    expect(neutralizeFormula('-cmd|calc')).toBe("'-cmd|calc");
    expect(neutralizeFormula('Асанов')).toBe('Асанов');
  });
});

describe('export sessions', () => {
  it('refuses rows for an unknown or cancelled export and rows of the wrong width', async () => {
    const { dispatch, ctx } = pageApi();
    const begun = await dispatch('export:begin', { format: 'csv', fileName: 'x', sheetName: 'x', columns: COLUMNS }, ctx);
    const exportId = (begun as { value: { exportId: string } }).value.exportId;
    expect(await dispatch('export:rows', { exportId, rows: [['a']] }, ctx)).toEqual({ ok: true, value: { status: 'refused', reason: 'row_width' } });
    expect(await dispatch('export:cancel', { exportId }, ctx)).toEqual({ ok: true, value: { status: 'canceled' } });
    expect(await dispatch('export:rows', { exportId, rows: [] }, ctx)).toEqual({ ok: true, value: { status: 'refused', reason: 'unknown_export' } });
    expect(await dispatch('export:finish', { exportId }, ctx)).toEqual({ ok: true, value: { status: 'refused', reason: 'unknown_export' } });
    expect(await dispatch('export:begin', { format: 'csv', fileName: '../x', sheetName: 'x', columns: COLUMNS }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('a stopped export saves nothing', async () => {
    const { api, saved } = pageApi();
    let asked = 0;
    const outcome = await runExport(api, { format: 'xlsx', fileName: 'x', sheetName: 'x', columns: COLUMNS }, source(sampleRows(10)), { chunk: 2, shouldStop: () => ++asked > 2 });
    expect(outcome).toEqual({ status: 'stopped' });
    expect(saved).toEqual([]);
  });
});
