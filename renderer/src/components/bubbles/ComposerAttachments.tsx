import { useState, type DragEvent } from 'react';
import { FileText, Paperclip, X } from 'lucide-react';
import {
  ATTACHMENT_CHUNK_BYTES,
  MAX_CAPTION_LENGTH,
  type Attachment,
} from '../../../../main/contract/attachments';
import type { Message } from '../../../../main/contract/model';
import { sizeText } from '../../../../main/domain/media-rules';
import { checkOutgoingMedia, takesCaption } from '../../../../main/domain/outgoing-media';
import { useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { messageGist } from './conversation-actions';

/**
 * Files in the composer: picked in main's open-file dialog, or dropped on the message box and handed to
 * main in pieces of at most ATTACHMENT_CHUNK_BYTES (never a path). Checked here against the platform's
 * rules for a quick answer, and again by main, which decides.
 */
export function useAttachment(contactId: string) {
  const store = useStore();
  const api = store.api.attachments;
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function replace(next: () => Promise<Attachment | null>, name: string) {
    setProblem(null);
    setAdding(name);
    try {
      const added = await next();
      if (added === null) return;
      if (attachment) void api.discard(attachment.id).catch(() => undefined);
      setAttachment(added);
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setAdding(null);
    }
  }

  const pick = () => replace(() => api.pick(contactId), 'the file');

  const drop = (file: File) => {
    const check = checkOutgoingMedia({ fileName: file.name, size: file.size });
    if (!check.ok) {
      setProblem(check.reason);
      return Promise.resolve();
    }
    return replace(async () => {
      const started = await api.begin(contactId, {
        fileName: file.name,
        mimeType: file.type,
        size: file.size,
      });
      try {
        for (let offset = 0; offset < file.size; offset += ATTACHMENT_CHUNK_BYTES) {
          const piece = new Uint8Array(
            await file.slice(offset, offset + ATTACHMENT_CHUNK_BYTES).arrayBuffer(),
          );
          await api.chunk({ attachmentId: started.id, offset, data: toBase64(piece) });
        }
        return await api.finish(started.id);
      } catch (error) {
        void api.discard(started.id).catch(() => undefined);
        throw error;
      }
    }, file.name);
  };

  const discard = () => {
    if (attachment) void api.discard(attachment.id).catch(() => undefined);
    setAttachment(null);
    setProblem(null);
  };

  /** Sends the file with this caption; the sent message comes back (or a refusal is thrown). */
  const send = async (caption: string, replyToId: string | null): Promise<Message> => {
    if (!attachment) throw new Error('no file to send');
    const message = await store.api.conversation.sendMedia(contactId, {
      attachmentId: attachment.id,
      caption: takesCaption(attachment.kind) ? caption : '',
      replyToId,
    });
    await store.showSent(message);
    setAttachment(null);
    return message;
  };

  const dropProps = {
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      void drop(file);
    },
  };

  return { attachment, adding, problem, pick, drop, discard, send, dropProps };
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function AttachButton({ onPick, busy }: { onPick: () => void; busy: boolean }) {
  return (
    <button
      type="button"
      className="icon-button attach"
      aria-label="Attach a file"
      title="Attach a photo, video, audio or document (or drop it here)"
      disabled={busy}
      onClick={onPick}
    >
      <Paperclip size={18} aria-hidden="true" />
    </button>
  );
}

/** The file about to go, with a preview; the message box's text is its caption. */
export function AttachmentPreview({
  attachment,
  adding,
  problem,
  captionLength,
  onRemove,
}: {
  attachment: Attachment | null;
  adding: string | null;
  problem: string | null;
  captionLength: number;
  onRemove: () => void;
}) {
  return (
    <>
      {adding !== null ? (
        <p className="composer-note" role="status">
          Adding {adding}…
        </p>
      ) : null}
      {attachment ? (
        <div className="attachment-preview" role="group" aria-label={`File to send: ${attachment.fileName}`}>
          {attachment.kind === 'image' && attachment.previewUrl ? (
            <img
              className="attachment-thumb"
              src={attachment.previewUrl}
              alt={`Preview of ${attachment.fileName}`}
            />
          ) : (
            <FileText size={28} aria-hidden="true" />
          )}
          <div className="attachment-text">
            <span dir="auto">{attachment.fileName}</span>
            <span className="attachment-size">{sizeText(attachment.size)}</span>
            <span className="attachment-hint">
              {takesCaption(attachment.kind)
                ? captionLength > MAX_CAPTION_LENGTH
                  ? `The caption is too long: WhatsApp takes ${MAX_CAPTION_LENGTH} characters.`
                  : 'The text in the box goes with it as its caption.'
                : 'WhatsApp sends audio without a caption: the text stays in the box.'}
            </span>
          </div>
          <button type="button" className="icon-button" aria-label="Remove the file" onClick={onRemove}>
            <X size={16} aria-hidden="true" />
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="composer-error">
          {problem}
        </p>
      ) : null}
    </>
  );
}

/** The message being replied to, above the box, with a way to stop replying. */
export function ReplyStrip({ message, onCancel }: { message: Message; onCancel: () => void }) {
  return (
    <div className="reply-strip" role="group" aria-label="Replying to">
      <span className="reply-strip-who">
        Replying to {message.direction === 'inbound' ? 'the customer' : 'your message'}
      </span>
      <span className="reply-strip-text" dir="auto">
        {messageGist(message)}
      </span>
      <button type="button" className="icon-button" aria-label="Cancel the reply" onClick={onCancel}>
        <X size={16} aria-hidden="true" />
      </button>
    </div>
  );
}
