import { contextBridge, ipcRenderer } from 'electron';
import type { AryzApi } from '../../shared/ipc/contract';

// One named function per API method, spelled out: the page never gets ipcRenderer or a generic invoke.
const api = {
  getAppInfo: (request) => ipcRenderer.invoke('app:info', request),
  exportMissionCard: (request) => ipcRenderer.invoke('documents:exportMissionCard', request),
  getFactoryReference: (request) => ipcRenderer.invoke('reference:factory', request),
  exportReference: (request) => ipcRenderer.invoke('reference:export', request),
  exportTransfer: (request) => ipcRenderer.invoke('transfer:export', request),
  pickTransfer: (request) => ipcRenderer.invoke('transfer:pick', request),
  openTransfer: (request) => ipcRenderer.invoke('transfer:open', request),
  storeTransferFiles: (request) => ipcRenderer.invoke('transfer:storeFiles', request),
  discardTransfer: (request) => ipcRenderer.invoke('transfer:discard', request),
  getBackupStatus: (request) => ipcRenderer.invoke('backup:status', request),
  setBackupPassphrase: (request) => ipcRenderer.invoke('backup:setPassphrase', request),
  chooseBackupFolder: (request) => ipcRenderer.invoke('backup:chooseFolder', request),
  resetBackupFolder: (request) => ipcRenderer.invoke('backup:useDefaultFolder', request),
  beginBackup: (request) => ipcRenderer.invoke('backup:begin', request),
  appendBackup: (request) => ipcRenderer.invoke('backup:append', request),
  finishBackup: (request) => ipcRenderer.invoke('backup:finish', request),
  abortBackup: (request) => ipcRenderer.invoke('backup:abort', request),
  pickRestoreFile: (request) => ipcRenderer.invoke('backup:restorePick', request),
  openRestore: (request) => ipcRenderer.invoke('backup:restoreOpen', request),
  readRestore: (request) => ipcRenderer.invoke('backup:restoreRead', request),
  commitRestore: (request) => ipcRenderer.invoke('backup:restoreCommit', request),
  cancelRestore: (request) => ipcRenderer.invoke('backup:restoreCancel', request),
} satisfies AryzApi;

contextBridge.exposeInMainWorld('aryz', api);
