import type { ExportCell, ExportColumn } from '../../../../shared/ipc/channels/export';
import type { OutgoingRow } from '../../data/schema';
import { registerRows, type RegisterFilter } from '../../data/documents/register.repo';
import type { RowSource } from './run-export';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const REGISTER_COLUMNS = [
  ['number', 'text', 18],
  ['date', 'date', 12],
  ['caseNumber', 'text', 16],
  ['person', 'text', 34],
  ['addressee', 'text', 40],
  ['title', 'text', 44],
  ['status', 'text', 16],
  ['voidReason', 'text', 30],
] as const;

export function registerColumns(t: Translate): ExportColumn[] {
  return REGISTER_COLUMNS.map(([key, kind, width]) => ({ header: t(`export.register.${key}`), kind, width }));
}

export function registerCells(row: OutgoingRow, t: Translate): ExportCell[] {
  return [row.number, row.date, row.caseNumber, row.personName, row.addressee, row.title, t(`export.registerStatus.${row.status}`), row.voidReason];
}

/** The register rows of the screen's filter, in register order — the same query the register screen shows. */
export async function registerRowSource(filter: RegisterFilter, t: Translate): Promise<RowSource> {
  const rows = await registerRows(filter);
  return { total: rows.length, page: async (offset, limit) => rows.slice(offset, offset + limit).map((row) => registerCells(row, t)) };
}
