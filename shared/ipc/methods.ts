/**
 * Names of the functions on `window.aryz`, each bound to exactly one channel. Kept free of zod so that
 * code which only needs the names (the browser-mode adapter) does not build schemas.
 */
export const API_METHODS = {
  getAppInfo: 'app:info',
  setAppLanguage: 'app:setLanguage',
  saveSupportInfo: 'app:saveSupportInfo',
  exportMissionCard: 'documents:exportMissionCard',
  getFactoryReference: 'reference:factory',
  exportReference: 'reference:export',
  getAccountsStatus: 'accounts:status',
  setUpAccounts: 'accounts:setup',
  signIn: 'accounts:signIn',
  resumeSession: 'accounts:resume',
  lockSession: 'accounts:lock',
  signOut: 'accounts:signOut',
  changePassword: 'accounts:changePassword',
  addAccount: 'accounts:add',
  resetPassword: 'accounts:resetPassword',
  updateAccount: 'accounts:update',
  setIdleMinutes: 'accounts:setIdle',
  recoverAccount: 'accounts:recover',
  drainAuthEvents: 'accounts:drainEvents',
  pickAttachments: 'attachments:pick',
  addAttachment: 'attachments:add',
  readAttachment: 'attachments:read',
  purgeAttachments: 'attachments:purge',
  startBatch: 'batch:start',
  addBatchItems: 'batch:add',
  getBatchStatus: 'batch:status',
  cancelBatch: 'batch:cancel',
  mergeBatch: 'batch:merge',
  saveMergedBatch: 'batch:saveMerged',
  generateDocument: 'documents:generate',
  openDocument: 'documents:open',
  saveDocumentAs: 'documents:saveAs',
  printDocument: 'documents:print',
  previewDocument: 'documents:preview',
  getFactoryTemplates: 'templates:factory',
  previewTemplate: 'templates:preview',
  openImportFile: 'import:open',
  readImportSheet: 'import:sheet',
  beginExport: 'export:begin',
  sendExportRows: 'export:rows',
  finishExport: 'export:finish',
  cancelExport: 'export:cancel',
  exportTransfer: 'transfer:export',
  pickTransfer: 'transfer:pick',
  openTransfer: 'transfer:open',
  storeTransferFiles: 'transfer:storeFiles',
  discardTransfer: 'transfer:discard',
  getBackupStatus: 'backup:status',
  setBackupPassphrase: 'backup:setPassphrase',
  chooseBackupFolder: 'backup:chooseFolder',
  resetBackupFolder: 'backup:useDefaultFolder',
  beginBackup: 'backup:begin',
  appendBackup: 'backup:append',
  finishBackup: 'backup:finish',
  abortBackup: 'backup:abort',
  pickRestoreFile: 'backup:restorePick',
  openRestore: 'backup:restoreOpen',
  readRestore: 'backup:restoreRead',
  commitRestore: 'backup:restoreCommit',
  cancelRestore: 'backup:restoreCancel',
  exportReportXlsx: 'reports:exportXlsx',
  exportReportPdf: 'reports:exportPdf',
  getSyncStatus: 'sync:status',
  joinMission: 'sync:join',
  checkSyncApproval: 'sync:checkApproval',
  adoptMissionKey: 'sync:adoptKey',
  leaveMission: 'sync:leave',
  syncPull: 'sync:pull',
  syncPush: 'sync:push',
  syncWait: 'sync:wait',
  nextMissionRegisterNumber: 'sync:registerNext',
} as const;

/**
 * Methods whose handler asks the user to pick files to read. In the desktop app main shows the native open
 * dialog; the browser-mode adapter needs to know in advance so it can show the page's file chooser first.
 * Keyed by method name; the handler passes the same options to `ctx.pickFiles`.
 */
export const FILE_PICKS: { readonly [method: string]: { readonly filterName: DialogFilter; readonly extensions: readonly string[]; readonly multiple: boolean } } = {
  pickAttachments: { filterName: 'scans', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'], multiple: true },
  openImportFile: { filterName: 'table', extensions: ['csv', 'txt', 'xlsx'], multiple: false },
  pickTransfer: { filterName: 'transfer', extensions: ['aryzt'], multiple: false },
  pickRestoreFile: { filterName: 'backup', extensions: ['aryzbak'], multiple: false },
};

/**
 * The kinds of file a save or open dialog filters for. Handlers name the kind; main words it in the
 * interface's language (electron/main/shell/strings.ts), so the dialog's filter reads like the rest of the app.
 */
export const DIALOG_FILTERS = ['text', 'json', 'pdf', 'csv', 'excel', 'table', 'scans', 'backup', 'transfer'] as const;
export type DialogFilter = (typeof DIALOG_FILTERS)[number];
