import { useId } from 'react';
import { errorAt, invalidProps, type FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { MAPPING_CHOICES, type FormPlaceholder, type MappingRow } from './template-form';

/** One row per placeholder found in the body: "Fill {ticket_ID} with" a contact field or a fixed text. */
export function PlaceholderMapping({
  placeholders,
  rowOf,
  errors,
  onChange,
}: {
  placeholders: readonly FormPlaceholder[];
  rowOf: (key: string) => MappingRow;
  errors: FieldErrors;
  onChange: (key: string, row: MappingRow) => void;
}) {
  const ids = useId();
  if (placeholders.length === 0) return null;
  return (
    <fieldset className="field-group">
      <legend>Fill the placeholders</legend>
      <p className="field-hint">Each placeholder is filled from the contact when the template is sent.</p>
      {placeholders.map(({ key, label }, index) => {
        const row = rowOf(key);
        const id = `${ids}-${index}`;
        const message = errorAt(errors, `mapping.${key}`);
        return (
          <div key={key} className="mapping-row">
            <div className="mapping-inputs">
              <label htmlFor={`${id}-choice`}>Fill {label} with</label>
              <select
                id={`${id}-choice`}
                value={row.choice}
                onChange={(e) => onChange(key, { ...row, choice: e.target.value as MappingRow['choice'] })}
                {...invalidProps(message, `${id}-error`)}
              >
                {MAPPING_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
              {row.choice === 'custom' ? (
                <input
                  type="text"
                  aria-label={`Custom field for ${label}`}
                  placeholder="ticket_ID"
                  value={row.custom}
                  spellCheck={false}
                  onChange={(e) => onChange(key, { ...row, custom: e.target.value })}
                  {...invalidProps(message, `${id}-error`)}
                />
              ) : null}
              {row.choice === 'fixed' ? (
                <input
                  type="text"
                  aria-label={`Fixed text for ${label}`}
                  value={row.fixed}
                  onChange={(e) => onChange(key, { ...row, fixed: e.target.value })}
                  {...invalidProps(message, `${id}-error`)}
                />
              ) : null}
            </div>
            <FieldError id={`${id}-error`} message={message} />
          </div>
        );
      })}
    </fieldset>
  );
}
