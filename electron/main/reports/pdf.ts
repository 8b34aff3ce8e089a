import { formatDateRu } from '../../../shared/format/date';
import type { ReportCell, ReportDocument, ReportTable } from '../../../shared/ipc/channels/reports';
import type { Content, DocDefinition, TableCell } from '../pdf/types';
import { A4_HEIGHT, MM } from '../pdf/units';

// A4 landscape: the breakdowns have nine columns, and a region's name needs room.
const PAGE_MARGINS: [number, number, number, number] = [15 * MM, 15 * MM, 15 * MM, 18 * MM];
const PAGE_WIDTH = A4_HEIGHT;
const CONTENT_WIDTH = PAGE_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const CELL_PADDING_X = 4;
const NUMBER_WIDTH = 64;
/** A light grey that prints on any printer and keeps black text readable; no meaning is carried by colour. */
const HEADER_FILL = '#e6e6e6';

function cellText(cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
  return cell;
}

function tableContent(table: ReportTable): Content {
  const numeric = table.columns.map((c) => c.numeric);
  const textColumns = numeric.filter((n) => !n).length;
  const numberColumns = numeric.length - textColumns;
  const rules = (numeric.length + 1) * 0.5;
  const textWidth = Math.max(60, (CONTENT_WIDTH - numberColumns * (NUMBER_WIDTH + 2 * CELL_PADDING_X) - rules) / Math.max(1, textColumns) - 2 * CELL_PADDING_X);
  const row = (cells: readonly ReportCell[], bold: boolean): TableCell[] =>
    cells.map((cell, c) => ({ text: cellText(cell), alignment: numeric[c] ? 'right' : 'left', bold }));
  const body: TableCell[][] = [
    table.columns.map((column) => ({ text: column.label, bold: true, fontSize: 8, fillColor: HEADER_FILL, alignment: column.numeric ? 'center' : 'left' })),
    ...table.rows.map((cells) => row(cells, false)),
    ...(table.total ? [row(table.total, true)] : []),
  ];
  return {
    stack: [
      { text: table.title, bold: true, fontSize: 12, margin: [0, 12, 0, 6] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: numeric.map((n) => (n ? NUMBER_WIDTH : textWidth)), body },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          hLineColor: '#000000',
          vLineColor: '#000000',
          paddingLeft: () => CELL_PADDING_X,
          paddingRight: () => CELL_PADDING_X,
          paddingTop: () => 2,
          paddingBottom: () => 1,
        },
        fontSize: 9,
      },
    ],
  };
}

/**
 * The report as a PDF for the ministry: A4, the mission's name and the period in the title, the filters and
 * notes under it, then every table (the header row repeated on each page), and page numbers «n / N».
 */
export function reportPdfDoc(doc: ReportDocument, generatedAt: Date): DocDefinition {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    language: { ru: 'ru-RU', ky: 'ky-KG', en: 'en' }[doc.language],
    info: { title: `${doc.title} — ${doc.period}`, subject: doc.missionName, creator: 'Aryz', producer: 'Aryz', creationDate: generatedAt },
    defaultStyle: { fontSize: 10, lineHeight: 1.05 },
    content: [
      ...(doc.missionName ? [{ text: doc.missionName, bold: true, fontSize: 13, alignment: 'center' as const }] : []),
      { text: doc.title, bold: true, fontSize: 15, alignment: 'center', margin: [0, 6, 0, 2] },
      { text: doc.period, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 8] },
      ...doc.lines.filter((l) => l !== '').map((text) => ({ text, margin: [0, 0, 0, 2] as [number, number, number, number] })),
      { text: formatDateRu(generatedAt), alignment: 'right', fontSize: 9, margin: [0, 2, 0, 0] },
      ...doc.tables.map(tableContent),
    ],
    footer: (currentPage: number, pageCount: number) => ({ text: `${currentPage} / ${pageCount}`, alignment: 'center', fontSize: 9, margin: [0, 6, 0, 0] }),
  };
}
