import { useState } from 'react';
import type { FollowUpResult } from '../../../../main/contract/model';
import { templateLabel } from '../../format/follow-up-text';
import { batchCostText } from '../../../../main/domain/follow-up/batch-cost';
import { useApi, useAppState, useFormatPrefs } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { Dialog } from '../Dialog';
import type { Eligible } from './EligibleList';
import { FormProblem } from '../FormProblem';
import { DialogActions } from '../DialogActions';

/** The one confirmation before following up with everyone eligible: who gets which template. */
export function SendAllDialog({
  items,
  onClose,
  onDone,
}: {
  items: readonly Eligible[];
  onClose: () => void;
  onDone: (results: FollowUpResult[]) => void;
}) {
  const api = useApi();
  const templates = useAppState((s) => s.templates);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { locale } = useFormatPrefs();
  const sendable = items.flatMap(({ row, preview }) =>
    preview.templateId === null ? [] : [{ row, templateId: preview.templateId, cost: preview.cost }],
  );
  // The charge for exactly these recipients and templates, by the pricing rules (never "free" when billed).
  const charge = batchCostText(
    sendable.flatMap(({ cost }) => (cost === null ? [] : [cost])),
    locale,
  );
  const n = sendable.length;
  const plural = n === 1 ? 'follow-up' : 'follow-ups';

  async function send() {
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      const results = await api.followUps.sendAll(
        sendable.map(({ row, templateId }) => ({ contactId: row.contact.id, templateId })),
      );
      onDone(results);
    } catch (caught) {
      setError(errorMessage(caught));
      setSending(false);
    }
  }

  return (
    <Dialog
      title={`Send ${n} ${plural}?`}
      onClose={onClose}
      className="confirm-dialog send-all-dialog"
      description={
        <>
          <p>Each contact gets one approved template. A sent follow-up cannot be taken back.</p>
          {charge === '' ? null : <p className="send-all-cost">{charge}</p>}
        </>
      }
    >
      <ul className="send-all-list" aria-label="Who gets what">
        {sendable.map(({ row, templateId }) => {
          const template = templates?.find((t) => t.id === templateId);
          return (
            <li key={row.contact.id}>
              <span className="follow-up-name">{row.contact.name}</span> —{' '}
              {template ? templateLabel(template) : 'default template'}
            </li>
          );
        })}
      </ul>
      <FormProblem message={error} />
      <DialogActions onCancel={onClose}>
        <button
          type="button"
          className="primary"
          disabled={n === 0}
          aria-disabled={sending || undefined}
          aria-busy={sending || undefined}
          onClick={() => void send()}
        >
          {sending ? 'Sending…' : `Send ${n} ${plural}`}
        </button>
      </DialogActions>
    </Dialog>
  );
}
