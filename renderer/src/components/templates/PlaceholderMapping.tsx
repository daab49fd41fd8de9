import { useId } from 'react';
import { placeholderLabel } from '../../format/placeholders';
import { errorAt, invalidProps, type FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { MAPPING_CHOICES, type MappingRow } from './template-form';

/** One row per placeholder found in the body: "Fill {ticket_ID} with" a contact field or a fixed text. */
export function PlaceholderMapping({
  placeholders,
  rowOf,
  errors,
  onChange,
}: {
  placeholders: readonly string[];
  rowOf: (placeholder: string) => MappingRow;
  errors: FieldErrors;
  onChange: (placeholder: string, row: MappingRow) => void;
}) {
  const ids = useId();
  if (placeholders.length === 0) return null;
  return (
    <fieldset className="field-group">
      <legend>Fill the placeholders</legend>
      <p className="field-hint">Each placeholder is filled from the contact when the template is sent.</p>
      {placeholders.map((placeholder, index) => {
        const row = rowOf(placeholder);
        const label = placeholderLabel(placeholder);
        const id = `${ids}-${index}`;
        const message = errorAt(errors, `mapping.${placeholder}`);
        return (
          <div key={placeholder} className="mapping-row">
            <div className="mapping-inputs">
              <label htmlFor={`${id}-choice`}>Fill {label} with</label>
              <select
                id={`${id}-choice`}
                value={row.choice}
                onChange={(e) =>
                  onChange(placeholder, { ...row, choice: e.target.value as MappingRow['choice'] })
                }
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
                  onChange={(e) => onChange(placeholder, { ...row, custom: e.target.value })}
                  {...invalidProps(message, `${id}-error`)}
                />
              ) : null}
              {row.choice === 'fixed' ? (
                <input
                  type="text"
                  aria-label={`Fixed text for ${label}`}
                  value={row.fixed}
                  onChange={(e) => onChange(placeholder, { ...row, fixed: e.target.value })}
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
