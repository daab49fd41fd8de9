import { useId, useState, type SyntheticEvent } from 'react';
import type { AppError } from '../../../../main/contract/errors';
import type { Template } from '../../../../main/contract/model';
import { CATEGORY_WORD, STATUS_WORD } from '../../format/follow-up-text';
import { useApi, useStore } from '../../state/context';
import { asAppError } from '../../state/errors';
import { errorAt, unclaimedErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { Choice } from './Choice';
import { PlaceholderMapping } from './PlaceholderMapping';
import { TextField } from './TextField';
import {
  draftOf,
  formOf,
  localErrors,
  mappingRow,
  readBody,
  type TemplateForm as Form,
} from './template-form';
import { FormProblem } from '../FormProblem';
import { DialogActions } from '../DialogActions';

const FIELDS = ['name', 'language', 'category', 'status', 'header', 'body', 'footer', 'buttons'];

/**
 * Add or edit a template as it is registered in WhatsApp Manager, and say where each placeholder's
 * value comes from. The main process checks it; its field errors appear next to the input they are about.
 */
export function TemplateForm({
  template,
  onSaved,
  onCancel,
}: {
  template: Template | null;
  onSaved: (template: Template) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const store = useStore();
  const [form, setForm] = useState<Form>(() => formOf(template));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const { placeholders, problem: bodyProblem } = readBody(form.body);

  /** Changes the form and forgets the error about what changed. */
  function update(patch: Partial<Form>, clear?: string) {
    setForm((current) => ({ ...current, ...patch }));
    if (clear !== undefined && errors[clear] !== undefined) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== clear)));
    }
  }

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    if (saving) return;
    const local = localErrors(form);
    setProblem(null);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const draft = draftOf(form);
      const saved =
        template === null ? await api.templates.save(draft) : await api.templates.save(draft, template.id);
      store.putTemplate(saved);
      onSaved(saved);
    } catch (caught) {
      const error = asAppError(caught);
      setProblem(error);
      setErrors(error.fields ?? {});
      setSaving(false);
    }
  }

  const isClaimed = (key: string) =>
    FIELDS.some((f) => key === f || key.startsWith(`${f}.`)) ||
    (key.startsWith('mapping.') &&
      placeholders.some((p) => p.key === key.slice('mapping.'.length).split('.')[0]));
  const others = unclaimedErrors(errors, isClaimed);
  const text = (key: 'name' | 'language' | 'header' | 'footer', label: string, hint?: string) => (
    <TextField
      id={id(key)}
      label={label}
      value={form[key]}
      onChange={(value) => update({ [key]: value }, key)}
      message={errorAt(errors, key)}
      hint={hint}
      spellCheck={false}
    />
  );
  // The main process's last word on the body, else what it would say about the body as typed now.
  const bodyError = errorAt(errors, 'body') ?? bodyProblem ?? undefined;
  // A body that cannot be read has no placeholders to list: its error says why.
  const listsPlaceholders = placeholders.length > 0 || bodyError === undefined;

  return (
    <form
      className="template-form"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-labelledby={id('title')}
    >
      <h3 id={id('title')}>{template === null ? 'New template' : `Edit ${template.name}`}</h3>
      <FormProblem message={problem?.message ?? null} others={others} />

      <div className="form-grid">
        {text('name', 'Name', 'Exactly as in WhatsApp Manager, e.g. ticket_update.')}
        {text('language', 'Language', 'The language code, e.g. en_US or nl.')}
        <Choice
          id={id('category')}
          label="Category"
          value={form.category}
          options={CATEGORY_WORD}
          message={errorAt(errors, 'category')}
          onChange={(category) => update({ category }, 'category')}
        />
        <Choice
          id={id('status')}
          label="Status"
          value={form.status}
          options={STATUS_WORD}
          message={errorAt(errors, 'status')}
          onChange={(status) => update({ status }, 'status')}
          // Fetched from the account: the status comes from WhatsApp (template sync), not by hand.
          lockedBecause={
            template?.source === 'platform' ? 'Status comes from your WhatsApp account.' : undefined
          }
        />
      </div>
      {text('header', 'Header (optional)')}
      <div className="field">
        <label htmlFor={id('body')}>Body</label>
        <textarea
          id={id('body')}
          rows={5}
          value={form.body}
          onChange={(e) => update({ body: e.target.value }, 'body')}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[listsPlaceholders ? id('found') : '', bodyError ? id('body-error') : '']
            .filter(Boolean)
            .join(' ')}
        />
        {listsPlaceholders ? (
          <p id={id('found')} className="field-hint placeholders-found">
            {placeholders.length === 0
              ? "No placeholders yet — write {name} or {{1}} where the contact's details go."
              : `Placeholders found: ${placeholders.map((p) => p.label).join(', ')}`}
          </p>
        ) : null}
        <FieldError id={id('body-error')} message={bodyError} />
      </div>
      {text('footer', 'Footer (optional)')}
      <div className="field">
        <span className="field-label">Buttons</span>
        {form.buttons.length === 0 ? (
          <p className="field-hint">No buttons.</p>
        ) : (
          <ul className="template-buttons" aria-label="Buttons">
            {form.buttons.map((label, index) => (
              <li key={`${index}-${label}`}>{label}</li>
            ))}
          </ul>
        )}
        <FieldError id={id('buttons-error')} message={errorAt(errors, 'buttons')} />
      </div>

      <PlaceholderMapping
        placeholders={placeholders}
        rowOf={(key) => mappingRow(form, key)}
        errors={errors}
        onChange={(key, row) => update({ mapping: { ...form.mapping, [key]: row } }, `mapping.${key}`)}
      />

      <DialogActions onCancel={onCancel}>
        <button type="submit" className="primary" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save template'}
        </button>
      </DialogActions>
    </form>
  );
}
