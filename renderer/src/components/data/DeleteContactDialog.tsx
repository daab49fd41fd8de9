import { useEffect, useState } from 'react';
import type { RemovalSummary } from '../../../../main/contract/exports';
import { errorMessage } from '../../state/errors';
import { useStore } from '../../state/context';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';
import { FormProblem } from '../FormProblem';
import { downloadFile } from './download';
import { useBusyRun } from '../use-busy-run';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "Maria Jansen, 1,204 messages, 3 photos, opt-in history": exactly what deleting removes. */
export function removalWords(summary: RemovalSummary): string {
  const parts = [summary.name, count(summary.messages, 'message', 'messages')];
  if (summary.photos > 0) parts.push(count(summary.photos, 'photo', 'photos'));
  if (summary.optInEvents > 0) parts.push('opt-in history');
  if (summary.templateSends > 0) parts.push(count(summary.templateSends, 'template send', 'template sends'));
  return parts.join(', ');
}

/** The confirmation before a contact is deleted with all its data, offering the export first. */
export function DeleteContactDialog({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const store = useStore();
  const [summary, setSummary] = useState<RemovalSummary | null>(null);
  const { busy, problem, setProblem, run } = useBusyRun();

  useEffect(() => {
    store.api.contacts.removalSummary(contactId).then(setSummary, (error: unknown) => {
      setProblem(errorMessage(error));
    });
  }, [store, contactId, setProblem]);

  return (
    <Dialog
      title="Delete this contact?"
      onClose={onClose}
      className="confirm-dialog"
      initialFocus=".secondary"
      description={
        summary === null ? (
          <p>Counting what will be removed…</p>
        ) : (
          <p>
            {removalWords(summary)}. Everything CareWindow keeps about them is removed. This cannot be undone;
            export first? Backups made before today still hold them until they are rotated out (about five
            weeks).
          </p>
        )
      }
    >
      <FormProblem message={problem} />
      <DialogActions onCancel={onClose} cancelLabel="Keep the contact">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run(async () => downloadFile(await store.api.exports.contactData(contactId)))}
        >
          Export first
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={busy || summary === null}
          onClick={() =>
            void run(async () => {
              await store.api.contacts.remove(contactId);
              onClose();
            })
          }
        >
          Delete for good
        </button>
      </DialogActions>
    </Dialog>
  );
}
