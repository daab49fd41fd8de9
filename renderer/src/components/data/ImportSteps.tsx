import type { ReactNode } from 'react';
import { fileAsBase64 } from './download';
import type { BusyRun } from '../use-busy-run';

/** A file the owner chose, as the import calls take it (the contract carries text only). */
export interface ChosenFile {
  name: string;
  base64: string;
}

/**
 * The file input an import starts from. The file is read under the dialog's `run`, so the dialog is busy
 * while it is read and a file that cannot be read shows as the dialog's problem.
 */
export function ImportFileField({
  label,
  accept,
  busy,
  run,
  onRead,
}: {
  label: string;
  accept: string;
  busy: boolean;
  run: BusyRun['run'];
  onRead: (file: ChosenFile) => Promise<void>;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="file"
        accept={accept}
        disabled={busy}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (!chosen) return;
          void run(async () => onRead({ name: chosen.name, base64: await fileAsBase64(chosen) }));
        }}
      />
    </label>
  );
}

/**
 * After an import: what it did, an Undo that is offered until it is used (an import is undone once), and
 * the dialog's way out as `children`.
 */
export function ImportOutcome({
  status,
  undone,
  undoLabel,
  busy,
  run,
  undo,
  onUndone,
  children,
}: {
  status: string;
  undone: boolean;
  undoLabel: string;
  busy: boolean;
  run: BusyRun['run'];
  undo: () => Promise<unknown>;
  onUndone: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <p role="status">{status}</p>
      <div className="dialog-actions">
        {undone ? null : (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await undo();
                onUndone();
              })
            }
          >
            {undoLabel}
          </button>
        )}
        {children}
      </div>
    </>
  );
}
