import { startBridge } from '../../bridge/server';

/** One bridge for the whole run; each test gets a fresh browser context, hence a fresh IndexedDB. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const bridge = await startBridge({ log: (line) => console.error(`[bridge] ${line}`) });
  process.env.ARYZ_BRIDGE_ORIGIN = bridge.origin;
  process.env.ARYZ_BRIDGE_TOKEN = bridge.token;
  process.env.ARYZ_BRIDGE_DATA = bridge.dataDir;
  return () => bridge.close();
}
