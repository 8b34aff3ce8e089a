/**
 * Names of the functions on `window.aryz`, each bound to exactly one channel. Kept free of zod so that
 * code which only needs the names (the browser-mode adapter) does not build schemas.
 */
export const API_METHODS = {
  getAppInfo: 'app:info',
  exportMissionCard: 'documents:exportMissionCard',
  getFactoryReference: 'reference:factory',
  exportReference: 'reference:export',
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
} as const;

/**
 * Methods whose handler asks the user to pick files to read. In the desktop app main shows the native open
 * dialog; the browser-mode adapter needs to know in advance so it can show the page's file chooser first.
 * Keyed by method name; the handler passes the same options to `ctx.pickFiles`.
 */
export const FILE_PICKS: { readonly [method: string]: { readonly filterName: string; readonly extensions: readonly string[]; readonly multiple: boolean } } = {};
