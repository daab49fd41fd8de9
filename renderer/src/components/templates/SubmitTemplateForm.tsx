import { useId, useState, type SyntheticEvent } from 'react';
import type { Template, TemplateHeaderFormat } from '../../../../main/contract/model';
import { CATEGORY_WORD } from '../../format/follow-up-text';
import { useApi, useStore } from '../../state/context';
import { asAppError, errorMessage } from '../../state/errors';
import { errorAt, invalidProps } from '../../state/field-errors';
import { DialogActions } from '../DialogActions';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { Choice } from './Choice';
import { PlaceholderMapping } from './PlaceholderMapping';
import { TemplateButtonsEditor } from './TemplateButtonsEditor';
import { TemplatePreview } from './TemplatePreview';
import { TextField } from './TextField';
import { mappingRow, formOf } from './template-form';
import {
  emptySubmitForm,
  placeholdersOf,
  previewOf,
  ruleErrors,
  submissionOf,
  uploadSample,
  type SubmitForm,
} from './submit-form';

/** The inputs of one line of text. */
type TextKey = 'name' | 'language' | 'headerText' | 'headerExample' | 'footer';

const HEADER_WORD: Record<TemplateHeaderFormat, string> = {
  none: 'No header',
  text: 'Text',
  image: 'Photo',
  video: 'Video',
  document: 'Document (PDF)',
};

/**
 * "New template for approval": written here, checked against WhatsApp's rules as the owner types (the
 * domain's own check, the one main runs again), previewed as the customer will see it, then submitted.
 */
export function SubmitTemplateForm({
  onSubmitted,
  onCancel,
}: {
  onSubmitted: (t: Template) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const store = useStore();
  const [form, setForm] = useState<SubmitForm>(emptySubmitForm);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'' | 'sample' | 'submit'>('');
  const ids = useId();
  const id = (key: string) => `${ids}-${key.replace(/\W/g, '-')}`;
  const placeholders = placeholdersOf(form);
  // The rules speak once the owner tried to submit; after that, live as they fix things.
  const errors = { ...(attempted ? ruleErrors(form) : {}), ...serverErrors };
  const update = (patch: Partial<SubmitForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setServerErrors({});
  };
  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (busy !== '') return;
    setAttempted(true);
    setProblem(null);
    if (Object.keys(ruleErrors(form)).length > 0) return;
    setBusy('submit');
    try {
      const saved = await api.templates.submit(submissionOf(form));
      store.putTemplate(saved);
      onSubmitted(saved);
    } catch (caught) {
      const error = asAppError(caught);
      setProblem(error.message);
      setServerErrors(error.fields ?? {});
      setBusy('');
    }
  }

  async function chooseSample(file: File | undefined) {
    if (!file) return;
    setBusy('sample');
    try {
      update({ headerSample: await uploadSample(api, file) });
    } catch (caught) {
      setServerErrors({ headerSample: errorMessage(caught) });
    } finally {
      setBusy('');
    }
  }

  const input = (key: TextKey, label: string, hint?: string) => (
    <TextField
      id={id(key)}
      label={label}
      value={form[key]}
      onChange={(value) => update({ [key]: value })}
      message={errorAt(errors, key)}
      hint={hint}
      spellCheck={false}
    />
  );

  return (
    <form
      className="template-form submit-template-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={id('title')}
    >
      <h3 id={id('title')}>New template for approval</h3>
      <p className="field-hint">
        WhatsApp reviews every template before it can be sent; this usually takes minutes, at most a day.
      </p>
      <FormProblem message={problem} />
      <div className="submit-template-layout">
        <div>
          <div className="form-grid">
            {input('name', 'Name', 'Lowercase letters, digits and _, e.g. order_ready.')}
            {input('language', 'Language', 'e.g. en, en_US or nl.')}
            <Choice
              id={id('category')}
              label="Category"
              value={form.category}
              options={CATEGORY_WORD}
              message={errors.category}
              onChange={(category) => update({ category })}
            />
            <Choice
              id={id('headerFormat')}
              label="Header"
              value={form.headerFormat}
              options={HEADER_WORD}
              message={errors.headerFormat}
              onChange={(headerFormat) => update({ headerFormat })}
            />
          </div>
          {form.headerFormat === 'text' ? (
            <>
              {input('headerText', 'Header text', 'At most 60 characters and one placeholder.')}
              {/\{/.test(form.headerText)
                ? input('headerExample', 'Example for the header’s placeholder')
                : null}
            </>
          ) : form.headerFormat !== 'none' ? (
            <div className="field">
              <label htmlFor={id('headerSample')}>
                Sample {HEADER_WORD[form.headerFormat].toLowerCase()} for the reviewers
              </label>
              <input
                id={id('headerSample')}
                type="file"
                accept={
                  form.headerFormat === 'image'
                    ? 'image/jpeg,image/png'
                    : form.headerFormat === 'video'
                      ? 'video/mp4,video/3gpp'
                      : 'application/pdf'
                }
                onChange={(e) => void chooseSample(e.target.files?.[0])}
                {...invalidProps(errors.headerSample, id('headerSample-error'))}
              />
              <p className="field-hint" role="status">
                {busy === 'sample'
                  ? 'Reading the file…'
                  : form.headerSample
                    ? `Chosen: ${form.headerSample.fileName}`
                    : ''}
              </p>
              <FieldError id={id('headerSample-error')} message={errors.headerSample} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={id('body')}>Text</label>
            <textarea
              id={id('body')}
              rows={5}
              dir="auto"
              value={form.body}
              onChange={(e) => update({ body: e.target.value })}
              {...invalidProps(errors.body, id('body-error'))}
            />
            <p className="field-hint">
              Placeholders: {'{{first_name}}'} or {'{{1}}'}; not at the very start or end, and never two side
              by side.
            </p>
            <FieldError id={id('body-error')} message={errors.body} />
          </div>
          {placeholders.length > 0 ? (
            <fieldset className="field-group">
              <legend>Examples for WhatsApp’s reviewers</legend>
              {placeholders.map((p) => (
                <TextField
                  key={p.key}
                  id={id(`examples.${p.key}`)}
                  label={`Example for ${p.label}`}
                  value={form.examples[p.key] ?? ''}
                  onChange={(v) => update({ examples: { ...form.examples, [p.key]: v } })}
                  message={errors[`examples.${p.key}`]}
                />
              ))}
            </fieldset>
          ) : null}
          <PlaceholderMapping
            placeholders={placeholders}
            rowOf={(key) => mappingRow({ ...formOf(null), mapping: form.mapping }, key)}
            errors={errors}
            onChange={(key, row) => update({ mapping: { ...form.mapping, [key]: row } })}
          />
          {input('footer', 'Footer (optional)', 'At most 60 characters, no placeholders.')}
          <TemplateButtonsEditor
            buttons={form.buttons}
            errors={errors}
            onChange={(buttons) => update({ buttons })}
          />
        </div>
        <div className="submit-template-preview">
          <h4>As the customer will see it</h4>
          <TemplatePreview preview={previewOf(form)} label="Preview of the new template" />
        </div>
      </div>
      <DialogActions onCancel={onCancel}>
        <button type="submit" className="primary" aria-disabled={busy !== '' || undefined}>
          {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
        </button>
      </DialogActions>
    </form>
  );
}
