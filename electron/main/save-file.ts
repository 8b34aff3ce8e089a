import { rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes next to the target and renames over it, so a crash or a full disk never leaves a half-written
 * file under the name the user chose.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
