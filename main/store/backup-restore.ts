import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { WorkspaceKind } from '../contract/model';
import { fileStamp } from './corrupt-folder';
import { damagedBackup, restoreFailed } from './backup-errors';
import { readBytes, sha256, writeNewFile } from './backup-files';
import type { FoundBackup } from './backup-manifest';
import { CONNECTION_FILES } from './backup-snapshot';
import { isMissing, renameWithRetry, syncDir, type StoreFs } from './store-fs';
import { workspaceDir } from './workspace-paths';

export interface RestoreOptions {
  readonly fs: StoreFs;
  readonly dataRoot: string;
  readonly backup: FoundBackup;
  readonly now: number;
}

/** Where the data that was replaced went (kept, never deleted); null when the workspace was empty. */
export interface RestoreOutcome {
  readonly keptAt: string | null;
}

/**
 * Puts a backup in place of a workspace's folder. The workspace must be closed. In order:
 * 1. every file is copied into a hidden folder beside the workspace and checked against the manifest
 *    (size and SHA-256): a damaged backup stops here, with the data untouched;
 * 2. this computer's WhatsApp connection files are carried over (a backup never holds them);
 * 3. the current folder is moved aside to `<data root>/before-restore-<time>/`, kept, never deleted;
 * 4. the checked copy is renamed into place (if that fails, the old folder is moved back).
 */
export async function restoreSnapshot(options: RestoreOptions): Promise<RestoreOutcome> {
  const { fs, dataRoot, backup } = options;
  const kind: WorkspaceKind = backup.manifest.workspace;
  const target = workspaceDir(dataRoot, kind);
  const staging = path.join(path.dirname(target), `.restore-${randomBytes(4).toString('hex')}.partial`);
  try {
    await fs.mkdir(staging, { recursive: true });
    const damage: string[] = [];
    for (const entry of backup.manifest.files) {
      const bytes = await readBytes(fs, path.join(backup.dir, ...entry.path.split('/'))).catch(
        (err: unknown) => {
          if (isMissing(err)) return null;
          throw err;
        },
      );
      if (bytes === null) damage.push(`${entry.path} is missing`);
      else if (bytes.length !== entry.size || sha256(bytes) !== entry.sha256) {
        damage.push(`${entry.path} was changed or damaged`);
      } else await writeNewFile(fs, path.join(staging, ...entry.path.split('/')), bytes);
    }
    if (damage.length > 0) throw damagedBackup(damage);
    await fs.mkdir(path.join(staging, 'messages'), { recursive: true });
    for (const name of CONNECTION_FILES) {
      await fs
        .copyFile(path.join(target, name), path.join(staging, name), constants.COPYFILE_EXCL)
        .catch((err: unknown) => {
          if (!isMissing(err)) throw err;
        });
    }
    await syncDir(fs, staging);
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw restoreFailed(err);
  }

  const aside = path.join(dataRoot, `before-restore-${fileStamp(options.now)}`);
  let keptAt: string | null = aside;
  try {
    await renameWithRetry(fs, target, aside);
  } catch (err) {
    if (!isMissing(err)) {
      await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw restoreFailed(err);
    }
    keptAt = null; // An empty data folder: nothing to keep.
  }
  try {
    await renameWithRetry(fs, staging, target);
  } catch (err) {
    if (keptAt !== null) await renameWithRetry(fs, keptAt, target).catch(() => undefined);
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw restoreFailed(err);
  }
  await syncDir(fs, path.dirname(target));
  return { keptAt };
}
