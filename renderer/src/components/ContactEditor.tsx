import { useId, useState, type SyntheticEvent } from 'react';
import type { AppError } from '../../../main/contract/errors';
import type { Contact, ContactDraft, ContactRow, OptIn, OptInSource } from '../../../main/contract/model';
import { dateInputValue, startOfDayInZone } from '../format/dates';
import { useAppState, useFormatPrefs, useStore } from '../state/context';
import { asAppError } from '../state/errors';
import { Dialog } from './Dialog';
import { OPT_IN_SOURCES } from './opt-in-sources';
import { OptInHistory } from './OptInHistory';
import { FormProblem } from './FormProblem';

export { OPT_IN_SOURCES };

const STATUSES: ReadonlyArray<{ value: OptIn['status']; label: string }> = [
  { value: 'none', label: 'No opt-in' },
  { value: 'opted-in', label: 'Opted in' },
  { value: 'opted-out', label: 'Opted out' },
];

interface FieldRow {
  /** Stable React key; not the field name. */
  key: number;
  name: string;
  value: string;
}

interface Form {
  name: string;
  phone: string;
  notes: string;
  fields: FieldRow[];
  status: OptIn['status'];
  /** `<input type="date">` text, "" when not given. */
  date: string;
  source: OptInSource | '';
  proof: string;
}

let rowKeys = 0;
const fieldRow = (name = '', value = ''): FieldRow => ({ key: ++rowKeys, name, value });

function formOf(row: ContactRow | null, timeZone: string): Form {
  if (row === null) {
    return { name: '', phone: '', notes: '', fields: [], status: 'none', date: '', source: '', proof: '' };
  }
  const { contact } = row;
  return {
    name: contact.name,
    phone: contact.phone,
    notes: contact.notes,
    fields: Object.entries(contact.fields).map(([name, value]) => fieldRow(name, value)),
    status: contact.optIn.status,
    date: contact.optIn.at === null ? '' : dateInputValue(contact.optIn.at, timeZone),
    source: contact.optIn.source ?? '',
    proof: contact.optIn.proof,
  };
}

/**
 * The form shows the opt-in as a day; the record keeps the exact moment. When the owner left the status
 * and the day as they were, the saved moment is sent back unchanged, so editing a note never rewrites
 * the consent record.
 */
export function keepOptInMoment(
  draft: ContactDraft,
  opened: Contact | null,
  formDate: string,
  timeZone: string,
): ContactDraft {
  const at = opened?.optIn.at ?? null;
  if (opened === null || at === null || draft.optIn.status !== opened.optIn.status) return draft;
  if (formDate !== dateInputValue(at, timeZone)) return draft;
  return { ...draft, optIn: { ...draft.optIn, at } };
}

/** The form with a custom field of this name, added empty when the contact does not have it yet. */
function withField(form: Form, name: string | undefined): Form {
  if (name === undefined || name === '' || form.fields.some((row) => row.name === name)) return form;
  return { ...form, fields: [...form.fields, fieldRow(name, '')] };
}

/**
 * What the form sends. The opt-in date is the start of the chosen day in the owner's time zone
 * (midnight, not noon, so "today" is never in the future); an empty date lets the main process use
 * "now".
 */
export function draftOf(form: Form, timeZone: string): ContactDraft {
  const fields: Record<string, string> = {};
  for (const row of form.fields) {
    if (row.name.trim() === '' && row.value.trim() === '') continue;
    fields[row.name] = row.value;
  }
  const optedNone = form.status === 'none';
  return {
    name: form.name,
    phone: form.phone,
    notes: form.notes,
    fields,
    optIn: {
      status: form.status,
      at: optedNone || form.date === '' ? null : startOfDayInZone(form.date, timeZone),
      source: optedNone || form.source === '' ? null : form.source,
      proof: optedNone ? '' : form.proof,
    },
  };
}

/** Problems the form can see before asking the main process: a field without a name, a name used twice. */
function localErrors(form: Form): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of form.fields) {
    const name = row.name.trim();
    if (name === '' && row.value.trim() !== '')
      errors[`row.${row.key}`] = 'Give this field a name, like ticket_ID.';
    else if (name !== '' && seen.has(name)) errors[`row.${row.key}`] = `The field “${name}” appears twice.`;
    seen.add(name);
  }
  const date = form.date;
  if (form.status !== 'none' && date !== '' && startOfDayInZone(date, 'UTC') === null) {
    errors['optIn.at'] = 'Enter the date as day, month and year.';
  }
  return errors;
}

export interface ContactEditorProps {
  /** null adds a new contact. */
  contactId: string | null;
  /** Opens with the opt-in section focused ("Add opt-in"). */
  focusOptIn?: boolean;
  /** Opens with this custom field added (if missing) and its value focused ("Add ticket_ID to Maria"). */
  addField?: string;
  onClose: () => void;
  onSaved: (row: ContactRow, created: boolean) => void;
  onOpenContact: (contactId: string) => void;
}

