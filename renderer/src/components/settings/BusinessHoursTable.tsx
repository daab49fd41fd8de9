import { useId } from 'react';
import { errorAt, invalidProps, type FieldErrors } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { WEEKDAYS, withDayOpen, type DayHours } from './reminder-form';

/** Business hours per weekday, Monday first: open or closed all day, and from when to when. */
export function BusinessHoursTable({
  hours,
  errors,
  onChange,
}: {
  hours: readonly DayHours[];
  errors: FieldErrors;
  onChange: (index: number, day: DayHours) => void;
}) {
  const ids = useId();
  const tableError = errors.businessHours;
  return (
    <div className="field">
      <table className="hours-table" aria-describedby={tableError ? `${ids}-error` : undefined}>
        <caption>Business hours</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Open</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map(({ index, name }) => {
            const day = hours[index] ?? { open: false, start: '', end: '' };
            const message = errorAt(errors, `businessHours.${index}`);
            const errorId = `${ids}-${index}-error`;
            return (
              <tr key={index}>
                <th scope="row">{name}</th>
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      aria-label={`Open on ${name}`}
                      checked={day.open}
                      onChange={(e) => onChange(index, withDayOpen(day, e.target.checked))}
                    />
                    <span aria-hidden="true">Open</span>
                  </label>
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} opens at`}
                    value={day.start}
                    disabled={!day.open}
                    onChange={(e) => onChange(index, { ...day, start: e.target.value })}
                    {...invalidProps(message, errorId)}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} closes at`}
                    value={day.end}
                    disabled={!day.open}
                    onChange={(e) => onChange(index, { ...day, end: e.target.value })}
                    {...invalidProps(message, errorId)}
                  />
                  <FieldError id={errorId} message={message} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError id={`${ids}-error`} message={tableError} />
    </div>
  );
}
