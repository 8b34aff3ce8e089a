import { contextBridge, ipcRenderer } from 'electron';
import type { AryzApi } from '../../shared/ipc/contract';

// One named function per API method, spelled out: the page never gets ipcRenderer or a generic invoke.
const api = {
  getAppInfo: (request) => ipcRenderer.invoke('app:info', request),
  exportMissionCard: (request) => ipcRenderer.invoke('documents:exportMissionCard', request),
  getFactoryReference: (request) => ipcRenderer.invoke('reference:factory', request),
  exportReference: (request) => ipcRenderer.invoke('reference:export', request),
  pickAttachments: (request) => ipcRenderer.invoke('attachments:pick', request),
  addAttachment: (request) => ipcRenderer.invoke('attachments:add', request),
  readAttachment: (request) => ipcRenderer.invoke('attachments:read', request),
  purgeAttachments: (request) => ipcRenderer.invoke('attachments:purge', request),
  generateDocument: (request) => ipcRenderer.invoke('documents:generate', request),
  openDocument: (request) => ipcRenderer.invoke('documents:open', request),
  saveDocumentAs: (request) => ipcRenderer.invoke('documents:saveAs', request),
  printDocument: (request) => ipcRenderer.invoke('documents:print', request),
  previewDocument: (request) => ipcRenderer.invoke('documents:preview', request),
  getFactoryTemplates: (request) => ipcRenderer.invoke('templates:factory', request),
  previewTemplate: (request) => ipcRenderer.invoke('templates:preview', request),
  openImportFile: (request) => ipcRenderer.invoke('import:open', request),
  readImportSheet: (request) => ipcRenderer.invoke('import:sheet', request),
  beginExport: (request) => ipcRenderer.invoke('export:begin', request),
  sendExportRows: (request) => ipcRenderer.invoke('export:rows', request),
  finishExport: (request) => ipcRenderer.invoke('export:finish', request),
  cancelExport: (request) => ipcRenderer.invoke('export:cancel', request),
} satisfies AryzApi;

contextBridge.exposeInMainWorld('aryz', api);
