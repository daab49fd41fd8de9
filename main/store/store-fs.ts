import * as fsp from 'node:fs/promises';

/**
 * The file operations the store uses, gathered in one object: production passes Node's own, and a test
 * passes a copy with one operation swapped to make the disk "full" or read-only without touching the machine.
 */
export type StoreFs = Pick<
  typeof fsp,
  'open' | 'readFile' | 'rename' | 'copyFile' | 'unlink' | 'mkdir' | 'stat' | 'utimes' | 'readdir' | 'rm'
>;

export const nodeFs: StoreFs = fsp;

/** Where the store reports what it recovered from; the composition root passes its logger. */
export interface StoreLog {
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

export const silentLog: StoreLog = { warn: () => undefined, error: () => undefined };

/** The errno code (ENOENT, ENOSPC, …) of a failed file operation, if it has one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return err.code;
  }
  return undefined;
}

export const isMissing = (err: unknown): boolean => errnoCode(err) === 'ENOENT';

/**
 * Makes a rename inside `dir` survive a power cut. Windows (and some network file systems) cannot open or
 * sync a directory; there the rename is as durable as the platform makes it, so failures are ignored.
 */
export async function syncDir(fs: StoreFs, dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort by design: see above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const RENAME_RETRIES = 10;
const RENAME_RETRY_MS = 50;

/**
 * Renames with a few retries: on Windows a virus scanner or indexer briefly holding the target makes
 * rename fail with EPERM/EBUSY/EACCES, and waiting a moment is what lets it through (steno does the same).
 */
export async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = errnoCode(err);
      const transient =
        process.platform === 'win32' && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES');
      if (!transient || attempt >= RENAME_RETRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
    }
  }
}
