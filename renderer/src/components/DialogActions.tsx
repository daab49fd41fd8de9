import type { ReactNode } from 'react';

/**
 * The button row at the foot of a dialog or form. It always starts with the way out ("Cancel" unless the
 * dialog words it otherwise), so that button sits in the same place everywhere; the dialog's own buttons
 * follow as `children`.
 */
export function DialogActions({
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  children: ReactNode;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
      {children}
    </div>
  );
}
