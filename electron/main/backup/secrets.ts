/**
 * Where main keeps the backup passphrase so automatic backups run without asking. The desktop app uses the operating
 * system's protected storage (Electron safeStorage: DPAPI on Windows, Keychain, libsecret) and writes only the
 * OS-encrypted blob to disk; where that is unavailable — and always in browser mode — the passphrase lives in main's
 * memory until the process exits, and the settings screen says so. It is never written to IndexedDB or in clear.
 */
export interface SecretStore {
  readonly kind: 'os' | 'session';
  load(): Promise<string | null>;
  save(value: string): Promise<void>;
}

export function memorySecretStore(): SecretStore {
  let value: string | null = null;
  return {
    kind: 'session',
    load: async () => value,
    save: async (next) => {
      value = next;
    },
  };
}
