import { createAccountsHandlers } from '../accounts/handlers';
import { AccountService } from '../accounts/store';
import { createAttachmentsHandlers } from '../attachments/handlers';
import { createBatchHandlers } from '../batch/handlers';
import type { BatchRunner } from '../batch/runner';
import { createDocumentsHandlers } from '../documents/handlers';
import { createBackupHandlers } from '../backup/handlers';
import type { SecretStore } from '../backup/secrets';
import type { HandlerTable } from '../ipc/dispatch';
import type { AppLog } from '../log/app-log';
import { supportFileName, supportInfoText } from '../log/support-info';
import type { UiLanguage } from '../../../shared/ipc/channels/app';
import type { PdfEngine } from '../pdf/engine';
import { missionCardDoc, missionCardFileName } from '../pdf/mission-card';
import { referenceFileName } from '../reference/export-name';
import { loadFactoryReference } from '../reference/factory';
import { createTemplatesHandlers } from '../templates/handlers';
import { createExportHandlers } from '../export/handlers';
import { createImportHandlers } from '../import/handlers';
import { createTransferHandlers } from '../transfer/handlers';
import { createReportsHandlers } from '../reports/handlers';

/** Everything the handlers need from their host; Electron and the test bridge each provide one. */
export interface MainDeps {
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  /** Folder of the factory reference data (resources/reference; extra resources when packaged). */
  referenceDir: string;
  /** Folder of the factory document templates (resources/templates); by default the one beside referenceDir. */
  templatesDir?: string;
  pdf: PdfEngine;
  now(): Date;
  /** Batch PDF generation in workers off the event loop; absent in hosts that run no batches (unit tests of other features). */
  batch?: BatchRunner;
  /** Desktop: shows a stored PDF with the system print dialog (never silent). Absent: printing opens the file. */
  printPdf?(absolutePath: string): Promise<void>;
  /** Keeps the backup passphrase (OS-protected in the desktop app, in memory in browser mode); default: memory. */
  secrets?: SecretStore;
  /** Accounts and the session (main's data folder); by default a store in dataDir. */
  accounts?: AccountService;
  /** The built workbook-parser thread entry (out/main/xlsx-worker.js); without it workbooks parse on the event loop. */
  xlsxWorkerEntry?: string;
  /** The app's log (redacted, rotating files in the data dir); read back by «Сведения для поддержки». */
  log?: AppLog;
  /** Desktop: the page's language for main's menu and dialogs. */
  setLanguage?(language: UiLanguage): void;
}

export function createHandlers(deps: MainDeps): HandlerTable {
  return {
    ...createDocumentsHandlers(deps),
    'app:info': async () => ({ version: deps.version, mode: deps.mode, dataDir: deps.dataDir }),
    'app:setLanguage': async ({ language }) => {
      deps.setLanguage?.(language);
      return {};
    },
    'app:saveSupportInfo': async (_request, ctx) => {
      const now = deps.now();
      const text = await supportInfoText(deps.log, { version: deps.version, mode: deps.mode, versions: process.versions, platform: process.platform, arch: process.arch, now });
      const data = new TextEncoder().encode(text);
      const saved = await ctx.saveFile({ defaultName: supportFileName(now), data, filterName: 'Text', extensions: ['txt'] });
      return { ...saved, bytes: saved.status === 'saved' ? data.byteLength : 0 };
    },

    'reference:factory': () => loadFactoryReference(deps.referenceDir),

    // The request schema has already checked that the text is a valid bundle; it is written as the page sent it.
    'reference:export': (request, ctx) =>
      ctx.saveFile({
        defaultName: referenceFileName(request.fileName, deps.now()),
        data: new TextEncoder().encode(request.json),
        filterName: 'JSON',
        extensions: ['json'],
      }),

    'documents:exportMissionCard': async (request, ctx) => {
      const data = await deps.pdf.render(missionCardDoc(request, deps.now()));
      const result = await ctx.saveFile({
        defaultName: missionCardFileName(request.mission),
        data,
        filterName: 'PDF',
        extensions: ['pdf'],
      });
      return { ...result, bytes: result.status === 'saved' ? data.byteLength : 0 };
    },

    ...createAccountsHandlers(deps.accounts ?? new AccountService(deps.dataDir, deps.now)),
    ...createAttachmentsHandlers(deps),
    ...createBatchHandlers(deps),
    ...createTemplatesHandlers(deps),
    ...createImportHandlers(deps),
    ...createExportHandlers(deps),
    ...createTransferHandlers(deps),
    ...createBackupHandlers(deps),
    ...createReportsHandlers(deps),
  };
}
