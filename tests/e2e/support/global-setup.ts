import { setAccountKdfForTests } from '../../../electron/main/accounts/key-wrap';
import { startBridge } from '../../bridge/server';

/** One bridge for the whole run; each test gets a fresh browser context, hence a fresh IndexedDB. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Every test signs in; a cheaper password derivation keeps that from costing seconds per test on a loaded
  // machine. Only this runner process's bridge uses it; the app, and the access spec's own bridge, keep full strength.
  setAccountKdfForTests({ N: 2 ** 12, r: 8, p: 1 });
  const bridge = await startBridge({ log: (line) => console.error(`[bridge] ${line}`) });
  process.env.ARYZ_BRIDGE_ORIGIN = bridge.origin;
  process.env.ARYZ_BRIDGE_TOKEN = bridge.token;
  process.env.ARYZ_BRIDGE_DATA = bridge.dataDir;
  return () => bridge.close();
}