/**
 * Add or edit a contact. Everything typed stays in the form until it is saved: errors from the main
 * process are shown next to the field they are about (`fields` of the AppError), and a number that is
 * already saved offers to open that contact instead.
 */
export function ContactEditor({
  contactId,
  focusOptIn,
  addField,
  onClose,
  onSaved,
  onOpenContact,
}: ContactEditorProps) {
  const store = useStore();
  const { timeZone } = useFormatPrefs();
  const existing = useAppState((s) => (contactId === null ? null : (s.rows.get(contactId) ?? null)));
  const [form, setForm] = useState<Form>(() => withField(formOf(existing, timeZone), addField));
  // The version the form was filled from: saving over a contact that changed meanwhile is refused.
  const [opened] = useState(() => existing?.contact ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const duplicateId = problem?.code === 'duplicate-phone' ? (problem.contactId ?? null) : null;
  const duplicateName = useAppState((s) =>
    duplicateId === null ? null : (s.rows.get(duplicateId)?.contact.name ?? null),
  );

  const id = (name: string) => `${ids}-${name}`;

  function update(patch: Partial<Form>, clear: string[] = []) {
    setForm((current) => {
      const next = { ...current, ...patch };
      // Choosing "Opted in" without a date suggests today.
      if (patch.status && patch.status !== 'none' && current.status === 'none' && next.date === '') {
        next.date = dateInputValue(store.ticker.readNow(), timeZone);
      }
      return next;
    });
    if (clear.some((key) => key in errors)) {
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([key]) => !clear.includes(key))),
      );
    }
  }

  function updateRow(key: number, patch: Partial<FieldRow>) {
    const original = form.fields.find((row) => row.key === key);
    update({ fields: form.fields.map((row) => (row.key === key ? { ...row, ...patch } : row)) }, [
      `row.${key}`,
      original ? `fields.${original.name}` : '',
    ]);
  }

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    if (saving) return;
    const local = localErrors(form);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setProblem(null);
      return;
    }
    setSaving(true);
    setProblem(null);
    setErrors({});
    try {
      const draft = keepOptInMoment(draftOf(form, timeZone), opened, form.date, timeZone);
      const row = await store.saveContact(contactId, draft, opened?.updatedAt);
      onSaved(row, contactId === null);
    } catch (caught) {
      const error = asAppError(caught);
      setProblem(error);
      setErrors(error.fields ?? {});
      setSaving(false);
    }
  }

  /** Errors for a custom field row: local ones by row, the main process's by the field's name. */
  const rowError = (row: FieldRow): string | undefined =>
    errors[`row.${row.key}`] ?? errors[`fields.${row.name}`];
  const shownKeys = new Set([
    'name',
    'phone',
    'notes',
    'fields',
    'optIn.at',
    'optIn.source',
    'optIn.proof',
    'optIn.status',
  ]);
  for (const row of form.fields) shownKeys.add(`row.${row.key}`).add(`fields.${row.name}`);
  const otherErrors = Object.entries(errors).filter(([key]) => !shownKeys.has(key));
  const isDuplicate = problem?.code === 'duplicate-phone';
  const phoneError = isDuplicate ? (errors.phone ?? problem.message) : errors.phone;
  const showProblemMessage = problem !== null && !isDuplicate;

  const invalid = (key: string, message: string | undefined) =>
    message ? { 'aria-invalid': true as const, 'aria-describedby': id(`${key}-error`) } : {};
  const errorText = (key: string, message: string | undefined) =>
    message ? (
      <p id={id(`${key}-error`)} className="field-error">
        {message}
      </p>
    ) : null;

  function initialFocus(): string | undefined {
    if (focusOptIn) return `input[name="${id('status')}"]:checked`;
    const index = addField === undefined ? -1 : form.fields.findIndex((row) => row.name === addField);
    return index < 0 ? undefined : `input[aria-label="Value ${index + 1}"]`;
  }

  return (
    <Dialog
      title={contactId === null ? 'Add contact' : 'Edit contact'}
      onClose={onClose}
      className="contact-editor"
      initialFocus={initialFocus()}
    >
      <form onSubmit={(event) => void save(event)} noValidate>
        {showProblemMessage ? <FormProblem message={problem.message} others={otherErrors} /> : null}

        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input
            id={id('name')}
            type="text"
            autoComplete="off"
            value={form.name}
            onChange={(e) => update({ name: e.target.value }, ['name'])}
            {...invalid('name', errors.name)}
          />
          {errorText('name', errors.name)}
        </div>

        <div className="field">
          <label htmlFor={id('phone')}>WhatsApp number</label>
          <input
            id={id('phone')}
            type="tel"
            autoComplete="off"
            placeholder="+31 6 1234 5678"
            value={form.phone}
            onChange={(e) => update({ phone: e.target.value }, ['phone'])}
            {...invalid('phone', phoneError)}
          />
          {phoneError ? (
            <div id={id('phone-error')} className="field-error" role={isDuplicate ? 'alert' : undefined}>
              <p>{phoneError}</p>
              {isDuplicate && duplicateId !== null ? (
                <button type="button" className="secondary" onClick={() => onOpenContact(duplicateId)}>
                  Open {duplicateName ?? 'that contact'}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor={id('notes')}>Notes</label>
          <textarea
            id={id('notes')}
            rows={3}
            value={form.notes}
            onChange={(e) => update({ notes: e.target.value }, ['notes'])}
            {...invalid('notes', errors.notes)}
          />
          {errorText('notes', errors.notes)}
        </div>

        <fieldset className="field-group" aria-describedby={errors.fields ? id('fields-error') : undefined}>
          <legend>Custom fields</legend>
          <p className="field-hint">Used to fill templates, e.g. a field ticket_ID fills {'{ticket_ID}'}.</p>
          {form.fields.map((row, index) => {
            const message = rowError(row);
            const n = index + 1;
            return (
              <div key={row.key} className="custom-field">
                <div className="custom-field-inputs">
                  <label className="compact-label">
                    <span>Field</span>
                    <input
                      type="text"
                      aria-label={`Field ${n}`}
                      placeholder="ticket_ID"
                      value={row.name}
                      onChange={(e) => updateRow(row.key, { name: e.target.value })}
                      {...invalid(`row-${row.key}`, message)}
                    />
                  </label>
                  <label className="compact-label">
                    <span>Value</span>
                    <input
                      type="text"
                      aria-label={`Value ${n}`}
                      value={row.value}
                      onChange={(e) => updateRow(row.key, { value: e.target.value })}
                    />
                  </label>
                  <button
                    type="button"
                    className="ghost remove-field"
                    aria-label={`Remove field ${row.name.trim() || n}`}
                    onClick={() => update({ fields: form.fields.filter((r) => r.key !== row.key) })}
                  >
                    Remove
                  </button>
                </div>
                {errorText(`row-${row.key}`, message)}
              </div>
            );
          })}
          <button
            type="button"
            className="ghost"
            onClick={() => update({ fields: [...form.fields, fieldRow()] })}
          >
            <span aria-hidden="true">＋</span> Add field
          </button>
          {errorText('fields', errors.fields)}
        </fieldset>

        <fieldset className="field-group">
          <legend>Opt-in</legend>
          <p className="field-hint">
            WhatsApp allows templates only to customers who agreed to receive them.
          </p>
          <div className="radios" aria-describedby={errors['optIn.status'] ? id('status-error') : undefined}>
            {STATUSES.map((status) => (
              <label key={status.value} className="radio">
                <input
                  type="radio"
                  name={id('status')}
                  value={status.value}
                  checked={form.status === status.value}
                  onChange={() =>
                    update({ status: status.value }, ['optIn.status', 'optIn.at', 'optIn.source'])
                  }
                />
                {status.label}
              </label>
            ))}
          </div>
          {errorText('status', errors['optIn.status'])}
          {form.status === 'none' ? null : (
            <div className="opt-in-details">
              <div className="field">
                <label htmlFor={id('date')}>Opt-in date</label>
                <input
                  id={id('date')}
                  type="date"
                  value={form.date}
                  onChange={(e) => update({ date: e.target.value }, ['optIn.at'])}
                  {...invalid('date', errors['optIn.at'])}
                />
                {errorText('date', errors['optIn.at'])}
              </div>
              <div className="field">
                <label htmlFor={id('source')}>Opt-in source</label>
                <select
                  id={id('source')}
                  value={form.source}
                  onChange={(e) => update({ source: e.target.value as OptInSource | '' }, ['optIn.source'])}
                  {...invalid('source', errors['optIn.source'])}
                >
                  <option value="">Choose where they agreed…</option>
                  {OPT_IN_SOURCES.map((source) => (
                    <option key={source.value} value={source.value}>
                      {source.label}
                    </option>
                  ))}
                </select>
                {errorText('source', errors['optIn.source'])}
              </div>
              <div className="field field-wide">
                <label htmlFor={id('proof')}>Proof note</label>
                <input
                  id={id('proof')}
                  type="text"
                  placeholder="e.g. signed the form at the counter"
                  value={form.proof}
                  onChange={(e) => update({ proof: e.target.value }, ['optIn.proof'])}
                  {...invalid('proof', errors['optIn.proof'])}
                />
                {errorText('proof', errors['optIn.proof'])}
              </div>
            </div>
          )}
        </fieldset>

        {existing !== null ? <OptInHistory history={existing.contact.optInHistory} /> : null}

        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save contact'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
