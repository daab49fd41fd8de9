import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { AppError } from '../../../main/contract/errors';
import type { ContactRow } from '../../../main/contract/model';
import { dateInputValue } from '../format/dates';
import { useAppState, useFormatPrefs, useStore } from '../state/context';
import { asAppError } from '../state/errors';
import { invalidProps } from '../state/field-errors';
import {
  draftOf,
  fieldRow,
  formOf,
  keepOptInMoment,
  localErrors,
  shownErrorKeys,
  withField,
  type ContactForm,
  type FieldRow,
} from './contact-editor/contact-form';
import { CustomFields } from './contact-editor/CustomFields';
import { OptInFields } from './contact-editor/OptInFields';
import { Dialog } from './Dialog';
import { FieldError } from './FieldError';
import { FormProblem } from './FormProblem';
import { OptInHistory } from './OptInHistory';
import { DialogActions } from './DialogActions';

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
  const [form, setForm] = useState<ContactForm>(() => withField(formOf(existing, timeZone), addField));
  // The version the form was filled from: saving over a contact that changed meanwhile is refused.
  const [opened] = useState(() => existing?.contact ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  // Bumped by each refused save: focus then moves to the first field in error (issue 14), never to the page.
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();
  const duplicateId = problem?.code === 'duplicate-phone' ? (problem.contactId ?? null) : null;
  const duplicateName = useAppState((s) =>
    duplicateId === null ? null : (s.rows.get(duplicateId)?.contact.name ?? null),
  );

  const id = (name: string) => `${ids}-${name}`;

  function update(patch: Partial<ContactForm>, clear: string[] = []) {
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
      setRefusals((n) => n + 1);
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
      setRefusals((n) => n + 1);
    }
  }

  useEffect(() => {
    if (refusals === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('button[type="submit"]');
    target?.focus();
  }, [refusals]);

  const shownKeys = shownErrorKeys(form);
  const otherErrors = Object.entries(errors).filter(([key]) => !shownKeys.has(key));
  const isDuplicate = problem?.code === 'duplicate-phone';
  const phoneError = isDuplicate ? (errors.phone ?? problem.message) : errors.phone;
  const showProblemMessage = problem !== null && !isDuplicate;

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
      <form ref={formRef} onSubmit={(event) => void save(event)} noValidate>
        {showProblemMessage ? <FormProblem message={problem.message} others={otherErrors} /> : null}

        <div className="field">
          <label htmlFor={id('name')}>Name</label>
          <input
            id={id('name')}
            type="text"
            dir="auto"
            autoComplete="off"
            value={form.name}
            onChange={(e) => update({ name: e.target.value }, ['name'])}
            {...invalidProps(errors.name, id('name-error'))}
          />
          <FieldError id={id('name-error')} message={errors.name} />
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
            {...invalidProps(phoneError, id('phone-error'))}
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
            dir="auto"
            rows={3}
            value={form.notes}
            onChange={(e) => update({ notes: e.target.value }, ['notes'])}
            {...invalidProps(errors.notes, id('notes-error'))}
          />
          <FieldError id={id('notes-error')} message={errors.notes} />
        </div>

        <CustomFields
          fields={form.fields}
          // Local errors are keyed by row, the main process's by the field's name.
          rowError={(row) => errors[`row.${row.key}`] ?? errors[`fields.${row.name}`]}
          fieldsError={errors.fields}
          idOf={id}
          onChangeRow={updateRow}
          onRemoveRow={(key) => update({ fields: form.fields.filter((r) => r.key !== key) })}
          onAddRow={() => update({ fields: [...form.fields, fieldRow()] })}
        />

        <OptInFields form={form} errors={errors} idOf={id} onChange={update} />

        {existing !== null ? <OptInHistory history={existing.contact.optInHistory} /> : null}

        <DialogActions onCancel={onClose}>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save contact'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
