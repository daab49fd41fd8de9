import path from 'node:path';
import { logFileStem } from './log-file-name';
import { saveFailed } from './storage-error';
import { isMissing, syncDir, type StoreFs } from './store-fs';

/**
 * Media brought in with a chat export, one folder per contact: `media/<contact>/<file name>`. Messages
 * keep the path relative to the workspace, so a backup or a moved data folder still finds them. A file
 * name is data from a zip: only a plain name is kept, never a path.
 */
export class MediaFolder {
  constructor(
    private readonly workspaceDir: string,
    private readonly fs: StoreFs,
  ) {}

  /** The workspace-relative path a file of this contact is kept at (forward slashes on every platform). */
  relativePath(contactId: string, fileName: string): string {
    return `media/${logFileStem(contactId)}/${safeName(fileName)}`;
  }

  /**
   * Writes the files that are not there yet (a re-import finds them in place) and returns the relative
   * paths it wrote, so an undo removes exactly those. Each file is fsynced, then the folder.
   */
  async save(contactId: string, files: ReadonlyMap<string, Uint8Array>): Promise<string[]> {
    const dir = path.join(this.workspaceDir, 'media', logFileStem(contactId));
    await this.fs.mkdir(dir, { recursive: true }).catch((err: unknown) => {
      throw saveFailed(dir, err);
    });
    const written: string[] = [];
    try {
      for (const [name, bytes] of files) {
        const relative = this.relativePath(contactId, name);
        const file = path.join(this.workspaceDir, relative);
        if (await this.exists(file)) continue;
        const handle = await this.fs.open(file, 'wx').catch((err: unknown) => {
          throw saveFailed(file, err);
        });
        written.push(relative);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } catch (err) {
          throw saveFailed(file, err);
        } finally {
          await handle.close().catch(() => undefined);
        }
      }
      await syncDir(this.fs, dir);
    } catch (err) {
      // All or nothing: what this call wrote goes again.
      await this.remove(written);
      throw err;
    }
    return written;
  }

  /** Removes files by their relative paths (an undo); ones already gone are fine. */
  async remove(relativePaths: readonly string[]): Promise<void> {
    for (const relative of relativePaths) {
      await this.fs.rm(path.join(this.workspaceDir, relative), { force: true });
    }
  }

  private async exists(file: string): Promise<boolean> {
    try {
      await this.fs.stat(file);
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw saveFailed(file, err);
    }
  }
}

/** A file name safe on every platform: no folders, no reserved characters, not hidden, not too long. */
function safeName(name: string): string {
  const plain = name
    .slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
    .replace(/[<>:"|?*\u200e\u200f\u202a-\u202e]/gu, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '_')
    .slice(-150);
  return plain === '' ? 'file' : plain;
}
