import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isMissing, type StoreFs } from './store-fs';

const NEWLINE = 0x0a;

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, as `/`-separated paths relative to it; a missing folder has none. */
export async function filesUnder(fs: StoreFs, dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await filesUnder(fs, dir, relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found.sort();
}

/** The first `limit` bytes of a file (all of it without a limit). */
export async function readBytes(fs: StoreFs, file: string, limit?: number): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const size = Math.min((await handle.stat()).size, limit ?? Number.MAX_SAFE_INTEGER);
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * An append-only history as it was when the backup started: the bytes up to the size it had then, without
 * a last line still being written (unless that line is already complete JSON). Appends during the copy
 * only add lines after this prefix, so the prefix is a history that really existed.
 */
export async function historyPrefix(fs: StoreFs, file: string): Promise<Buffer> {
  const bytes = await readBytes(fs, file);
  if (bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE) return bytes;
  const lastLineStart = bytes.lastIndexOf(NEWLINE) + 1;
  try {
    JSON.parse(bytes.toString('utf8', lastLineStart));
    return bytes;
  } catch {
    return bytes.subarray(0, lastLineStart);
  }
}

/** Writes a new file (never over an existing one) and fsyncs it, creating its folder. */
export async function writeNewFile(fs: StoreFs, file: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'wx');
    for (let written = 0; written < bytes.length;) {
      written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
