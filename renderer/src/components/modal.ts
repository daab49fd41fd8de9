import { createContext, useContext } from 'react';

/**
 * Open modal dialogs, counted, so the app behind them is inert and hidden (no pointer, no focus, not
 * read out) whichever screen opened the dialog, and so global shortcuts stay quiet while one is open. The
 * app's element is updated at once, not on the next render, so focus can return to it when a dialog
 * closes.
 */
export interface ModalRegistry {
  /** A callback ref for the app's element (everything but the dialogs). */
  attach(element: HTMLElement | null): void;
  /** Registers an open dialog; returns the function that unregisters it. */
  open(): () => void;
  isOpen(): boolean;
}

export function createModalRegistry(): ModalRegistry {
  let count = 0;
  let app: HTMLElement | null = null;
  const sync = () => {
    if (!app) return;
    // inert takes it out of reach; aria-hidden too, for tools that read only ARIA (test drivers,
    // older screen readers).
    for (const attribute of ['inert', 'aria-hidden']) {
      if (count > 0) app.setAttribute(attribute, attribute === 'inert' ? '' : 'true');
      else app.removeAttribute(attribute);
    }
  };
  return {
    attach(element) {
      app = element;
      sync();
    },
    open() {
      count += 1;
      sync();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        count -= 1;
        sync();
      };
    },
    isOpen: () => count > 0,
  };
}

export const ModalContext = createContext<ModalRegistry | null>(null);

export function useModalRegistry(): ModalRegistry | null {
  return useContext(ModalContext);
}
