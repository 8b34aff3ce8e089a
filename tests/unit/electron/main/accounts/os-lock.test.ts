import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { setAccountKdfForTests } from '../../../../../electron/main/accounts/key-wrap';
import { lockOnOsEvents } from '../../../../../electron/main/accounts/os-lock';
import { AccountService } from '../../../../../electron/main/accounts/store';

// Electron's powerMonitor is an EventEmitter; the mock stands in for it as the desktop app passes it.
const powerMonitor = new EventEmitter();
vi.mock('electron', () => ({ powerMonitor }));

setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });

describe('the OS lock and sleep lock the app', () => {
  it.each(['lock-screen', 'suspend'] as const)('drops the data key on %s', async (event) => {
    const electron = await import('electron');
    const service = new AccountService(mkdtempSync(path.join(tmpdir(), 'aryz-oslock-')));
    await service.setup('w', { name: 'Админ', position: 'Консул', password: 'correct horse battery staple' });
    const stop = lockOnOsEvents(electron.powerMonitor as unknown as EventEmitter, (reason) => service.lockAll(reason));
    const locked = new Promise<void>((resolve) => service.onLock(resolve));
    electron.powerMonitor.emit(event);
    await locked;
    expect(service.dataKey('w')).toBeNull();
    const events = await service.status('w');
    expect(events.session?.locked).toBe(true);
    stop();
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });
});
