/**
 * The operating system's own lock and sleep (Electron's powerMonitor: 'lock-screen' on Windows and macOS,
 * 'suspend' everywhere) lock the app at once, so a laptop closed in a hurry does not come back unlocked.
 */
export interface PowerEvents {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

export function lockOnOsEvents(power: PowerEvents, lock: (reason: string) => Promise<void>, log: (message: string, error?: unknown) => void = console.error): () => void {
  const onLockScreen = () => void lock('os_lock').catch((error) => log('Locking on the OS lock failed', error));
  const onSuspend = () => void lock('os_suspend').catch((error) => log('Locking on suspend failed', error));
  power.on('lock-screen', onLockScreen);
  power.on('suspend', onSuspend);
  return () => {
    power.removeListener('lock-screen', onLockScreen);
    power.removeListener('suspend', onSuspend);
  };
}
