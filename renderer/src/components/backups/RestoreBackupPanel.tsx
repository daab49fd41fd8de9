import { useEffect, useId, useState } from 'react';
import type { BackupPreview } from '../../../../main/contract/backups';
import { useApi, useFormatPrefs, useNow } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { backupContents, backupMoment } from './backup-text';

/**
 * What a backup holds and whether it is whole (every file checked against its manifest), and the
 * confirmation that restores it. Restoring replaces the workspace; what is there now is moved aside and
 * kept, so the words say so before the owner decides.
 */
export function RestoreBackupPanel({
  backupId,
  onCancel,
  onRestored,
}: {
  backupId: string;
  onCancel: () => void;
  onRestored: () => void;
}) {
  const api = useApi();
  const prefs = useFormatPrefs();
  const now = useNow();
  const headingId = useId();
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    // One panel per backup (its parent keys it by id), so there is no earlier preview to clear.
    let current = true;
    api.backups.preview(backupId).then(
      (result) => {
        if (current) setPreview(result);
      },
      (caught: unknown) => {
        if (current) setProblem(errorMessage(caught));
      },
    );
    return () => {
      current = false;
    };
  }, [api, backupId]);

  async function restore() {
    setRestoring(true);
    setProblem(null);
    try {
      await api.backups.restore(backupId);
      onRestored();
    } catch (caught) {
      setProblem(errorMessage(caught));
      setRestoring(false);
    }
  }

  const whole = preview !== null && preview.damage.length === 0;
  return (
    <section className="restore-backup" aria-labelledby={headingId} aria-busy={preview === null || restoring}>
      <h3 id={headingId}>
        {preview ? `Backup of ${backupMoment(preview.backup.createdAt, now, prefs)}` : 'Checking the backup…'}
      </h3>
      {preview ? (
        <>
          <p>
            It holds {backupContents(preview.backup)}
            {preview.backup.workspace === 'real' ? ' of your own workspace' : ' of the demo'}.
          </p>
          {whole ? (
            <p className="field-hint">
              {preview.files === 1
                ? 'Checked: its one file is exactly as it was saved.'
                : `Checked: all ${preview.files} files are exactly as they were saved.`}
            </p>
          ) : (
            <div role="alert" className="form-problem">
              <p>This backup is damaged and cannot be restored:</p>
              <ul>
                {preview.damage.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          <p>
            Restoring replaces your contacts, conversations, templates and settings with this backup. What you
            have now is kept in a folder named “before-restore-…” beside your data, never deleted.
          </p>
        </>
      ) : null}
      {problem ? (
        <p role="alert" className="form-problem">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel} disabled={restoring}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!whole || restoring}
          onClick={() => void restore()}
        >
          {restoring ? 'Restoring…' : 'Restore this backup'}
        </button>
      </div>
    </section>
  );
}
