import { useId, useRef } from 'react';
import { Plus } from 'lucide-react';
import { errorAt, invalidProps, type FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { BusinessHoursTable } from './BusinessHoursTable';
import { leadRow, MAX_LEADS, type ReminderForm } from './reminder-form';
import { TodaysReminders } from './TodaysReminders';

export interface RemindersSectionProps {
  form: ReminderForm;
  errors: FieldErrors;
  onChange: (form: ReminderForm) => void;
}

/**
 * When to be warned before windows close, when not to be disturbed, and what that gives today. One list
 * of warnings: the first (largest) also marks the window "Closing" and counts in "N closing soon".
 */
export function RemindersSection({ form, errors, onChange }: RemindersSectionProps) {
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const listError = errors.reminderLeadMinutes;
  const full = form.leads.length >= MAX_LEADS;
  const addRef = useRef<HTMLButtonElement>(null);

  return (
    <fieldset className="field-group reminders-section">
      <legend>Reminders</legend>
      <div
        role="group"
        aria-labelledby={id('leads-label')}
        aria-describedby={listError ? id('leads-error') : undefined}
        className="lead-list"
      >
        <p id={id('leads-label')} className="field-label">
          Remind me before a window closes
        </p>
        <p className="field-hint">
          The first reminder is also when a window turns “Closing” and counts in “closing soon”.
        </p>
        {form.leads.map((lead, index) => {
          const n = index + 1;
          const message = errorAt(errors, `reminderLeadMinutes.${index}`);
          return (
            <div key={lead.key} className="lead-row">
              <div className="inline-field">
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  className="narrow"
                  aria-label={`Reminder ${n}: minutes before close`}
                  value={lead.value}
                  onChange={(e) =>
                    onChange({
                      ...form,
                      leads: form.leads.map((l) =>
                        l.key === lead.key ? { ...l, value: e.target.value } : l,
                      ),
                    })
                  }
                  {...invalidProps(message, id(`lead-${lead.key}-error`))}
                />
                <span aria-hidden="true">minutes before close</span>
                <button
                  type="button"
                  className="ghost"
                  aria-label={`Remove reminder ${n}`}
                  onClick={() => {
                    onChange({ ...form, leads: form.leads.filter((l) => l.key !== lead.key) });
                    // The button goes with its row: the focus moves to "Add reminder".
                    addRef.current?.focus();
                  }}
                >
                  Remove
                </button>
              </div>
              <FieldError id={id(`lead-${lead.key}-error`)} message={message} />
            </div>
          );
        })}
        <div>
          <button
            type="button"
            className="ghost"
            ref={addRef}
            aria-disabled={full}
            aria-describedby={full ? id('max') : undefined}
            onClick={() => {
              if (!full) onChange({ ...form, leads: [...form.leads, leadRow()] });
            }}
          >
            <Plus size={14} aria-hidden="true" /> Add reminder
          </button>
          {full ? (
            <span id={id('max')} className="field-hint">
              {' '}
              At most {MAX_LEADS} reminders.
            </span>
          ) : null}
        </div>
        <FieldError id={id('leads-error')} message={listError} />
      </div>

      <Check
        label="Remind only when the customer is waiting for an answer"
        checked={form.remindOnlyWhenWaiting}
        message={errorAt(errors, 'remindOnlyWhenWaiting')}
        errorId={id('waiting-error')}
        onChange={(checked) => onChange({ ...form, remindOnlyWhenWaiting: checked })}
      />
      <Check
        label="Quiet outside business hours"
        checked={form.quietHoursEnabled}
        message={errorAt(errors, 'quietHoursEnabled')}
        errorId={id('quiet-error')}
        onChange={(checked) => onChange({ ...form, quietHoursEnabled: checked })}
        hint="A reminder that would come outside business hours comes at the end of the business day before."
      />
      <BusinessHoursTable
        hours={form.hours}
        errors={errors}
        onChange={(index, day) =>
          onChange({ ...form, hours: form.hours.map((d, i) => (i === index ? day : d)) })
        }
      />

      <TodaysReminders version={0} />
    </fieldset>
  );
}

function Check({
  label,
  checked,
  message,
  errorId,
  hint,
  onChange,
}: {
  label: string;
  checked: boolean;
  message: string | undefined;
  errorId: string;
  hint?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          {...invalidProps(message, errorId)}
        />
        {label}
      </label>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={errorId} message={message} />
    </div>
  );
}
