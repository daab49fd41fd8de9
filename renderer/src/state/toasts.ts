import type { StateCell } from './app-state';
import { errorMessage } from './errors';

export interface Toast {
  id: number;
  message: string;
}

/** Older notices make way: a burst of failures must not cover the screen. */
const MAX_TOASTS = 4;

/** The notices in the corner: what went wrong with an action that has no form to show it in. */
export class Toasts {
  private seq = 0;

  constructor(private readonly cell: StateCell) {}

  report(error: unknown): void {
    const toast = { id: ++this.seq, message: errorMessage(error) };
    this.cell.set({ toasts: [...this.cell.get().toasts, toast].slice(-MAX_TOASTS) });
  }

  dismiss(id: number): void {
    this.cell.set({ toasts: this.cell.get().toasts.filter((toast) => toast.id !== id) });
  }
}
