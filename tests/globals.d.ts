import type { AryzApi } from '../shared/ipc/contract';

// Browser specs reach the page's API directly to send it payloads the UI would never produce.
declare global {
  interface Window {
    aryz?: AryzApi;
  }
}
