import path from 'node:path';
import type { Low } from 'lowdb';
import { openDurableJson, type DurableJsonFile } from './durable-json-file';
import type { JsonFileKind, Versioned } from './json-file-kind';
import { SerialQueue } from './serial-queue';
import { nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';

/** What opening one small JSON file needs from its caller; the rest follows from the folder. */
export interface FolderFileOptions {
  now: () => number;
  log?: StoreLog;
  fs?: StoreFs;
}

/**
 * Opens `<dir>/<kind.fileName>` through the durable adapter, a damaged copy going to `<dir>/corrupt/`:
 * every file of a folder (a workspace, the data root) shares that one corrupt folder.
 */
export function openInFolder<T extends Versioned>(
  dir: string,
  kind: JsonFileKind<T>,
  options: FolderFileOptions,
): Promise<{ low: Low<T>; file: DurableJsonFile<T> }> {
  return openDurableJson(dir, kind, {
    fs: options.fs ?? nodeFs,
    now: options.now,
    corruptDir: path.join(dir, 'corrupt'),
    log: options.log ?? silentLog,
  });
}

/**
 * A small lowdb file held in memory and saved whole on every change, one save at a time. Memory changes
 * only after the file is safely written: a save that fails leaves both as they were.
 */
export class SavedInMemory<T extends Versioned> {
  private readonly queue = new SerialQueue();

  constructor(private readonly low: Low<T>) {}

  get data(): T {
    return this.low.data;
  }

  /** Saves `next(current)`; resolves once it is durably on disk. */
  change(next: (current: T) => T): Promise<void> {
    return this.changeWith((current) => [next(current), undefined]);
  }

  /**
   * Like change, for a change that also works something out from the data it is given (an entry's place
   * in a queue): `next` runs in turn, so that is worked out from what the earlier saves left.
   */
  changeWith<R>(next: (current: T) => readonly [T, R]): Promise<R> {
    return this.queue.run(async () => {
      const previous = this.low.data;
      const [data, result] = next(previous);
      this.low.data = data;
      try {
        await this.low.write();
      } catch (err) {
        this.low.data = previous;
        throw err;
      }
      return result;
    });
  }

  /** Resolves once every save asked for so far has settled. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
