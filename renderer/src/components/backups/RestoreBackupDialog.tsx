import { Dialog } from '../Dialog';
import { RestoreBackupPanel } from './RestoreBackupPanel';

/** The restore confirmation on its own, for the "Restore from the backup of …" offer of a damaged file. */
export function RestoreBackupDialog({ backupId, onClose }: { backupId: string; onClose: () => void }) {
  return (
    <Dialog title="Restore a backup" onClose={onClose} className="restore-backup-dialog">
      <RestoreBackupPanel backupId={backupId} onCancel={onClose} onRestored={onClose} />
    </Dialog>
  );
}
