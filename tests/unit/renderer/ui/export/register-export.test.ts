import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import type { OutgoingRow } from '../../../../../renderer/src/data/schema';
import { registerColumns, registerRowSource } from '../../../../../renderer/src/ui/export/register-export';
import { runExport } from '../../../../../renderer/src/ui/export/run-export';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { freshDb } from '../../../support/db-fixtures';

const t = (key: string) => key;

function outgoing(seq: number, over: Partial<OutgoingRow> = {}): OutgoingRow {
  return {
    number: `КР-М-26/${seq}`,
    seq,
    year: 2026,
    date: `2026-11-${String(seq).padStart(2, '0')}`,
    caseId: `c${seq}`,
    caseNumber: `КР-М-26-0000${seq}`,
    personName: `Асанов ${seq}`,
    documentId: `d${seq}`,
    addressee: seq % 2 ? 'ГУ МВД России по г. Москве' : 'УВМ МВД по Свердловской области',
    title: 'Запрос о причинах включения в реестр',
    status: seq === 3 ? 'void' : 'registered',
    voidReason: seq === 3 ? 'Ошибка в адресате' : '',
    ...over,
  };
}

describe('register export', () => {
  it('exports the rows of the register filter, in register order, with real dates', async () => {
    const db = freshDb();
    await db.outgoing.bulkAdd([outgoing(4), outgoing(1), outgoing(3), outgoing(2), outgoing(5)]);
    const source = await registerRowSource({ addressee: 'москве' }, t);
    expect(source.total).toBe(3);
    const cells = await source.page(0, 10);
    expect(cells.map((c) => c[0])).toEqual(['КР-М-26/1', 'КР-М-26/3', 'КР-М-26/5']);
    expect(cells[1]).toEqual(['КР-М-26/3', '2026-11-03', 'КР-М-26-00003', 'Асанов 3', 'ГУ МВД России по г. Москве', 'Запрос о причинах включения в реестр', 'export.registerStatus.void', 'Ошибка в адресате']);

    const saved: Uint8Array[] = [];
    const dispatch = createDispatcher(createHandlers(testMainDeps('/tmp', { now: () => new Date() })));
    const ctx = testContext({ saveFile: vi.fn(async ({ defaultName, data }) => (saved.push(data), { status: 'saved' as const, fileName: defaultName })) });
    const call = (channel: string) => (request: unknown) => dispatch(channel, request, ctx);
    const api = { beginExport: call('export:begin'), sendExportRows: call('export:rows'), finishExport: call('export:finish'), cancelExport: call('export:cancel') } as unknown as AryzApi;
    const outcome = await runExport(api, { format: 'xlsx', fileName: 'Реестр', sheetName: 'Реестр', columns: registerColumns(t) }, source);
    expect(outcome).toMatchObject({ status: 'saved', rows: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(saved[0]!) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('export.register.number');
    expect(sheet.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 10, 3)));
    expect(sheet.getCell('H3').value).toBe('Ошибка в адресате');
  });
});
