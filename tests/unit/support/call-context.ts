import { vi } from 'vitest';
import type { CallContext } from '../../../electron/main/ipc/dispatch';

/**
 * A call context for handler tests: every window-bound action is a spy that fails loudly unless the test
 * supplies it, so a handler that unexpectedly opens a dialog is caught rather than silently answered.
 */
export function testContext(overrides: Partial<CallContext> = {}): CallContext {
  const unexpected = (name: string) => async () => {
    throw new Error(`unexpected ctx.${name} call`);
  };
  return {
    saveFile: vi.fn(unexpected('saveFile')),
    pickFiles: vi.fn(unexpected('pickFiles')),
    pickFolder: vi.fn(unexpected('pickFolder')),
    openPath: vi.fn(unexpected('openPath')),
    ...overrides,
  };
}
