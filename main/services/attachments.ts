import { AppError } from '../contract/errors';
import type { Attachment, AttachmentChunk, AttachmentStart } from '../contract/attachments';
import { mediaUrl, type Contact } from '../contract/model';
import { freeFormRefusal } from '../domain/care-window';
import { maxMediaBytes, storedMediaName } from '../domain/media-rules';
import { checkOutgoingMedia, contentMatchesType } from '../domain/outgoing-media';
import {
  appendStaged,
  dropStaged,
  keepPicked,
  keepStaged,
  mediaHead,
  pickedFileSize,
  removeMediaFile,
  stagedSize,
} from '../store/attachment-files';
import type { MediaWrite } from '../store/media-files';
import type { WorkspaceStore } from '../store/workspace-store';
import type { ContactsService } from './contacts';
import type { IdFactory } from './ids';
import { requireContact } from './require-contact';

/**
 * The open-file dialog of the main process (Electron's `dialog.showOpenDialog` in the app): the owner
 * chooses, main reads. Resolves with the chosen file's full path, or null when the owner cancelled.
 */
export interface FilePicker {
  pickFile(): Promise<string | null>;
}

interface Staged extends Attachment {
  /** The copy in the media folder once complete (workspace-relative); null while pieces still come. */
  file: string | null;
}

/** More than this many files waiting in composers at once is a runaway renderer, not an owner. */
const MAX_STAGED = 20;

/**
 * Files the owner is about to send: picked in main's dialog, or dropped on the composer and handed over
 * in pieces. Type and size are checked against the platform's limits (domain/outgoing-media.ts) before a
 * byte is kept, again on the bytes themselves, and the file's first bytes must match its type. The
 * renderer gets an id and a preview URL; the send names the id (rich-sends.ts).
 */
export class AttachmentService {
  private readonly staged = new Map<string, Staged>();

  constructor(
    private readonly deps: {
      store: WorkspaceStore;
      ids: IdFactory;
      contacts: ContactsService;
      picker: FilePicker | null;
    },
  ) {}

  async pick(contactId: string): Promise<Attachment | null> {
    const contact = this.openContact(contactId);
    if (!this.deps.picker) {
      throw new AppError({
        code: 'refused',
        message: 'Choosing a file is not available here. Drop the file on the message box instead.',
      });
    }
    const source = await this.deps.picker.pickFile();
    if (source === null) return null;
    const fileName = source.split(/[\\/]/).pop() ?? 'file';
    const size = await pickedFileSize(source);
    if (size === null) throw new AppError({ code: 'not-found', message: `“${fileName}” could not be read.` });
    const staged = this.stage(contact, { fileName, mimeType: '', size });
    return this.complete(staged, (name) =>
      keepPicked(this.deps.store.dir, source, contact.id, name, maxMediaBytes(staged.kind)),
    );
  }

  /** A dropped file is about to come in pieces: refused at once when WhatsApp would not carry it. */
  begin(contactId: string, start: AttachmentStart): Attachment {
    return this.stage(this.openContact(contactId), start);
  }

  async chunk(piece: AttachmentChunk): Promise<{ received: number }> {
    const staged = this.pending(piece.attachmentId);
    const bytes = Buffer.from(piece.data, 'base64');
    const fits = await appendStaged(this.deps.store.dir, staged.id, piece.offset, bytes, staged.size);
    if (!fits) {
      await this.discard(staged.id);
      throw new AppError({ code: 'invalid-input', message: 'The file did not arrive whole. Drop it again.' });
    }
    return { received: piece.offset + bytes.byteLength };
  }

  async finish(attachmentId: string): Promise<Attachment> {
    const staged = this.pending(attachmentId);
    if ((await stagedSize(this.deps.store.dir, staged.id)) !== staged.size) {
      await this.discard(staged.id);
      throw new AppError({ code: 'invalid-input', message: 'The file did not arrive whole. Drop it again.' });
    }
    return this.complete(staged, (name) =>
      keepStaged(this.deps.store.dir, staged.id, staged.contactId, name, staged.size),
    );
  }

  /** The owner took the file away before sending: its copy goes. */
  async discard(attachmentId: string): Promise<null> {
    const staged = this.staged.get(attachmentId);
    this.staged.delete(attachmentId);
    if (staged?.file) await removeMediaFile(this.deps.store.dir, staged.file);
    else if (staged) await dropStaged(this.deps.store.dir, staged.id).catch(() => undefined);
    return null;
  }

  /** A complete attachment of this contact, for the send; it stays until `sent` forgets it. */
  ready(contactId: string, attachmentId: string): Staged & { file: string } {
    const staged = this.staged.get(attachmentId);
    if (!staged || staged.contactId !== contactId || staged.file === null) {
      throw new AppError({
        code: 'not-found',
        message: 'That file is no longer ready to send. Add it again.',
      });
    }
    return { ...staged, file: staged.file };
  }

  /** The message now owns the file. */
  sent(attachmentId: string): void {
    this.staged.delete(attachmentId);
  }

  private openContact(contactId: string): Contact {
    const contact = requireContact(this.deps.store, contactId);
    const refusal = freeFormRefusal(this.deps.contacts.rowFor(contact).window);
    if (refusal) throw new AppError({ code: 'window-closed', message: refusal });
    return contact;
  }

  private stage(contact: Contact, start: AttachmentStart): Staged {
    const check = checkOutgoingMedia(start);
    if (!check.ok) throw new AppError({ code: 'invalid-input', message: check.reason });
    if (this.staged.size >= MAX_STAGED) {
      throw new AppError({
        code: 'refused',
        message: 'Too many files are waiting to be sent. Send or remove some first.',
      });
    }
    const staged: Staged = {
      id: this.deps.ids(),
      contactId: contact.id,
      kind: check.kind,
      fileName: start.fileName,
      mimeType: check.mimeType,
      size: start.size,
      previewUrl: null,
      file: null,
    };
    this.staged.set(staged.id, staged);
    return staged;
  }

  private pending(attachmentId: string): Staged {
    const staged = this.staged.get(attachmentId);
    if (!staged || staged.file !== null) {
      throw new AppError({
        code: 'not-found',
        message: 'That file is no longer being added. Drop it again.',
      });
    }
    return staged;
  }

  /** Keeps the bytes in the media folder and checks them; the attachment with its preview URL. */
  private async complete(staged: Staged, keep: (name: string) => Promise<MediaWrite>): Promise<Attachment> {
    const written = await keep(storedMediaName(staged.id, staged.mimeType, staged.fileName));
    if (!written.ok) {
      this.staged.delete(staged.id);
      throw new AppError({
        code: written.problem === 'too-large' ? 'invalid-input' : 'storage',
        message:
          written.problem === 'too-large'
            ? `“${staged.fileName}” is larger than WhatsApp allows; it was not added.`
            : `“${staged.fileName}” could not be copied into CareWindow's folder (${written.detail}).`,
      });
    }
    const head = await mediaHead(this.deps.store.dir, written.file);
    if (head === null || !contentMatchesType(staged.mimeType, head)) {
      await removeMediaFile(this.deps.store.dir, written.file);
      this.staged.delete(staged.id);
      throw new AppError({
        code: 'invalid-input',
        message: `“${staged.fileName}” is not the kind of file its name says, so it cannot be sent.`,
      });
    }
    const done: Staged = {
      ...staged,
      size: written.size,
      file: written.file,
      previewUrl: mediaUrl(written.file),
    };
    this.staged.set(done.id, done);
    const { file: _file, ...attachment } = done;
    return attachment;
  }
}
