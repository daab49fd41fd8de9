import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { DataProblem } from '../contract/model';
import { moveAside, ownerTime } from './corrupt-folder';
import { asciiJson } from './ascii-json';
import { upgrade, type JsonFileKind, type Versioned } from './json-file-kind';
import { SerialQueue } from './serial-queue';
import { newerVersion, readFailed, saveFailed, StorageError } from './storage-error';
import { isMissing, renameWithRetry, syncDir, type StoreFs, type StoreLog } from './store-fs';

export interface DurableJsonOptions {
  readonly fs: StoreFs;
  readonly now: () => number;
  /** Where damaged files are moved (the workspace's `corrupt/`). */
  readonly corruptDir: string;
  readonly log: StoreLog;
}

type Loaded<T> =
  | { state: 'ok'; data: T; fromVersion: number }
  | { state: 'missing' }
  | { state: 'newer'; version: number }
  | { state: 'damaged'; reason: string };

/**
 * What read() did, for callers that can recover more than this file alone (contacts from their histories).
 * `movedTo` is where the damaged file went ('' when it was missing).
 */
export type ReadOutcome =
  | { kind: 'ok' }
  | { kind: 'missing' }
  | { kind: 'newer' }
  | { kind: 'blocked' }
  | { kind: 'restored'; was: 'damaged' | 'missing'; movedTo: string; backupSavedAt: number }
  | { kind: 'emptied'; movedTo: string };

let tempCounter = 0;

/**
 * A lowdb adapter for one small JSON file that survives crashes and never destroys data:
 * - a write goes to a unique temp file, is fsynced, renamed over the target, and the folder is fsynced
 *   (lowdb's JSONFile does not fsync, so a power cut can leave an empty file behind);
 * - before each overwrite the current good file is copied to `<name>.bak`;
 * - a file that cannot be read is moved to `corrupt/` and the backup (or the defaults) used instead;
 * - a file from a newer CareWindow is left in place and never written over.
 * What was recovered is in `problems`, worded for the owner. Writes run one at a time in call order.
 */
export class DurableJsonFile<T extends Versioned> implements Adapter<T> {
  readonly path: string;
  readonly problems: DataProblem[] = [];
  /** Set when read() fell back to the backup: writing it back makes the next start clean. */
  restored = false;
  /** The version the file was read in when older than this build's: it is written back in the new one. */
  upgradedFrom: number | null = null;
  outcome: ReadOutcome = { kind: 'ok' };
  /** Why writes are refused (a newer file, or a damaged one that could not be moved out of the way). */
  private blocked: StorageError | null = null;
  private readonly queue = new SerialQueue();
  private readonly dir: string;

  constructor(
    dir: string,
    readonly kind: JsonFileKind<T>,
    private readonly options: DurableJsonOptions,
  ) {
    this.dir = dir;
    this.path = path.join(dir, kind.fileName);
  }

  get backupPath(): string {
    return `${this.path}.bak`;
  }

  /** Whether this version may write the file at all. */
  get writable(): boolean {
    return this.blocked === null;
  }

  async read(): Promise<T | null> {
    await this.removeStaleTemps();
    const { kind } = this;
    const main = await this.load(this.path);
    if (main.state === 'ok') {
      this.outcome = { kind: 'ok' };
      this.upgradedFrom = main.fromVersion < kind.version ? main.fromVersion : null;
      return main.data;
    }

    const name = `${kind.label} (${kind.fileName})`;
    if (main.state === 'newer') {
      this.blocked = newerVersion(this.path);
      this.outcome = { kind: 'newer' };
      this.report({
        file: this.path,
        movedTo: '',
        message: `${name} was saved by a newer version of CareWindow (file version ${main.version}).`,
        recovery:
          'The file was left untouched. Update CareWindow to use it; until then this version shows it ' +
          'as empty and cannot save changes to it.',
      });
      return null;
    }

    let movedTo = '';
    if (main.state === 'damaged') {
      try {
        movedTo = await moveAside(this.corruptFolder(), this.path, stemOf(kind.fileName), '.json');
        // The reason names a place in the file, never its content: contact files hold personal data.
        this.options.log.warn(`${kind.fileName} is damaged (${main.reason}); moved to corrupt/`);
      } catch (err) {
        // Not moved means it would be overwritten by the next save: refuse to save instead.
        this.blocked = saveFailed(this.path, err);
        this.outcome = { kind: 'blocked' };
        this.report({
          file: this.path,
          movedTo: '',
          message: `${name} could not be read: it is damaged.`,
          recovery:
            'CareWindow could not move the damaged file aside, so it was left where it is and nothing will ' +
            `be saved over it. ${kind.emptyRecovery}`,
        });
        return null;
      }
    }

    const backup = kind.backup ? await this.load(this.backupPath) : ({ state: 'missing' } as const);
    if (backup.state !== 'ok') {
      if (main.state === 'missing') {
        this.outcome = { kind: 'missing' }; // Nothing was ever saved: a new workspace.
        return null;
      }
      this.outcome = { kind: 'emptied', movedTo };
      this.report({
        file: this.path,
        movedTo,
        message: `${name} could not be read: it is damaged.`,
        recovery: kind.emptyRecovery,
      });
      return null;
    }

    const savedAt = await this.options.fs.stat(this.backupPath).then(
      (s) => s.mtimeMs,
      () => this.options.now(),
    );
    const restoredWords = `CareWindow restored the last good copy from ${ownerTime(savedAt)} (${kind.describe(backup.data)}).`;
    this.restored = true;
    this.outcome = { kind: 'restored', was: main.state, movedTo, backupSavedAt: savedAt };
    this.report({
      file: this.path,
      movedTo,
      message:
        main.state === 'missing' ? `${name} was missing.` : `${name} could not be read: it is damaged.`,
      recovery: restoredWords,
    });
    return backup.data;
  }

