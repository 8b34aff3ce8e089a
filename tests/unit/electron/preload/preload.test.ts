import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../../shared/ipc/contract';

const exposed = vi.hoisted(() => ({ key: '', api: null as Record<string, unknown> | null }));
const invoke = vi.hoisted(() => vi.fn(async (channel: string) => ({ ok: true, value: channel })));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

describe('preload', () => {
  it('exposes exactly the named API methods on window.aryz, each bound to its own channel', async () => {
    await import('../../../../electron/preload/index');
    expect(exposed.key).toBe('aryz');
    const api = exposed.api!;
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    for (const [method, channel] of Object.entries(API_METHODS)) {
      expect(typeof api[method]).toBe('function');
      const payload = { probe: method };
      await expect((api[method] as (p: unknown) => Promise<unknown>)(payload)).resolves.toEqual({ ok: true, value: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, payload);
    }
    expect(Object.values(api).some((value) => value === invoke)).toBe(false);
  });
});
