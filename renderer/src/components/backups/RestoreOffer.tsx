import { useState } from 'react';
import type { DataProblem } from '../../../../main/contract/model';
import { useFormatPrefs, useNow } from '../../state/context';
import { backupMoment } from './backup-text';
import { RestoreBackupDialog } from './RestoreBackupDialog';

type Offer = NonNullable<DataProblem['restore']>;

/** "Restore from the backup of Tue 24 Nov, 03:00": a damaged file's way back, through the restore preview. */
export function RestoreOffer({ offer }: { offer: Offer }) {
  const prefs = useFormatPrefs();
  const now = useNow();
  const [open, setOpen] = useState(false);
  return (
    <>
      {' '}
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Restore from the backup of {backupMoment(offer.createdAt, now, prefs)}
      </button>
      {open ? <RestoreBackupDialog backupId={offer.backupId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
