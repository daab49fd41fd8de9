import { useState, type SyntheticEvent } from 'react';
import type { AccountCredentials, AccountStatus, ConnectionTest } from '../../../../main/contract/account';
import { useApi } from '../../state/context';
import { asAppError } from '../../state/errors';
import { invalidProps } from '../../state/field-errors';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { CREDENTIAL_FIELDS, emptyCredentials, missingFields, type CredentialKey } from './credentials-form';
import { StorageNotice } from './StorageNotice';
import { DialogActions } from '../DialogActions';

/**
 * Step 1: the four values from Meta. "Test connection" asks WhatsApp and says exactly what is wrong, or
 * which number it found; "Connect" tests again and saves. The token and the secret are sent once and
 * the form forgets them when the dialog closes. Where secrets cannot be stored safely there is no
 * Connect button, only the reason.
 */
export function CredentialsStep({
  status,
  onCancel,
  onConnected,
}: {
  status: AccountStatus;
  onCancel: () => void;
  onConnected: (status: AccountStatus) => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<AccountCredentials>(() => emptyCredentials(status));
  const [errors, setErrors] = useState<Partial<Record<CredentialKey, string>>>({});
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const canSave = status.storage.kind !== 'unavailable';

  const checked = (): boolean => {
    const missing = missingFields(form);
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  async function test() {
    if (!checked()) return;
    setBusy('test');
    setProblem(null);
    setResult(null);
    try {
      setResult(await api.account.test(form));
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      setProblem(appError.message);
    } finally {
      setBusy(null);
    }
  }

  async function connect(event: SyntheticEvent) {
    event.preventDefault();
    if (!canSave || !checked()) return;
    setBusy('connect');
    setProblem(null);
    setResult(null);
    try {
      onConnected(await api.account.connect(form));
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      setProblem(appError.message);
      setBusy(null);
    }
  }

  return (
    <form onSubmit={(event) => void connect(event)} noValidate aria-label="Your WhatsApp number">
      <StorageNotice storage={status.storage} />
      <FormProblem message={problem} />
      {CREDENTIAL_FIELDS.map((field) => {
        const errorId = `${field.id}-error`;
        return (
          <div className="field" key={field.key}>
            <label htmlFor={field.id}>{field.label}</label>
            <input
              id={field.id}
              // Focus lands here when the step appears (after the status loaded, or after disconnecting).
              autoFocus={field.key === 'phoneNumberId'}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              inputMode={field.secret ? undefined : 'numeric'}
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
      <TestResult result={result} />
      <DialogActions onCancel={onCancel}>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void test()}>
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

function TestResult({ result }: { result: ConnectionTest | null }) {
  if (result === null) return null;
  if (!result.ok) {
    return (
      <div className="form-problem connect-test-result" role="alert">
        <p>{result.reason}</p>
      </div>
    );
  }
  return (
    <p className="connect-test-ok" role="status">
      ✓ Connection works: {result.verifiedName || 'your business'} · {result.displayPhoneNumber}
    </p>
  );
}
