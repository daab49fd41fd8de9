import { AppError } from '../contract/errors';
import { errnoCode } from './store-fs';

/**
 * A file operation that failed, told the way the owner can act on it. It is an AppError with code
 * `storage`, so services can pass it to the window as it is; the original error stays in `cause`.
 */
export class StorageError extends AppError {
  /** ENOSPC, EACCES, … when the operating system gave one. */
  readonly fsCode: string | undefined;

  constructor(message: string, fsCode: string | undefined, cause?: unknown) {
    super({ code: 'storage', message });
    this.name = 'StorageError';
    this.fsCode = fsCode;
    if (cause !== undefined) this.cause = cause;
  }
}

type Action = 'save' | 'read';

/** What happened and what to do, for the errno codes an owner's computer actually produces. */
function reasonFor(code: string | undefined, action: Action): string {
  const kept = action === 'save' ? 'nothing you typed was lost.' : 'nothing was changed.';
  const access = action === 'save' ? 'write there' : 'read it';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full. Free some space and try again; ${kept}`;
    case 'EACCES':
    case 'EPERM':
      return (
        `CareWindow is not allowed to ${access}. Check that the folder is not read-only and that no other ` +
        `program (a backup, sync or antivirus tool) is locking it, then try again; ${kept}`
      );
    case 'EROFS':
      return `the disk is read-only. Make it writable, or move CareWindow's data to another disk, and try again; ${kept}`;
    case 'EBUSY':
      return `another program is using the file. Close backup, sync or antivirus tools that may hold it and try again; ${kept}`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many files are open on this computer. Close some programs and try again; ${kept}`;
    case 'EIO':
      return `the disk reported a read/write error. Check the disk (and its cable, if it is external) and try again; ${kept}`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `its folder is no longer there. If CareWindow's data is on a removable or network drive, reconnect it and try again; ${kept}`;
    default:
      return `an unexpected error occurred (${code ?? 'no error code'}). Try again; ${kept}`;
  }
}

export function saveFailed(file: string, err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const code = errnoCode(err);
  return new StorageError(`CareWindow could not save to ${file}: ${reasonFor(code, 'save')}`, code, err);
}

export function readFailed(file: string, err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const code = errnoCode(err);
  return new StorageError(`CareWindow could not read ${file}: ${reasonFor(code, 'read')}`, code, err);
}

/** A StorageError that callers can tell apart: the data is fine, only this version cannot use it. */
export class NewerVersionError extends StorageError {
  constructor(message: string) {
    super(message, undefined);
    this.name = 'NewerVersionError';
  }
}

/**
 * Refusal to overwrite (or to interpret) a file that a newer CareWindow wrote: this version would lose or
 * misread what it does not know.
 */
export function newerVersion(file: string, action: Action = 'save'): NewerVersionError {
  const what = action === 'save' ? `could not save to ${file}` : `could not read ${file}`;
  const harm = action === 'save' ? 'would damage it' : 'cannot understand it';
  const kept = action === 'save' ? 'nothing you typed was lost.' : 'the file was left untouched.';
  return new NewerVersionError(
    `CareWindow ${what}: it was written by a newer version of CareWindow, and this version ${harm}. ` +
      `Update CareWindow to keep working with this data; ${kept}`,
  );
}
