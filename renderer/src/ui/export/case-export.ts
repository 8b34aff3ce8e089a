import { isoFromParts } from '../../../../shared/case/dates';
import { formatPartialDate } from '../../../../shared/case/dates';
import type { ExportCell, ExportColumn } from '../../../../shared/ipc/channels/export';
import { NO_DEADLINE } from '../../data/schema';
import type { CaseListRow } from '../../data/cases/case-index.cache';
import { openCaseList, type CaseQuery } from '../../data/cases/list-query.repo';
import type { RowSource } from './run-export';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const CASE_COLUMNS = [
  ['number', 'text', 16],
  ['nameRu', 'text', 34],
  ['nameKy', 'text', 34],
  ['nameLat', 'text', 34],
  ['birthDate', 'date', 13],
  ['pin', 'text', 17],
  ['document', 'text', 14],
  ['status', 'text', 22],
  ['region', 'text', 26],
  ['caseworker', 'text', 28],
  ['nextDeadline', 'date', 13],
  ['createdAt', 'date', 13],
  ['updatedAt', 'date', 13],
] as const;

export function caseColumns(t: Translate): ExportColumn[] {
  return CASE_COLUMNS.map(([key, kind, width]) => ({ header: t(`export.cases.${key}`), kind, width }));
}

/** A partial birth date cannot be a spreadsheet date; it goes as text (03.1990, 1990). */
function birthCell(birth: CaseListRow['summary']['birthDate']): ExportCell {
  if (birth.month !== undefined && birth.day !== undefined) return isoFromParts(birth.year, birth.month, birth.day);
  return formatPartialDate(birth);
}

export function caseCells(row: CaseListRow, t: Translate): ExportCell[] {
  return [
    row.number,
    row.summary.nameRu,
    row.summary.nameKy,
    row.summary.nameLat,
    birthCell(row.summary.birthDate),
    row.summary.pin,
    row.summary.document,
    t(`cases.status.${row.status}`),
    row.region,
    row.caseworker,
    row.nextDeadline === NO_DEADLINE ? null : row.nextDeadline,
    row.createdAt.slice(0, 10),
    row.updatedAt.slice(0, 10),
  ];
}

/** Exactly the rows the case list shows for this query, in its order — all of them, not only those on screen. */
export async function caseRowSource(query: CaseQuery, t: Translate): Promise<RowSource> {
  const handle = await openCaseList(query);
  return { total: handle.count, page: async (offset, limit) => (await handle.page(offset, limit)).map((row) => caseCells(row, t)) };
}
