import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

interface FileState {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type FolderSnapshot = Map<string, FileState>;

/** Every file under `dir` with its size, modification time and inode. */
export async function snapshot(dir: string): Promise<FolderSnapshot> {
  const files: FolderSnapshot = new Map();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const s = await stat(full);
        files.set(relative(dir, full), { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });
      }
    }
  };
  await walk(dir);
  return files;
}

/**
 * What an operation wrote, judged from two snapshots: a new or replaced file (a new inode: written whole
 * and renamed into place) counts whole, an appended one by what it grew, one changed in place whole. A
 * lower bound (a temp file written and removed in between is not seen), which is enough to tell a write
 * of one line from a rewrite of 6 MB.
 */
export function written(before: FolderSnapshot, after: FolderSnapshot): { bytes: number; files: string[] } {
  let bytes = 0;
  const files: string[] = [];
  for (const [name, now] of after) {
    const was = before.get(name);
    let count: number;
    if (!was || was.ino !== now.ino) count = now.size;
    else if (now.size > was.size) count = now.size - was.size;
    else if (now.mtimeMs !== was.mtimeMs) count = now.size;
    else continue;
    bytes += count;
    files.push(`${name} ${count.toLocaleString('en')} B`);
  }
  return { bytes, files };
}
