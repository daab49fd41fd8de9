import { useState } from 'react';
import { FileText, Image as ImageIcon, Mic, RotateCw } from 'lucide-react';
import { mediaUrl, type Message, type MessageMedia } from '../../../../main/contract/model';
import { sizeText } from '../../../../main/domain/media-rules';
import { useStore } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { ImageViewer } from './ImageViewer';
import { BubbleProblem } from './BubbleProblem';

/**
 * A message's photo, sticker, video, audio, voice note or document, shown through the app's own media
 * URLs (never a path, never a remote URL), as main/contract/message-content.ts describes; a file not
 * (yet) here shows why, with "Try again" for a failed download.
 */
export function MediaContent({ message, media }: { message: Message; media: MessageMedia }) {
  if (media.file === null) return <MediaPlaceholder message={message} media={media} />;
  const src = mediaUrl(media.file);
  switch (media.kind) {
    case 'image':
    case 'sticker':
      return <InlineImage src={src} media={media} caption={message.text} />;
    case 'video':
      return (
        <video className="bubble-video" src={src} controls preload="metadata" aria-label={label(media)} />
      );
    case 'audio':
    case 'voice':
      return (
        <div className="bubble-audio">
          {media.kind === 'voice' ? <Mic size={14} aria-hidden="true" /> : null}
          <audio src={src} controls preload="metadata" aria-label={label(media)} />
        </div>
      );
    default:
      return <DocumentCard message={message} media={media} />;
  }
}

function label(media: MessageMedia): string {
  switch (media.kind) {
    case 'voice':
      return 'Voice message';
    case 'audio':
      return media.fileName ?? 'Audio';
    case 'video':
      return media.fileName ?? 'Video';
    case 'sticker':
      return 'Sticker';
    case 'image':
      return 'Photo';
    default:
      return media.fileName ?? 'Document';
  }
}

function InlineImage({ src, media, caption }: { src: string; media: MessageMedia; caption: string }) {
  const [open, setOpen] = useState(false);
  const alt = caption.trim() !== '' ? `${label(media)}: ${caption}` : label(media);
  return (
    <>
      <button type="button" className={`bubble-image-button ${media.kind}`} onClick={() => setOpen(true)}>
        <img className="bubble-image" src={src} alt={alt} loading="lazy" />
      </button>
      {open ? <ImageViewer src={src} alt={alt} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function DocumentCard({ message, media }: { message: Message; media: MessageMedia }) {
  const store = useStore();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) => {
    setProblem(null);
    action().catch((caught: unknown) => setProblem(errorMessage(caught)));
  };
  const conversation = store.api.conversation;
  return (
    <div className="bubble-document">
      <FileText size={28} aria-hidden="true" />
      <div className="bubble-document-text">
        <span className="bubble-document-name" dir="auto">
          {media.fileName ?? 'Document'}
        </span>
        {media.size != null ? <span className="bubble-document-size">{sizeText(media.size)}</span> : null}
      </div>
      <div className="bubble-document-actions">
        <button
          type="button"
          className="ghost"
          onClick={() => run(() => conversation.openMedia(message.contactId, message.id))}
        >
          Open
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => run(() => conversation.saveMediaAs(message.contactId, message.id))}
        >
          Save as…
        </button>
      </div>
      <BubbleProblem problem={problem} />
    </div>
  );
}

function MediaPlaceholder({ message, media }: { message: Message; media: MessageMedia }) {
  const store = useStore();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const what = label(media);
  const download = media.download;
  if (!download) {
    return (
      <p className="bubble-media-missing">
        <ImageIcon size={14} aria-hidden="true" /> {what} · Media left out of the export
      </p>
    );
  }
  if (download.state !== 'failed') {
    return (
      <p className="bubble-media-missing" role="status">
        <ImageIcon size={14} aria-hidden="true" /> {what} · Downloading…
      </p>
    );
  }
  const retry = async () => {
    setBusy(true);
    setProblem(null);
    try {
      store.receiveMessage(await store.api.conversation.retryMedia(message.contactId, message.id));
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bubble-media-failed">
      <p>
        <ImageIcon size={14} aria-hidden="true" /> {what} could not be downloaded. {download.error}
      </p>
      <button
        type="button"
        className="ghost"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void retry()}
      >
        <RotateCw size={14} aria-hidden="true" /> Try again
      </button>
      <BubbleProblem problem={problem} />
    </div>
  );
}
