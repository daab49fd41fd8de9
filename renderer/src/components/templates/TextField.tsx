import { invalidProps } from '../../state/field-errors';
import { FieldError } from '../FieldError';

/** One line of a template form: its label, the input, a hint and the error about it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  message,
  hint,
  spellCheck,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  message: string | undefined;
  hint?: string | undefined;
  /** False for names and codes (order_ready, en_US), which a spell checker would underline. */
  spellCheck?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={spellCheck}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps(message, `${id}-error`)}
      />
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
