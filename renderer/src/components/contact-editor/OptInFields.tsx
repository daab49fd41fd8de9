import type { OptIn, OptInSource } from '../../../../main/contract/model';
import { invalidProps } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { OPT_IN_SOURCES } from '../opt-in-sources';
import type { ContactForm } from './contact-form';

const STATUSES: ReadonlyArray<{ value: OptIn['status']; label: string }> = [
  { value: 'none', label: 'No opt-in' },
  { value: 'opted-in', label: 'Opted in' },
  { value: 'opted-out', label: 'Opted out' },
];

type OptInForm = Pick<ContactForm, 'status' | 'date' | 'source' | 'proof'>;

/**
 * The consent record: status, and when the customer agreed, where, with what proof. The details are
 * asked only once there is an opt-in (or opt-out) to describe. `onChange` names the error keys the
 * change answers, so their messages go away while the owner fixes them.
 */
export function OptInFields({
  form,
  errors,
  idOf,
  onChange,
}: {
  form: OptInForm;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  onChange: (patch: Partial<OptInForm>, clear: string[]) => void;
}) {
  const errorId = (key: string) => idOf(`${key}-error`);
  return (
    <fieldset className="field-group">
      <legend>Opt-in</legend>
      <p className="field-hint">WhatsApp allows templates only to customers who agreed to receive them.</p>
      <div className="radios" aria-describedby={errors['optIn.status'] ? errorId('status') : undefined}>
        {STATUSES.map((status) => (
          <label key={status.value} className="radio">
            <input
              type="radio"
              name={idOf('status')}
              value={status.value}
              checked={form.status === status.value}
              onChange={() =>
                onChange({ status: status.value }, ['optIn.status', 'optIn.at', 'optIn.source'])
              }
            />
            {status.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId('status')} message={errors['optIn.status']} />
      {form.status === 'none' ? null : (
        <div className="opt-in-details">
          <div className="field">
            <label htmlFor={idOf('date')}>Opt-in date</label>
            <input
              id={idOf('date')}
              type="date"
              value={form.date}
              onChange={(e) => onChange({ date: e.target.value }, ['optIn.at'])}
              {...invalidProps(errors['optIn.at'], errorId('date'))}
            />
            <FieldError id={errorId('date')} message={errors['optIn.at']} />
          </div>
          <div className="field">
            <label htmlFor={idOf('source')}>Opt-in source</label>
            <select
              id={idOf('source')}
              value={form.source}
              onChange={(e) => onChange({ source: e.target.value as OptInSource | '' }, ['optIn.source'])}
              {...invalidProps(errors['optIn.source'], errorId('source'))}
            >
              <option value="">Choose where they agreed…</option>
              {OPT_IN_SOURCES.map((source) => (
                <option key={source.value} value={source.value}>
                  {source.label}
                </option>
              ))}
            </select>
            <FieldError id={errorId('source')} message={errors['optIn.source']} />
          </div>
          <div className="field field-wide">
            <label htmlFor={idOf('proof')}>Proof note</label>
            <input
              id={idOf('proof')}
              type="text"
              placeholder="e.g. signed the form at the counter"
              value={form.proof}
              onChange={(e) => onChange({ proof: e.target.value }, ['optIn.proof'])}
              {...invalidProps(errors['optIn.proof'], errorId('proof'))}
            />
            <FieldError id={errorId('proof')} message={errors['optIn.proof']} />
          </div>
        </div>
      )}
    </fieldset>
  );
}
