import type { REPORTS_CHANNELS, ReportDocument } from '../../../shared/ipc/channels/reports';
import type { MainDeps } from '../main-deps';
import type { HandlerTable } from '../ipc/dispatch';
import { sanitizeFileName } from '../file-name';
import { reportPdfDoc } from './pdf';
import { buildReportXlsx } from './xlsx';

type ReportsHandlers = Pick<HandlerTable, keyof typeof REPORTS_CHANNELS>;

const fileName = (doc: ReportDocument, extension: string) => sanitizeFileName(`${doc.fileName}.${extension}`, 120);

/** Exports of the reports screen: main builds the file from the page's tables and asks where to save it. */
export function createReportsHandlers(deps: MainDeps): ReportsHandlers {
  return {
    'reports:exportXlsx': async (request, ctx) => {
      const data = await buildReportXlsx(request, deps.now());
      const result = await ctx.saveFile({ defaultName: fileName(request, 'xlsx'), data, filterName: 'excel', extensions: ['xlsx'] });
      return { ...result, bytes: result.status === 'saved' ? data.byteLength : 0 };
    },
    'reports:exportPdf': async (request, ctx) => {
      const { pdf: data } = await deps.pdf.makePdf(reportPdfDoc(request, deps.now()));
      const result = await ctx.saveFile({ defaultName: fileName(request, 'pdf'), data, filterName: 'pdf', extensions: ['pdf'] });
      return { ...result, bytes: result.status === 'saved' ? data.byteLength : 0 };
    },
  };
}
