import { useEffect, useId, useState } from 'react';
import type { BackupOverview } from '../../../../main/contract/backups';
import { useApi, useFormatPrefs, useNow } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { backupContents, backupMoment, backupSize } from '../backups/backup-text';
import { RestoreBackupPanel } from '../backups/RestoreBackupPanel';

/**
 * Backups of the owner's workspace: where they go (a typed path for now; an Electron folder picker can
 * fill the same field later), when the last one was made, "Back up now", and each backup with Restore….
 * Changes take effect at once, apart from "Save settings"; the list follows `backups:changed`.
 */
export function BackupsSection({ onRestored }: { onRestored: () => void }) {
  const api = useApi();
  const prefs = useFormatPrefs();
  const now = useNow();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.backups.list().then(
      (result) => {
        if (current) setOverview(result);
      },
      (caught: unknown) => {
        if (current) setProblem(errorMessage(caught));
      },
    );
    const off = api.on('backups:changed', setOverview);
    return () => {
      current = false;
      off();
    };
  }, [api]);

  async function run(action: () => Promise<BackupOverview>) {
    setBusy(true);
    setProblem(null);
    try {
      setOverview(await action());
      setFolder(null);
    } catch (caught) {
      setProblem(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  if (overview === null) {
    return (
      <fieldset className="field-group backups">
        <legend>Backups</legend>
        <p className="field-hint">{problem ?? 'Loading your backups…'}</p>
      </fieldset>
    );
  }
  const typed = folder ?? overview.folder;
  const moment = (at: number) => backupMoment(at, now, prefs);
  return (
    <fieldset className="field-group backups" aria-busy={busy || undefined}>
      <legend>Backups</legend>
      <p className="field-hint" id={id('status')}>
        {overview.lastBackupAt === null ? 'No backup yet.' : `Last backup: ${moment(overview.lastBackupAt)}.`}{' '}
        {overview.nextAutomaticAt === null
          ? ''
          : `Next automatic backup: ${moment(overview.nextAutomaticAt)}. CareWindow keeps one a day for a week and one a week for a month.`}
      </p>
      {overview.problem || problem ? (
        <p role="alert" className="form-problem">
          {problem ?? overview.problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id('folder')}>Backup folder</label>
        <div className="field-row">
          <input
            id={id('folder')}
            type="text"
            spellCheck={false}
            value={typed}
            aria-describedby={id('folder-hint')}
            onChange={(event) => setFolder(event.target.value)}
          />
          <button
            type="button"
            className="secondary"
            disabled={busy || folder === null || folder.trim() === overview.folder}
            onClick={() => void run(() => api.backups.setFolder(typed))}
          >
            Use this folder
          </button>
          {overview.isDefaultFolder ? null : (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void run(() => api.backups.setFolder(null))}
            >
              Use the default folder
            </button>
          )}
        </div>
        <p className="field-hint" id={id('folder-hint')}>
          Type the full path of a folder, for example on a USB drive or in a folder your cloud service syncs.
          Backups already made stay where they are.
        </p>
      </div>
      <div>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(() => api.backups.create())}
        >
          {busy ? 'Working…' : 'Back up now'}
        </button>
      </div>
      {overview.backups.length > 0 ? (
        <ul className="backup-list" aria-label="Backups">
          {overview.backups.map((backup) => (
            <li key={backup.id}>
              <span>
                {moment(backup.createdAt)} · {backupContents(backup)} · {backupSize(backup.bytes)}
                {backup.automatic ? ' · automatic' : ''}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={`Restore the backup of ${moment(backup.createdAt)}…`}
                onClick={() => setRestoring(backup.id)}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {restoring === null ? null : (
        <RestoreBackupPanel
          backupId={restoring}
          onCancel={() => setRestoring(null)}
          onRestored={onRestored}
        />
      )}
    </fieldset>
  );
}
