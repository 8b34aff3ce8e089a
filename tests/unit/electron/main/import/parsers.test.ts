import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv, detectDelimiter } from '../../../../../electron/main/import/csv';
import { decodeText } from '../../../../../electron/main/import/decode';
import { createImportHandlers } from '../../../../../electron/main/import/handlers';
import { parseImportBytes } from '../../../../../electron/main/import/read-file';
import { MAX_CELL_CHARS, MAX_IMPORT_ROWS } from '../../../../../electron/main/import/table';
import { cellText, parseXlsx } from '../../../../../electron/main/import/xlsx';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../../../electron/main/handlers';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { cp1251, makeXlsx, PNG_BYTES, utf16le, utf8, withBom } from '../../../support/import-fixtures';

const LIST = 'Фамилия;Имя;Дата рождения\r\nАсанов;Бакыт;12.03.1990\r\nЁлкина;Айгүл;01.02.1985\r\n';

function table(result: ReturnType<typeof parseCsv>) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.value;
}

describe('CSV encodings', () => {
  it('reads UTF-8 with and without a BOM alike', () => {
    const a = table(parseCsv(withBom(LIST)));
    const b = table(parseCsv(utf8(LIST)));
    expect(a.headers).toEqual(['Фамилия', 'Имя', 'Дата рождения']);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[1]).toEqual(['Ёлкина', 'Айгүл', '01.02.1985']);
    expect(a.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1251 when the bytes are not UTF-8', () => {
    const text = 'Фамилия;Имя;№ паспорта\r\nЁлкин;Пётр;AN1234567\r\n';
    const parsed = table(parseCsv(cp1251(text)));
    expect(parsed.encoding).toBe('windows-1251');
    expect(parsed.headers).toEqual(['Фамилия', 'Имя', '№ паспорта']);
    expect(parsed.rows).toEqual([['Ёлкин', 'Пётр', 'AN1234567']]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text", tab-separated)', () => {
    const parsed = table(parseCsv(utf16le('Фамилия\tИмя\r\nҮсөнов\tАйсулуу\r\n')));
    expect(parsed.encoding).toBe('utf-16le');
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows).toEqual([['Үсөнов', 'Айсулуу']]);
  });

  it('decodeText never throws on arbitrary bytes', () => {
    expect(decodeText(new Uint8Array([0xff, 0x00, 0xc0, 0x80])).text).toBeTypeOf('string');
  });
});