  write(data: T): Promise<void> {
    // Serialised now, so each save writes exactly what it was given even while an earlier one is running.
    const text = this.kind.compact
      ? `${asciiJson(JSON.stringify(data))}\n`
      : `${JSON.stringify(data, null, 2)}\n`;
    return this.queue.run(() => this.replace(text));
  }

  private async replace(text: string): Promise<void> {
    if (this.blocked) throw this.blocked;
    const { fs } = this.options;
    const temp = this.tempPath();
    try {
      if (this.kind.backup) await this.keepBackup();
      await writeSynced(fs, temp, text);
      await renameWithRetry(fs, temp, this.path);
    } catch (err) {
      await fs.unlink(temp).catch(() => undefined);
      throw saveFailed(this.path, err);
    }
    this.upgradedFrom = null;
    await syncDir(fs, this.dir);
  }

  /** Copies the current file to `.bak`, keeping its modification time so "restored the copy from 14:02" is true. */
  private async keepBackup(): Promise<void> {
    const { fs } = this.options;
    let stat;
    try {
      stat = await fs.stat(this.path);
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    const temp = this.tempPath();
    try {
      await fs.copyFile(this.path, temp);
      await fs.utimes(temp, stat.atime, stat.mtime);
      await renameWithRetry(fs, temp, this.backupPath);
    } catch (err) {
      await fs.unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  private async load(file: string): Promise<Loaded<T>> {
    let text: string;
    try {
      text = await this.options.fs.readFile(file, 'utf8');
    } catch (err) {
      if (isMissing(err)) return { state: 'missing' };
      throw readFailed(file, err);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // Not the parser's message: it quotes the text around the error, which may be a customer's name.
      return { state: 'damaged', reason: 'not valid JSON' };
    }
    const upgraded = upgrade(this.kind, raw);
    if (upgraded.ok) return { state: 'ok', data: upgraded.data, fromVersion: upgraded.fromVersion };
    if (upgraded.newer) return { state: 'newer', version: upgraded.version };
    return { state: 'damaged', reason: upgraded.reason };
  }

  /** Temp files a crash left behind are never read; removing them just keeps the folder tidy. */
  private async removeStaleTemps(): Promise<void> {
    const { fs } = this.options;
    const prefix = `.${this.kind.fileName}.`;
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        await fs.unlink(path.join(this.dir, name)).catch(() => undefined);
      }
    }
  }

  private tempPath(): string {
    tempCounter += 1;
    const unique = `${process.pid}-${tempCounter}-${randomBytes(4).toString('hex')}`;
    return path.join(this.dir, `.${this.kind.fileName}.${unique}.tmp`);
  }

  private corruptFolder() {
    return { dir: this.options.corruptDir, fs: this.options.fs, now: this.options.now };
  }

  private report(problem: DataProblem): void {
    this.problems.push(problem);
    // The owner's words stay out of the log (they may name a customer); which file is enough there.
    this.options.log.warn(`Reported a problem with ${this.kind.fileName}`, {
      movedTo: path.basename(problem.movedTo),
    });
  }
}

const stemOf = (fileName: string): string => fileName.replace(/\.json$/, '');

/** Writes a whole file and fsyncs it before returning, so a rename never publishes unwritten bytes. */
export async function writeSynced(fs: StoreFs, file: string, text: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'wx');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle?.close();
  }
}

/**
 * Opens one file as a lowdb database through the durable adapter. After recovering from the backup the
 * recovered data is written straight back, so the owner is told about the damage once, not at every start.
 */
export async function openDurableJson<T extends Versioned>(
  dir: string,
  kind: JsonFileKind<T>,
  options: DurableJsonOptions,
): Promise<{ low: Low<T>; file: DurableJsonFile<T> }> {
  const file = new DurableJsonFile(dir, kind, options);
  const low = new Low<T>(file, kind.defaults());
  await low.read();
  if (file.restored) {
    try {
      await low.write();
      file.restored = false;
    } catch (err) {
      options.log.warn(`Could not write the recovered ${kind.fileName} back yet`, err);
    }
  }
  return { low, file };
}
