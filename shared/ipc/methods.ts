/**
 * Names of the functions on `window.aryz`, each bound to exactly one channel. Kept free of zod so that
 * code which only needs the names (the browser-mode adapter) does not build schemas.
 */
export const API_METHODS = {
  getAppInfo: 'app:info',
  exportMissionCard: 'documents:exportMissionCard',
  getFactoryReference: 'reference:factory',
  exportReference: 'reference:export',
} as const;
