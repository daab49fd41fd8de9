import { useId, useState, type SyntheticEvent } from 'react';
import type { ContactRow, OptInSource } from '../../../../main/contract/model';
import { dateInputValue } from '../../format/dates';
import { useAppState, useFormatPrefs, useStore } from '../../state/context';
import { asAppError } from '../../state/errors';
import { invalidProps } from '../../state/field-errors';
import { Dialog } from '../Dialog';
import { DialogActions } from '../DialogActions';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { OPT_IN_SOURCES } from '../opt-in-sources';
import { draftOf, formOf } from './contact-form';

const SHOWN = ['optIn.at', 'optIn.source', 'optIn.proof'];

/**
 * "Add opt-in": just the consent — when (today unless changed: saved as the moment of saving), how, and
 * the proof — not the whole contact editor. Saved through the contacts' update like the editor, so the
 * same rules and the same consent history apply; Esc closes and focus goes back where it was.
 */
export function AddOptInDialog({
  contactId,
  onClose,
  onSaved,
}: {
  contactId: string;
  onClose: () => void;
  onSaved: (row: ContactRow, created: boolean) => void;
}) {
  const store = useStore();
  const { timeZone } = useFormatPrefs();
  const row = useAppState((s) => s.rows.get(contactId) ?? null);
  const [opened] = useState(() => row);
  const [today] = useState(() => dateInputValue(store.ticker.readNow(), timeZone));
  const [date, setDate] = useState(today);
  const [source, setSource] = useState<OptInSource | ''>('');
  const [proof, setProof] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  if (opened === null) return null;
  const name = opened.contact.name;

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    if (saving || opened === null) return;
    setSaving(true);
    setErrors({});
    setProblem(null);
    try {
      // Today means now: an empty date lets the main process record the moment of saving.
      const form = { ...formOf(opened, timeZone), status: 'opted-in' as const, source, proof };
      const draft = draftOf({ ...form, date: date === today ? '' : date }, timeZone);
      onSaved(await store.saveContact(contactId, draft, opened.contact.updatedAt), false);
    } catch (caught) {
      const error = asAppError(caught);
      const fields = error.fields ?? {};
      setErrors(fields);
      const unshown = Object.entries(fields).filter(([key]) => !SHOWN.includes(key));
      const shown = Object.keys(fields).length > unshown.length;
      setProblem(
        unshown.length > 0 ? unshown.map(([, text]) => text).join(' ') : shown ? null : error.message,
      );
      setSaving(false);
    }
  }

  return (
    <Dialog
      title={`Add opt-in for ${name}`}
      onClose={onClose}
      className="opt-in-dialog"
      initialFocus="select"
      description={<p>WhatsApp allows templates only to customers who agreed to receive them.</p>}
    >
      <form onSubmit={(event) => void save(event)} noValidate>
        <FormProblem message={problem} />
        <div className="field">
          <label htmlFor={id('source')}>How they agreed</label>
          <select
            id={id('source')}
            value={source}
            onChange={(e) => setSource(e.target.value as OptInSource | '')}
            {...invalidProps(errors['optIn.source'], id('source-error'))}
          >
            <option value="">Choose where they agreed…</option>
            {OPT_IN_SOURCES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError id={id('source-error')} message={errors['optIn.source']} />
        </div>
        <div className="field">
          <label htmlFor={id('date')}>When</label>
          <input
            id={id('date')}
            type="date"
            value={date}
            max={today}
            onChange={(e) => setDate(e.target.value)}
            {...invalidProps(errors['optIn.at'], id('date-error'))}
          />
          <FieldError id={id('date-error')} message={errors['optIn.at']} />
        </div>
        <div className="field">
          <label htmlFor={id('proof')}>Proof</label>
          <input
            id={id('proof')}
            type="text"
            dir="auto"
            placeholder="e.g. signed the form at the counter"
            value={proof}
            onChange={(e) => setProof(e.target.value)}
            {...invalidProps(errors['optIn.proof'], id('proof-error'))}
          />
          <FieldError id={id('proof-error')} message={errors['optIn.proof']} />
        </div>
        <DialogActions onCancel={onClose}>
          <button type="submit" className="primary" aria-busy={saving || undefined}>
            {saving ? 'Saving…' : 'Save opt-in'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
