import { Dialog } from '../Dialog';

/** A photo or sticker at full size; Esc or Close shuts it and focus goes back to the thumbnail. */
export function ImageViewer({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  return (
    <Dialog title={alt} onClose={onClose} className="image-viewer">
      <img className="image-viewer-img" src={src} alt={alt} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
