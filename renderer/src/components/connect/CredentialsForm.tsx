import { useState, type SyntheticEvent } from 'react';
import type { AccountStatus, ConnectionTest } from '../../../../main/contract/account';
import { asAppError } from '../../state/errors';
import { invalidProps } from '../../state/field-errors';
import { DialogActions } from '../DialogActions';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { StorageNotice } from './StorageNotice';

/** One value the owner pastes from their provider, with where they find it. */
export interface CredentialField<K extends string> {
  key: K;
  id: string;
  label: string;
  hint: string;
  secret: boolean;
  /** An id of digits: the number keyboard on a touch screen. */
  numeric?: boolean;
  /** What to say when it is left empty; null when it may be. */
  missing: string | null;
}

type Worked = Extract<ConnectionTest, { ok: true }>;

/** What the connect dialog hands each provider's step 1. */
export interface CredentialsStepProps {
  status: AccountStatus;
  onCancel: () => void;
  onConnected: (status: AccountStatus) => void;
}

/**
 * Step 1 of connecting, whichever the provider: its fields, "Test connection" (asks the provider and says
 * exactly what is wrong, or what it found) and "Connect" (tests again and saves). Secrets are sent once
 * and forgotten with the form. Where secrets cannot be stored safely there is no Connect button, only
 * the reason.
 */
export function CredentialsForm<K extends string>({
  label,
  status,
  fields,
  initial,
  focus,
  test,
  connect,
  worked,
  onCancel,
  onConnected,
}: {
  label: string;
  fields: ReadonlyArray<CredentialField<K>>;
  initial: () => Record<K, string>;
  /** Where focus lands when the step appears; none when it appears under the provider choice. */
  focus?: K;
  test: (form: Record<K, string>) => Promise<ConnectionTest>;
  connect: (form: Record<K, string>) => Promise<AccountStatus>;
  /** The line that says the test worked. */
  worked: (result: Worked) => string;
} & CredentialsStepProps) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const canSave = status.storage.kind !== 'unavailable';

  const checked = (): boolean => {
    const missing: Partial<Record<string, string>> = {};
    for (const field of fields)
      if (field.missing !== null && form[field.key].trim() === '') missing[field.key] = field.missing;
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  async function run(kind: 'test' | 'connect') {
    if (!checked() || (kind === 'connect' && !canSave)) return;
    setBusy(kind);
    setProblem(null);
    setResult(null);
    try {
      if (kind === 'test') setResult(await test(form));
      else onConnected(await connect(form));
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      setProblem(appError.message);
    } finally {
      setBusy(null);
    }
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void run('connect');
  };

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <StorageNotice storage={status.storage} />
      <FormProblem message={problem} />
      {fields.map((field) => {
        const errorId = `${field.id}-error`;
        return (
          <div className="field" key={field.key}>
            <label htmlFor={field.id}>{field.label}</label>
            <input
              id={field.id}
              autoFocus={field.key === focus}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              inputMode={field.numeric ? 'numeric' : undefined}
              value={form[field.key]}
              onChange={(event) => {
                const value = event.target.value;
                setForm((current) => ({ ...current, [field.key]: value }));
                setResult(null);
              }}
              aria-describedby={errors[field.key] ? undefined : `${field.id}-hint`}
              {...invalidProps(errors[field.key], errorId)}
            />
            <p id={`${field.id}-hint`} className="field-hint">
              {field.hint}
            </p>
            <FieldError id={errorId} message={errors[field.key]} />
          </div>
        );
      })}
      {result === null ? null : result.ok ? (
        <p className="connect-test-ok" role="status">
          {worked(result)}
        </p>
      ) : (
        <div className="form-problem connect-test-result" role="alert">
          <p>{result.reason}</p>
        </div>
      )}
      <DialogActions onCancel={onCancel}>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {canSave ? (
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'connect' ? 'Connecting…' : 'Connect'}
          </button>
        ) : null}
      </DialogActions>
    </form>
  );
}
