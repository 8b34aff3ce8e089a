import { safeStorage } from 'electron';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../save-file';
import { memorySecretStore, type SecretStore } from './secrets';

/**
 * The desktop app's passphrase store: the OS encrypts it (safeStorage) and only that blob is written, in main's data
 * dir. Where the OS offers no protected storage (Linux without a keyring: safeStorage would fall back to a hard-coded
 * key) the passphrase stays in memory for the session and the settings screen says it must be entered again.
 */
export function osSecretStore(dataDir: string): SecretStore {
  const usable = safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return memorySecretStore();
  const file = path.join(dataDir, 'backup-passphrase.bin');
  return {
    kind: 'os',
    async load() {
      const blob = await readFile(file).catch(() => null);
      if (!blob) return null;
      try {
        return safeStorage.decryptString(blob);
      } catch {
        // Another OS user or a reinstalled OS: the blob is useless; ask for the passphrase again.
        await unlink(file).catch(() => undefined);
        return null;
      }
    },
    async save(value) {
      await writeFileAtomic(file, safeStorage.encryptString(value));
    },
  };
}
