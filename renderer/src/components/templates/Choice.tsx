import { invalidProps } from '../../state/field-errors';
import { FieldError } from '../FieldError';

/** A drop-down of a template form, each option in the owner's words; locked (with why) when not theirs to set. */
export function Choice<T extends string>({
  id,
  label,
  value,
  options,
  message,
  onChange,
  lockedBecause,
}: {
  id: string;
  label: string;
  value: T;
  options: Record<T, string>;
  message: string | undefined;
  onChange: (value: T) => void;
  lockedBecause?: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={lockedBecause !== undefined}
        title={lockedBecause}
        onChange={(e) => onChange(e.target.value as T)}
        {...invalidProps(message, `${id}-error`)}
      >
        {(Object.entries(options) as Array<[T, string]>).map(([option, word]) => (
          <option key={option} value={option}>
            {word}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
