import { constants } from 'node:fs';
import path from 'node:path';
import { isMissing, type StoreFs } from './store-fs';

/** The `corrupt/` folder next to the data: damaged files are kept there as evidence, never deleted. */
export interface CorruptFolder {
  readonly dir: string;
  readonly fs: StoreFs;
  readonly now: () => number;
}

/** 2024-05-03T140200.123Z: an ISO time that is also a valid file name on Windows (no colons). */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '');
}

async function exists(fs: StoreFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}

/** `<stem>.<stamp><ext>`, or `<stem>.<stamp>-2<ext>` … when that name is taken: evidence is never replaced. */
async function freeName(folder: CorruptFolder, stem: string, ext: string): Promise<string> {
  await folder.fs.mkdir(folder.dir, { recursive: true });
  const stamp = fileStamp(folder.now());
  for (let n = 1; ; n++) {
    const candidate = path.join(folder.dir, `${stem}.${stamp}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!(await exists(folder.fs, candidate))) return candidate;
  }
}

/** Moves a damaged file out of the way, so that nothing can ever overwrite it. Returns where it went. */
export async function moveAside(
  folder: CorruptFolder,
  file: string,
  stem: string,
  ext: string,
): Promise<string> {
  const target = await freeName(folder, stem, ext);
  await folder.fs.rename(file, target);
  return target;
}

/** Copies a file that stays in use (a message history), so the damaged bytes are on record as they were. */
export async function copyAside(
  folder: CorruptFolder,
  file: string,
  stem: string,
  ext: string,
): Promise<string> {
  const target = await freeName(folder, stem, ext);
  await folder.fs.copyFile(file, target, constants.COPYFILE_EXCL);
  return target;
}

/** An existing copy whose name starts with `prefix`, so a damage seen at every start is copied only once. */
export async function findAside(folder: CorruptFolder, prefix: string): Promise<string | undefined> {
  try {
    const names = await folder.fs.readdir(folder.dir);
    const found = names.filter((name) => name.startsWith(prefix)).sort()[0];
    return found === undefined ? undefined : path.join(folder.dir, found);
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2024-05-03 14:02" in the computer's time zone. Deliberately not locale-formatted: the store has no
 * settings of its own, and an unambiguous date reads fine in every language.
 */
export function ownerTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
