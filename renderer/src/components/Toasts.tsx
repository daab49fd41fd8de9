import { useAppState, useStore } from '../state/context';
import { TriangleAlert, X } from 'lucide-react';

/** Non-blocking notices for failed calls, in the main process's words. */
export function Toasts() {
  const store = useStore();
  const toasts = useAppState((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} role="alert" className="toast">
          <span className="toast-icon">
            <TriangleAlert size={16} aria-hidden="true" />
          </span>
          <p className="toast-text">{toast.message}</p>
          <button
            type="button"
            className="icon-button"
            aria-label="Close notice"
            onClick={() => store.dismissToast(toast.id)}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
