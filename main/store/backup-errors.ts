import { AppError } from '../contract/errors';
import { StorageError } from './storage-error';
import { errnoCode } from './store-fs';

const KEPT = 'Your data and your earlier backups were not changed.';

/** Why the backup folder cannot be written, for the codes a USB stick, a synced folder or a full disk give. */
function reasonFor(code: string | undefined, folder: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the backup drive is full. Free some space on it or choose another backup folder.`;
    case 'EACCES':
    case 'EPERM':
      return `CareWindow is not allowed to write to ${folder}. Check that the folder is not read-only, or choose another backup folder.`;
    case 'EROFS':
      return `the backup drive is read-only. Make it writable, or choose another backup folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `the backup folder ${folder} is not there. If it is on a USB or network drive, connect it, or choose another backup folder.`;
    case 'EIO':
      return `the backup drive reported a read/write error. Check the drive (and its cable) and try again.`;
    default:
      return `an unexpected error occurred (${code ?? 'no error code'}). Try again, or choose another backup folder.`;
  }
}

/** A backup that could not be finished: nothing half-written is left behind, and nothing else changed. */
export function backupFailed(folder: string, err: unknown): AppError {
  if (err instanceof AppError && !(err instanceof StorageError)) return err;
  const code = err instanceof StorageError ? err.fsCode : errnoCode(err);
  return new StorageError(
    `CareWindow could not make the backup: ${reasonFor(code, folder)} ${KEPT}`,
    code,
    err,
  );
}

/** A folder the owner typed that cannot hold backups: the setting is left as it was. */
export function folderUnusable(folder: string, err: unknown): StorageError {
  const code = errnoCode(err);
  return new StorageError(
    `CareWindow cannot keep backups in ${folder}: ${reasonFor(code, folder)} The backup folder was not changed.`,
    code,
    err,
  );
}

/** A restore that stopped before anything was replaced. */
export function restoreFailed(err: unknown): AppError {
  if (err instanceof AppError && !(err instanceof StorageError)) return err;
  const code = err instanceof StorageError ? err.fsCode : errnoCode(err);
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk with your data is full. Free some space and try again.'
      : code === 'ENOENT'
        ? 'the backup is no longer there. If it is on a USB or network drive, connect it and try again.'
        : `an unexpected error occurred (${code ?? 'no error code'}). Try again.`;
  return new StorageError(
    `CareWindow could not restore the backup: ${why} Your data was not changed.`,
    code,
    err,
  );
}

export function damagedBackup(damage: readonly string[]): AppError {
  return new AppError({
    code: 'storage',
    message: `This backup is damaged (${damage.join('; ')}). Choose another backup; your data was not changed.`,
  });
}