describe('CSV delimiters, quotes and lines', () => {
  it.each([
    [';', 'a;b;c\n1;2;3\n4;5;6'],
    [',', 'a,b,c\n1,2,3\n4,5,6'],
    ['\t', 'a\tb\tc\n1\t2\t3\n4\t5\t6'],
  ])('detects %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    expect(table(parseCsv(utf8(text))).rows).toEqual([['1', '2', '3'], ['4', '5', '6']]);
  });

  it('prefers the delimiter that splits consistently over one that appears inside values', () => {
    const text = 'ФИО;Адрес\nАсанов Б.;г. Москва, ул. Ленина, д. 1\nИванов И.;г. Казань, ул. Баумана, д. 2\n';
    const parsed = table(parseCsv(utf8(text)));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows[0]).toEqual(['Асанов Б.', 'г. Москва, ул. Ленина, д. 1']);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'ФИО;Примечание\n"Асанов; Бакыт";"Сказал ""да""\nи ушёл"\n';
    expect(table(parseCsv(utf8(text))).rows).toEqual([['Асанов; Бакыт', 'Сказал "да"\nи ушёл']]);
  });

  it('skips empty and blank lines anywhere, and pads short rows', () => {
    const text = '\n\nФамилия;Имя;Пол\n\nАсанов;Бакыт\n;;\n   \nИванова;Анна;ж\n\n';
    const parsed = table(parseCsv(utf8(text)));
    expect(parsed.headers).toEqual(['Фамилия', 'Имя', 'Пол']);
    expect(parsed.rows).toEqual([['Асанов', 'Бакыт', ''], ['Иванова', 'Анна', 'ж']]);
    expect(parsed.totalRows).toBe(2);
    // Numbered as a spreadsheet shows them: the blank lines still count.
    expect(parsed.rowNumbers).toEqual([5, 8]);
  });

  it('a quoted line break does not shift the numbers of the rows after it', () => {
    const parsed = table(parseCsv(utf8('a;b\n"x\ny";1\nz;2\n')));
    expect(parsed.rowNumbers).toEqual([2, 3]);
  });

  it('cuts huge cells and an unterminated quote does not swallow the program', () => {
    const huge = 'x'.repeat(MAX_CELL_CHARS * 3);
    const parsed = table(parseCsv(utf8(`a;b\n${huge};1\n"never closed;2\n`)));
    expect(parsed.rows[0]![0]!.length).toBe(MAX_CELL_CHARS);
  });

  it('caps the rows and says how many the file had', () => {
    const lines = ['a;b', ...Array.from({ length: MAX_IMPORT_ROWS + 5 }, (_, i) => `${i};x`)].join('\n');
    const parsed = table(parseCsv(utf8(lines)));
    expect(parsed.rows.length).toBe(MAX_IMPORT_ROWS);
    expect(parsed.totalRows).toBe(MAX_IMPORT_ROWS + 5);
    expect(parsed.truncated).toBe(true);
  });

  it('refuses empty files and binary files with a reason', () => {
    expect(parseCsv(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(parseCsv(utf8('\n\n  \n;;;\n'))).toEqual({ ok: false, reason: 'empty' });
    expect(parseCsv(PNG_BYTES)).toEqual({ ok: false, reason: 'not_table' });
  });
});

describe('XLSX', () => {
  it('reads the first sheet: strings, numbers, dates as dd.mm.yyyy, formula results, rich text, hyperlinks', async () => {
    const bytes = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Список');
      ws.addRow(['Фамилия', 'Дата рождения', 'ПИН', 'Возраст', 'Примечание', 'Ссылка']);
      ws.addRow(['Асанов', new Date(Date.UTC(1990, 2, 12)), 21203199000123, { formula: '2026-1990', result: 36 }, { richText: [{ text: 'важно ' }, { text: 'срочно', font: { bold: true } }] }, { text: 'сайт', hyperlink: 'https://example.org' }]);
      ws.addRow(['Иванова', '01.02.1985', '', { formula: 'NA()', result: { error: '#N/A' } }, null, null]);
      ws.getCell('B2').numFmt = 'dd.mm.yyyy';
      wb.addWorksheet('Второй').addRow(['x']);
    });
    const parsed = await parseXlsx(bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.sheets).toEqual(['Список', 'Второй']);
    expect(parsed.value.headers).toEqual(['Фамилия', 'Дата рождения', 'ПИН', 'Возраст', 'Примечание', 'Ссылка']);
    expect(parsed.value.rows[0]).toEqual(['Асанов', '12.03.1990', '21203199000123', '36', 'важно срочно', 'сайт']);
    expect(parsed.value.rows[1]).toEqual(['Иванова', '01.02.1985', '', '', '', '']);
    expect(parsed.value.rowNumbers).toEqual([2, 3]);
  });

  it('reads a chosen sheet and refuses one that does not exist', async () => {
    const bytes = await makeXlsx((wb) => {
      wb.addWorksheet('A').addRow(['h']);
      const b = wb.addWorksheet('B');
      b.addRow(['Фамилия']);
      b.addRow(['Асанов']);
    });
    const parsed = await parseXlsx(bytes, 'B');
    expect(parsed.ok && parsed.value.rows).toEqual([['Асанов']]);
    expect(await parseXlsx(bytes, 'C')).toEqual({ ok: false, reason: 'no_sheet' });
  });

  it('keeps cells of sparse rows in their columns', async () => {
    const bytes = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b', 'c']);
      ws.getCell('C2').value = 'only c';
    });
    const parsed = await parseXlsx(bytes);
    expect(parsed.ok && parsed.value.rows).toEqual([['', '', 'only c']]);
  });

  it('refuses a PNG renamed .xlsx, a truncated zip, an old .xls and an empty workbook', async () => {
    expect(await parseXlsx(PNG_BYTES)).toEqual({ ok: false, reason: 'not_table' });
    const good = await makeXlsx((wb) => wb.addWorksheet('A').addRow(['h', 'i']));
    expect(await parseXlsx(good.subarray(0, Math.floor(good.length / 2)))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await parseXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, reason: 'old_excel' });
    expect(await parseXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, reason: 'corrupt' });
    const empty = await makeXlsx((wb) => wb.addWorksheet('A'));
    expect(await parseXlsx(empty)).toEqual({ ok: false, reason: 'empty' });
  });

  it('cellText is total over odd values', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ formula: 'A1' } as never)).toBe('');
    expect(cellText({ richText: [null, { text: 5 }] } as never)).toBe('');
  });
});

