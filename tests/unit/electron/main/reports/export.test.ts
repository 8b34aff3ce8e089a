import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { sheetNames } from '../../../../../electron/main/reports/xlsx';
import type { ReportDocument } from '../../../../../shared/ipc/channels/reports';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const deps = testMainDeps(work, { now: () => new Date('2026-03-02T09:00:00Z') });
const dispatch = createDispatcher(createHandlers(deps), () => undefined);

const COLUMNS = ['Месяц', 'Принято', 'Исключены', 'Отказ', 'Выехали из России', 'Закрыты', 'Возобновлены', 'Открыто на конец месяца'];

const DOC: ReportDocument = {
  title: 'Отчёт о работе по реестру контролируемых лиц',
  missionName: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  period: '01.2025 – 03.2025',
  lines: ['Регион: Свердловская область', 'Без истории статусов: 1 дело'],
  fileName: 'Отчёт 01.2025–03.2025',
  language: 'ru',
  tables: [
    {
      title: 'По месяцам',
      columns: COLUMNS.map((label, i) => ({ label, numeric: i > 0 })),
      rows: [
        ['01.2025', 2, 2, 0, 0, 1, 0, 2],
        ['02.2025', 2, 1, 0, 1, 0, 1, 3],
        ['03.2025', 1, 2, 1, 0, 0, 0, 1],
      ],
      total: ['Итого', 5, 5, 1, 1, 1, 1, 1],
    },
    {
      title: 'По причинам: Өңдөлгөн маалымат',
      columns: [
        { label: 'Причина', numeric: false },
        { label: 'Медиана, дней', numeric: true },
      ],
      rows: [
        ['Не диагностировано', 26],
        ['Работодатель не уведомил МВД', 35.5],
        ['Үй-бүлө: ң ө ү', null],
      ],
    },
  ],
};

function saving() {
  const saved: { name?: string; data?: Uint8Array } = {};
  const ctx = testContext({
    saveFile: vi.fn(async (request) => {
      saved.name = request.defaultName;
      saved.data = request.data;
      return { status: 'saved' as const, fileName: request.defaultName };
    }),
  });
  return { saved, ctx };
}

describe('report exports built by main', () => {
  it('writes an XLSX with one sheet per table, a bold frozen header and numbers as numbers', async () => {
    const { saved, ctx } = saving();
    const result = await dispatch('reports:exportXlsx', DOC, ctx);
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', fileName: 'Отчёт 01.2025–03.2025.xlsx' } });
    expect(saved.name).toBe('Отчёт 01.2025–03.2025.xlsx');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved.data!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['По месяцам', 'По причинам Өңдөлгөн маалымат']);
    const months = workbook.getWorksheet('По месяцам')!;
    expect(months.getRow(1).values).toEqual([undefined, ...COLUMNS]);
    expect(months.getRow(1).font?.bold).toBe(true);
    expect(months.getCell('A1').font?.bold).toBe(true);
    expect(months.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(months.getRow(3).values).toEqual([undefined, '02.2025', 2, 1, 0, 1, 0, 1, 3]);
    expect(months.getRow(5).values).toEqual([undefined, 'Итого', 5, 5, 1, 1, 1, 1, 1]);
    expect(months.getRow(5).font?.bold).toBe(true);
    expect(months.rowCount).toBe(5);
    const causes = workbook.worksheets[1]!;
    expect(causes.getCell('B3').value).toBe(35.5);
    expect(causes.getCell('A4').value).toBe('Үй-бүлө: ң ө ү');
    expect(causes.getCell('B4').value).toBeNull();
    expect(workbook.title).toBe(DOC.title);
  });

  it('writes an A4 PDF with the mission, the period, every table and page numbers', async () => {
    const { saved, ctx } = saving();
    const many: ReportDocument = {
      ...DOC,
      tables: [...DOC.tables, { title: 'По регионам', columns: [{ label: 'Регион', numeric: false }, { label: 'Принято', numeric: true }], rows: Array.from({ length: 80 }, (_, i) => [`Регион № ${i + 1}`, i]) }],
    };
    const result = await dispatch('reports:exportPdf', many, ctx);
    expect(result).toMatchObject({ ok: true, value: { status: 'saved', fileName: 'Отчёт 01.2025–03.2025.pdf' } });
    const file = path.join(work, 'report.pdf');
    writeFileSync(file, saved.data!);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(flat).toContain('Кыргыз Республикасынын Россия Федерациясындагы Элчилиги');
    expect(flat).toContain('Отчёт о работе по реестру контролируемых лиц');
    expect(flat).toContain('01.2025 – 03.2025');
    expect(flat).toContain('Регион: Свердловская область');
    expect(flat).toContain('02.03.2026');
    expect(text).toMatch(/02\.2025\s+2\s+1\s+0\s+1\s+0\s+1\s+3/);
    expect(text).toMatch(/Итого\s+5\s+5\s+1\s+1\s+1\s+1\s+1/);
    expect(text).toMatch(/Работодатель не уведомил МВД\s+35,5/);
    expect(flat).toContain('Үй-бүлө: ң ө ү');
    expect(flat).toContain('Регион № 80');
    for (let p = 1; p <= pages; p++) expect(flat).toMatch(new RegExp(`\\b${p}\\s*/\\s*${pages}\\b`));
    expect(flat).toContain('Возобновлены');
  });

  it('refuses a table whose rows do not match its columns, before building anything', async () => {
    const { ctx } = saving();
    const bad = { ...DOC, tables: [{ ...DOC.tables[0]!, rows: [['01.2025', 1]] }] };
    const result = await dispatch('reports:exportPdf', bad, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'tables.0.rows.0' }] } });
    expect(ctx.saveFile).not.toHaveBeenCalled();
  });

  it('drops control characters XML cannot carry, so Excel opens the file', async () => {
    const { saved, ctx } = saving();
    const table = { title: 'Ta\u0001ble', columns: [{ label: 'A\u0000', numeric: false }], rows: [['x\u0007y']] };
    expect(await dispatch('reports:exportXlsx', { ...DOC, tables: [table] }, ctx)).toMatchObject({ ok: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved.data!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Table');
    expect(sheet.getRow(1).values).toEqual([undefined, 'A']);
    expect(sheet.getCell('A2').value).toBe('xy');
  });

  it('makes sheet names Excel accepts: no forbidden characters, at most 31, unique', () => {
    expect(sheetNames(['a/b:c', 'A B C', 'x'.repeat(40), 'x'.repeat(40), ''])).toEqual(['a b c', 'A B C (2)', 'x'.repeat(31), `${'x'.repeat(27)} (2)`, '5']);
  });
});
