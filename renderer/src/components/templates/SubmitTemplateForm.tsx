import { useId, useState, type SyntheticEvent } from 'react';
import type { Template, TemplateHeaderFormat } from '../../../../main/contract/model';
import { CATEGORY_WORD } from '../../format/follow-up-text';
import { useApi, useStore } from '../../state/context';
import { asAppError, errorMessage } from '../../state/errors';
import { errorAt, invalidProps } from '../../state/field-errors';
import { DialogActions } from '../DialogActions';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { PlaceholderMapping } from './PlaceholderMapping';
import { TemplateButtonsEditor } from './TemplateButtonsEditor';
import { TemplatePreview } from './TemplatePreview';
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

  const input = (
    key: keyof SubmitForm,
    label: string,
    value: string,
    onChange: (v: string) => void,
    hint?: string,
  ) => {
    const message = errorAt(errors, key);
    return (
      <div className="field">
        <label htmlFor={id(key)}>{label}</label>
        <input
          id={id(key)}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...invalidProps(message, id(`${key}-error`))}
        />
        {hint ? <p className="field-hint">{hint}</p> : null}
        <FieldError id={id(`${key}-error`)} message={message} />
      </div>
    );
  };
  const line = (key: string, label: string, value: string, onChange: (v: string) => void) => {
    const message = errors[key];
    return (
      <div className="field">
        <label htmlFor={id(key)}>{label}</label>
        <input
          id={id(key)}
          type="text"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...invalidProps(message, id(`${key}-error`))}
        />
        <FieldError id={id(`${key}-error`)} message={message} />
      </div>
    );
  };

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
            {input(
              'name',
              'Name',
              form.name,
              (name) => update({ name }),
              'Lowercase letters, digits and _, e.g. order_ready.',
            )}
            {input(
              'language',
              'Language',
              form.language,
              (language) => update({ language }),
              'e.g. en, en_US or nl.',
            )}
            <div className="field">
              <label htmlFor={id('category')}>Category</label>
              <select
                id={id('category')}
                value={form.category}
                onChange={(e) => update({ category: e.target.value as SubmitForm['category'] })}
                {...invalidProps(errors.category, id('category-error'))}
              >
                {Object.entries(CATEGORY_WORD).map(([value, word]) => (
                  <option key={value} value={value}>
                    {word}
                  </option>
                ))}
              </select>
              <FieldError id={id('category-error')} message={errors.category} />
            </div>
            <div className="field">
              <label htmlFor={id('headerFormat')}>Header</label>
              <select
                id={id('headerFormat')}
                value={form.headerFormat}
                onChange={(e) => update({ headerFormat: e.target.value as TemplateHeaderFormat })}
              >
                {Object.entries(HEADER_WORD).map(([value, word]) => (
                  <option key={value} value={value}>
                    {word}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {form.headerFormat === 'text' ? (
            <>
              {input(
                'headerText',
                'Header text',
                form.headerText,
                (headerText) => update({ headerText }),
                'At most 60 characters and one placeholder.',
              )}
              {/\{/.test(form.headerText)
                ? input(
                    'headerExample',
                    'Example for the header’s placeholder',
                    form.headerExample,
                    (headerExample) => update({ headerExample }),
                  )
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
              {placeholders.map((p) =>
                line(`examples.${p.key}`, `Example for ${p.label}`, form.examples[p.key] ?? '', (v) =>
                  update({ examples: { ...form.examples, [p.key]: v } }),
                ),
              )}
            </fieldset>
          ) : null}
          <PlaceholderMapping
            placeholders={placeholders}
            rowOf={(key) => mappingRow({ ...formOf(null), mapping: form.mapping }, key)}
            errors={errors}
            onChange={(key, row) => update({ mapping: { ...form.mapping, [key]: row } })}
          />
          {input(
            'footer',
            'Footer (optional)',
            form.footer,
            (footer) => update({ footer }),
            'At most 60 characters, no placeholders.',
          )}
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
