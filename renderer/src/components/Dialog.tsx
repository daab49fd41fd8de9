import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModalRegistry } from './modal';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** A CSS selector inside the dialog to focus first; else the first focusable element. */
  initialFocus?: string;
  className?: string;
  /** Extra text under the title, announced as the dialog's description. */
  description?: ReactNode;
}

/**
 * A modal dialog: labelled by its title, focus moves in and is trapped (Tab and Shift+Tab cycle), Esc
 * closes it, and focus returns where it was. The rest of the app is made inert (see modal.ts).
 */
export function Dialog({ title, onClose, children, initialFocus, className, description }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const modals = useModalRegistry();

  useEffect(() => {
    const release = modals?.open();
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (root) {
      const first =
        (initialFocus ? root.querySelector<HTMLElement>(initialFocus) : null) ??
        focusablesIn(root)[0] ??
        root;
      first.focus();
    }
    return () => {
      // The app behind stops being inert first, so focus can go back to it.
      release?.();
      previous?.focus();
    };
    // Focus moves in once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A control that disables itself while it works (Save during a failed save) drops focus to the page:
  // Esc must still close the dialog then, and Tab must come back into it.
  useEffect(() => {
    const onDocumentKey = (event: globalThis.KeyboardEvent) => {
      if (document.activeElement !== document.body || !ref.current) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (focusablesIn(ref.current)[0] ?? ref.current).focus();
      }
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => document.removeEventListener('keydown', onDocumentKey);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusablesIn(ref.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={className ? `dialog ${className}` : 'dialog'}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="dialog-description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
