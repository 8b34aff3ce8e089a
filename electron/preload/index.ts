import { contextBridge, ipcRenderer } from 'electron';
import type { AryzApi } from '../../shared/ipc/contract';

// One named function per API method, spelled out: the page never gets ipcRenderer or a generic invoke.
const api = {
  getAppInfo: (request) => ipcRenderer.invoke('app:info', request),
  exportMissionCard: (request) => ipcRenderer.invoke('documents:exportMissionCard', request),
  getFactoryReference: (request) => ipcRenderer.invoke('reference:factory', request),
  exportReference: (request) => ipcRenderer.invoke('reference:export', request),
  startBatch: (request) => ipcRenderer.invoke('batch:start', request),
  addBatchItems: (request) => ipcRenderer.invoke('batch:add', request),
  getBatchStatus: (request) => ipcRenderer.invoke('batch:status', request),
  cancelBatch: (request) => ipcRenderer.invoke('batch:cancel', request),
  mergeBatch: (request) => ipcRenderer.invoke('batch:merge', request),
  saveMergedBatch: (request) => ipcRenderer.invoke('batch:saveMerged', request),
  generateDocument: (request) => ipcRenderer.invoke('documents:generate', request),
  openDocument: (request) => ipcRenderer.invoke('documents:open', request),
  saveDocumentAs: (request) => ipcRenderer.invoke('documents:saveAs', request),
  printDocument: (request) => ipcRenderer.invoke('documents:print', request),
  previewDocument: (request) => ipcRenderer.invoke('documents:preview', request),
  getFactoryTemplates: (request) => ipcRenderer.invoke('templates:factory', request),
  previewTemplate: (request) => ipcRenderer.invoke('templates:preview', request),
} satisfies AryzApi;

contextBridge.exposeInMainWorld('aryz', api);