describe('by content, not by name', () => {
  it('reads a workbook named .csv as a workbook and a CSV named .xlsx is refused as not a table', async () => {
    const bytes = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('A');
      ws.addRow(['Фамилия']);
      ws.addRow(['Асанов']);
    });
    expect((await parseImportBytes(bytes, 'list.csv')).status).toBe('parsed');
    expect(await parseImportBytes(utf8('a;b\n1;2'), 'list.xlsx')).toMatchObject({ status: 'refused', reason: 'not_table' });
  });
});

describe('import channels', () => {
  const deps = testMainDeps('/tmp', { now: () => new Date() });

  it('answers canceled when the dialog is closed', async () => {
    const dispatch = createDispatcher(createHandlers(deps));
    const ctx = testContext({ pickFiles: vi.fn(async () => null) });
    await expect(dispatch('import:open', {}, ctx)).resolves.toEqual({ ok: true, value: { status: 'canceled' } });
  });

  it('reads the picked file, then another sheet of it by id; a file over the limit is refused with the limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aryz-import-'));
    const file = path.join(dir, 'list.xlsx');
    await writeFile(
      file,
      await makeXlsx((wb) => {
        wb.addWorksheet('A').addRow(['h']);
        const b = wb.addWorksheet('B');
        b.addRow(['Фамилия']);
        b.addRow(['Асанов']);
      }),
    );
    const dispatch = createDispatcher(createHandlers(deps));
    const opened = await dispatch('import:open', {}, testContext({ pickFiles: vi.fn(async () => [file]) }));
    if (!opened.ok || (opened.value as { status: string }).status !== 'parsed') throw new Error(JSON.stringify(opened));
    const value = opened.value as { fileId: string; sheets: string[]; sheet: string };
    expect(value.sheets).toEqual(['A', 'B']);
    const second = await dispatch('import:sheet', { fileId: value.fileId, sheet: 'B' }, testContext());
    expect(second).toMatchObject({ ok: true, value: { status: 'parsed', sheet: 'B', table: { rows: [['Асанов']] } } });
    expect(await dispatch('import:sheet', { fileId: 'a'.repeat(24), sheet: 'B' }, testContext())).toMatchObject({ ok: true, value: { status: 'refused', reason: 'expired' } });

    const big = path.join(dir, 'big.csv');
    await writeFile(big, Buffer.alloc(31 * 1024 * 1024, 0x41));
    const handlers = createImportHandlers(deps);
    await expect(handlers['import:open']({}, testContext({ pickFiles: vi.fn(async () => [big]) }))).resolves.toMatchObject({ status: 'refused', reason: 'too_large', limitMb: 30 });
  });
});
