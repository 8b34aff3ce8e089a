import { randomUUID } from 'node:crypto';
import { rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes next to the target and renames over it, so a crash or a full disk never leaves a half-written
 * file under the name the user chose. Each write has its own temporary name: two writes of the same file at
 * once (the same scan attached twice) must not collide on it.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
