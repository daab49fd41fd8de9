import { AppError } from '../contract/errors';
import type { LocationLink, Message } from '../contract/model';
import { locationUrl } from '../domain/location-links';
import { mediaContentType } from '../domain/media-rules';
import { mediaFileFor } from '../store/media-files';
import type { WorkspaceStore } from '../store/workspace-store';
import { requireContact } from './require-contact';

/**
 * What the computer does with a file or a link when the owner asks (Electron's `shell` and save dialog in
 * the app, platform/electron/media-shell.ts; a recording stand-in in the preview host and tests).
 */
export interface MediaShell {
  /** Opens a file with the computer's default app; resolves with an error text ('' when it opened). */
  openPath(file: string): Promise<string>;
  /** Asks where to save a copy (suggesting `suggestedName`) and copies the file there; false if cancelled. */
  saveCopy(file: string, suggestedName: string): Promise<boolean>;
  /** Opens an https link in the owner's browser. */
  openExternal(url: string): Promise<void>;
}

/**
 * "Open", "Save as" and "Open in maps" on a message. The renderer names the message, never a path or a
 * URL: the file is the message's own, found only inside the workspace's media folder, of a type
 * CareWindow serves (never a program); the link is built from the stored coordinates, https only.
 */
export class MediaActions {
  constructor(private readonly deps: { store: WorkspaceStore; shell: MediaShell }) {}

  async open(contactId: string, messageId: string): Promise<null> {
    const { file } = await this.file(contactId, messageId);
    const problem = await this.deps.shell.openPath(file);
    if (problem !== '') {
      throw new AppError({
        code: 'internal',
        message: `The file could not be opened: ${problem}. Try "Save as" and open the copy.`,
      });
    }
    return null;
  }

  async saveAs(contactId: string, messageId: string): Promise<{ saved: boolean }> {
    const { file, name } = await this.file(contactId, messageId);
    return { saved: await this.deps.shell.saveCopy(file, name) };
  }

  async openLocation(contactId: string, messageId: string, link: LocationLink): Promise<null> {
    const message = await this.message(contactId, messageId);
    const url = message.location ? locationUrl(message.location, link) : null;
    if (url === null) {
      throw new AppError({ code: 'not-found', message: 'This message has no location to open there.' });
    }
    await this.deps.shell.openExternal(url);
    return null;
  }

  private async message(contactId: string, messageId: string): Promise<Message> {
    requireContact(this.deps.store, contactId);
    const message = await this.deps.store.findMessage(contactId, messageId);
    if (!message) throw new AppError({ code: 'not-found', message: 'That message is no longer here.' });
    return message;
  }

  private async file(contactId: string, messageId: string): Promise<{ file: string; name: string }> {
    const message = await this.message(contactId, messageId);
    const relative = message.media?.file ?? null;
    const file = relative === null ? null : await mediaFileFor(this.deps.store.dir, relative);
    if (relative === null || file === null || mediaContentType(file) === null) {
      throw new AppError({
        code: 'not-found',
        message: 'The file of this message is not on this computer (yet). Try the download again.',
      });
    }
    // The customer's name for it when they gave one (a document), else the stored name.
    const name = message.media?.fileName ?? relative.slice(relative.lastIndexOf('/') + 1);
    return { file, name };
  }
}
