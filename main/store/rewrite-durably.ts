import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { saveFailed } from './storage-error';
import { renameWithRetry, syncDir, type StoreFs } from './store-fs';

/**
 * Replaces a file's whole text through a unique temp file: written, fsynced, renamed over the target, the
 * folder fsynced. A crash leaves the old text or the new, never a mix; a failure leaves the old text.
 */
export async function rewriteDurably(fs: StoreFs, file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'w');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(fs, temp, file);
    await syncDir(fs, path.dirname(file));
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw saveFailed(file, err);
  }
}
