import { useId } from 'react';
import { STATUS_WORD, templateLabel } from '../../format/follow-up-text';
import { useAppState } from '../../state/context';
import { errorAt, invalidProps, type FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';

export interface FollowUpForm {
  /** "" for none. */
  defaultTemplateId: string;
  /** Comma-separated, as typed. */
  keywords: string;
}

/** Splits "STOP, Stopp ,AFMELDEN" into the keywords. */
export function keywordsOf(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** Which template a follow-up uses unless chosen otherwise, and which words opt a customer out. */
export function FollowUpSettings({
  form,
  errors,
  onChange,
}: {
  form: FollowUpForm;
  errors: FieldErrors;
  onChange: (form: FollowUpForm) => void;
}) {
  const templates = useAppState((s) => s.templates) ?? [];
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const templateError = errorAt(errors, 'defaultTemplateId');
  const keywordError = errorAt(errors, 'optOutKeywords');
  const known = templates.some((t) => t.id === form.defaultTemplateId);
  return (
    <fieldset className="field-group">
      <legend>Follow-ups</legend>
      <div className="field">
        <label htmlFor={id('template')}>Default template for follow-ups</label>
        <select
          id={id('template')}
          value={form.defaultTemplateId}
          onChange={(e) => onChange({ ...form, defaultTemplateId: e.target.value })}
          {...invalidProps(templateError, id('template-error'))}
        >
          <option value="">None — choose one for each follow-up</option>
          {templates.map((t) => (
            <option
              key={t.id}
              value={t.id}
              disabled={t.status !== 'approved' && t.id !== form.defaultTemplateId}
            >
              {t.status === 'approved' ? templateLabel(t) : `${templateLabel(t)} — ${STATUS_WORD[t.status]}`}
            </option>
          ))}
          {form.defaultTemplateId !== '' && !known ? (
            <option value={form.defaultTemplateId}>A template that is no longer listed</option>
          ) : null}
        </select>
        <FieldError id={id('template-error')} message={templateError} />
      </div>
      <div className="field">
        <label htmlFor={id('keywords')}>Opt-out keywords</label>
        <input
          id={id('keywords')}
          type="text"
          spellCheck={false}
          value={form.keywords}
          onChange={(e) => onChange({ ...form, keywords: e.target.value })}
          aria-describedby={[id('keywords-hint'), keywordError ? id('keywords-error') : '']
            .filter(Boolean)
            .join(' ')}
          aria-invalid={keywordError ? true : undefined}
        />
        <p id={id('keywords-hint')} className="field-hint">
          A customer who writes exactly one of these words (any case) no longer gets templates. Separate them
          with commas.
        </p>
        <FieldError id={id('keywords-error')} message={keywordError} />
      </div>
    </fieldset>
  );
}
