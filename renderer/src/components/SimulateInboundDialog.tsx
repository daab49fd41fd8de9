import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import { useAppState, useStore } from '../state/context';
import { errorMessage } from '../state/errors';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { FieldError } from './FieldError';
import { invalidProps } from '../state/field-errors';

/**
 * The demo's "Simulate customer message": the owner chooses who writes and what (issue 14: to try STOP
 * and START without the console). The message takes the same inbound path as a real one, so an opt-out
 * word opts the customer out. Left empty, the customer writes one of the demo's lines.
 */
export function SimulateInboundDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const rows = useAppState((s) => s.rows);
  const selectedId = useAppState((s) => s.selectedId);
  const contacts = useMemo(
    () => [...rows.values()].map((row) => row.contact).sort((a, b) => a.name.localeCompare(b.name)),
    [rows],
  );
  const [contactId, setContactId] = useState(selectedId ?? contacts[0]?.id ?? '');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;

  async function send(event: SyntheticEvent) {
    event.preventDefault();
    if (busy || contactId === '') return;
    setBusy(true);
    setProblem(null);
    try {
      await store.simulateInbound(contactId, text.trim() === '' ? undefined : text);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Simulate a customer message" onClose={onClose} className="simulate-dialog">
      <form onSubmit={(event) => void send(event)} noValidate>
        <div className="field">
          <label htmlFor={id('contact')}>From</label>
          <select
            id={id('contact')}
            dir="auto"
            value={contactId}
            onChange={(e) => setContactId(e.target.value)}
          >
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('text')}>Message</label>
          <textarea
            id={id('text')}
            dir="auto"
            rows={3}
            value={text}
            aria-describedby={id('hint')}
            onChange={(e) => setText(e.target.value)}
            {...invalidProps(problem ?? undefined, id('problem'))}
          />
          <p id={id('hint')} className="field-hint">
            Try STOP to opt out and START to opt in again. Left empty, the customer writes a line of the demo.
          </p>
          <FieldError id={id('problem')} message={problem ?? undefined} />
        </div>
        <DialogActions onCancel={onClose}>
          <button type="submit" className="primary" disabled={busy || contactId === ''}>
            {busy ? 'Sending…' : 'Send as the customer'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
