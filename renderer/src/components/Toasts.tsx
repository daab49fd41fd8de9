import { useAppState, useStore } from '../state/context';

/** Non-blocking notices for failed calls, in the main process's words. */
export function Toasts() {
  const store = useStore();
  const toasts = useAppState((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} role="alert" className="toast">
          <span className="toast-icon" aria-hidden="true">
            ⚠
          </span>
          <p className="toast-text">{toast.message}</p>
          <button
            type="button"
            className="icon-button"
            aria-label="Close notice"
            onClick={() => store.dismissToast(toast.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
