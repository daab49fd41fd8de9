import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readBytes, sha256 } from './backup-files';
import { folderUnusable } from './backup-errors';
import { BACKUP_PREFIX, readManifest, type FoundBackup } from './backup-manifest';
import { errnoCode, isMissing, type StoreFs } from './store-fs';

/** Where backups go until the owner picks a folder: beside the data, so at least a damaged file is covered. */
export function defaultBackupFolder(dataRoot: string): string {
  return path.join(dataRoot, 'backups');
}

/**
 * Checks that `folder` can hold backups: a full path, there (or creatable: its parent is), and writable,
 * proven by writing and removing a small file. Throws the reason in the owner's words.
 */
export async function ensureBackupFolder(fs: StoreFs, folder: string): Promise<void> {
  if (!path.isAbsolute(folder)) {
    throw folderUnusable(folder, Object.assign(new Error('not absolute'), { code: 'ENOENT' }));
  }
  try {
    await fs.mkdir(folder);
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') throw folderUnusable(folder, err);
  }
  const probe = path.join(folder, `.carewindow-write-test-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await fs.open(probe, 'wx');
    try {
      await handle.write(Buffer.from('CareWindow checks it can write here.\n'));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw folderUnusable(folder, err);
  } finally {
    await fs.unlink(probe).catch(() => undefined);
  }
}

/** The backups in a folder, newest first. Folders without a readable manifest are not backups. */
export async function listBackups(fs: StoreFs, folder: string): Promise<FoundBackup[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const found: FoundBackup[] = [];
  for (const id of names.filter((n) => n.startsWith(BACKUP_PREFIX))) {
    const dir = path.join(folder, id);
    const manifest = await readManifest(fs, dir).catch(() => null);
    if (manifest) found.push({ id, dir, manifest });
  }
  return found.sort((a, b) => b.manifest.createdAt - a.manifest.createdAt || (a.id < b.id ? 1 : -1));
}

/** Compares every file with the manifest (size, then SHA-256); what differs, in the owner's words. */
export async function checkBackup(fs: StoreFs, backup: FoundBackup): Promise<string[]> {
  const damage: string[] = [];
  for (const entry of backup.manifest.files) {
    let bytes: Buffer;
    try {
      bytes = await readBytes(fs, path.join(backup.dir, ...entry.path.split('/')));
    } catch (err) {
      if (!isMissing(err)) throw err;
      damage.push(`${entry.path} is missing`);
      continue;
    }
    if (bytes.length !== entry.size) damage.push(`${entry.path} has a different size`);
    else if (sha256(bytes) !== entry.sha256) damage.push(`${entry.path} was changed or damaged`);
  }
  return damage;
}

/** Removes the backups not in `keep`, and temp folders a cut-short backup left; never anything else. */
export async function pruneBackups(
  fs: StoreFs,
  folder: string,
  found: readonly FoundBackup[],
  keep: ReadonlySet<string>,
): Promise<void> {
  for (const backup of found) {
    if (!keep.has(backup.id)) await fs.rm(backup.dir, { recursive: true, force: true });
  }
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(`.${BACKUP_PREFIX}`) && name.endsWith('.partial')) {
      await fs.rm(path.join(folder, name), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Whether a workspace has anything to back up: a contact list was ever saved there. */
export async function workspaceHasData(fs: StoreFs, workspaceDir: string): Promise<boolean> {
  try {
    await fs.stat(path.join(workspaceDir, 'contacts.json'));
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
}
