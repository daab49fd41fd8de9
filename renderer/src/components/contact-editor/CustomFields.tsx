import { invalidProps } from '../../state/field-errors';
import { Plus } from 'lucide-react';
import { FieldError } from '../FieldError';
import type { FieldRow } from './contact-form';

/**
 * The contact's own fields (ticket_ID, order number…) that fill template placeholders. `idOf` gives the
 * editor's element ids, so each input points at its error text.
 */
export function CustomFields({
  fields,
  rowError,
  fieldsError,
  idOf,
  onChangeRow,
  onRemoveRow,
  onAddRow,
}: {
  fields: readonly FieldRow[];
  rowError: (row: FieldRow) => string | undefined;
  fieldsError: string | undefined;
  idOf: (name: string) => string;
  onChangeRow: (key: number, patch: Partial<FieldRow>) => void;
  onRemoveRow: (key: number) => void;
  onAddRow: () => void;
}) {
  return (
    <fieldset className="field-group" aria-describedby={fieldsError ? idOf('fields-error') : undefined}>
      <legend>Custom fields</legend>
      <p className="field-hint">Used to fill templates, e.g. a field ticket_ID fills {'{ticket_ID}'}.</p>
      {fields.map((row, index) => {
        const message = rowError(row);
        const errorId = idOf(`row-${row.key}-error`);
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
                  onChange={(e) => onChangeRow(row.key, { name: e.target.value })}
                  {...invalidProps(message, errorId)}
                />
              </label>
              <label className="compact-label">
                <span>Value</span>
                <input
                  type="text"
                  aria-label={`Value ${n}`}
                  value={row.value}
                  onChange={(e) => onChangeRow(row.key, { value: e.target.value })}
                />
              </label>
              <button
                type="button"
                className="ghost remove-field"
                aria-label={`Remove field ${row.name.trim() || n}`}
                onClick={() => onRemoveRow(row.key)}
              >
                Remove
              </button>
            </div>
            <FieldError id={errorId} message={message} />
          </div>
        );
      })}
      <button type="button" className="ghost" onClick={onAddRow}>
        <Plus size={14} aria-hidden="true" /> Add field
      </button>
      <FieldError id={idOf('fields-error')} message={fieldsError} />
    </fieldset>
  );
}
