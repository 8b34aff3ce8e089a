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
  exportReportXlsx: (request) => ipcRenderer.invoke('reports:exportXlsx', request),
  exportReportPdf: (request) => ipcRenderer.invoke('reports:exportPdf', request),
} satisfies AryzApi;

contextBridge.exposeInMainWorld('aryz', api);
