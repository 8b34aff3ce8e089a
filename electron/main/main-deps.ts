import type { UiLanguage } from '../../shared/ipc/channels/app';
import type { AccountService } from './accounts/store';
import type { SecretStore } from './backup/secrets';
import type { BatchRunner } from './batch/runner';
import type { FileKeysOf } from './crypto/session-keys';
import type { AppLog } from './log/app-log';
import type { PdfEngine } from './pdf/engine';

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
  printPdf?(absolutePath: string, onClosed?: () => void): Promise<void>;
  /** Keeps the backup passphrase (OS-protected in the desktop app, in memory in browser mode); default: memory. */
  secrets?: SecretStore;
  /** The built workbook-parser thread entry (out/main/xlsx-worker.js); without it workbooks parse on the event loop. */
  xlsxWorkerEntry?: string;
  /** Accounts and the session (main's data folder); by default a store in dataDir. */
  accounts?: AccountService;
  /**
   * The file keys of a window's unlocked session (derived from the data key it unwrapped). By default taken from
   * `accounts`; unit tests of single features may pass fixed keys.
   */
  fileKeys?: FileKeysOf;
  /** Where plain copies handed to the system viewer or printer live while that act lasts; default a private folder in the OS temp dir. */
  viewerTempDir?: string;
  /** The app's log (redacted, rotating files in the data dir); read back by «Сведения для поддержки». */
  log?: AppLog;
  /** Desktop: the page's language for main's menu and dialogs. */
  setLanguage?(language: UiLanguage): void;
}
