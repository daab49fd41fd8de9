import { useState, type SyntheticEvent } from 'react';
import type { AccountStatus, ConnectionTest } from '../../../../main/contract/account';
import type { CmCredentials } from '../../../../main/contract/account-cm';
import { useApi } from '../../state/context';
import { asAppError } from '../../state/errors';
import { invalidProps } from '../../state/field-errors';
import { DialogActions } from '../DialogActions';
import { FieldError } from '../FieldError';
import { FormProblem } from '../FormProblem';
import { StorageNotice } from './StorageNotice';

type Key = keyof CmCredentials;

/** The three inputs for CM.com, with where the owner finds each value in CM.com's Channels app. */
const FIELDS: ReadonlyArray<{
  key: Key;
  id: string;
  label: string;
  hint: string;
  secret: boolean;
  missing: string | null;
}> = [
  {
    key: 'productToken',
    id: 'connect-cm-product-token',
    label: 'Product token',
    hint: 'CM.com Channels app → Gateway: the product token, with its hyphens. CareWindow keeps it encrypted on this computer.',
    secret: true,
    missing: 'Paste the product token.',
  },
  {
    key: 'senderNumber',
    id: 'connect-cm-sender',
    label: 'WhatsApp number',
    hint: 'The business number CM.com set up for WhatsApp, with + and the country code.',
    secret: false,
    missing: 'Type the WhatsApp number.',
  },
  {
    key: 'templateNamespace',
    id: 'connect-cm-namespace',
    label: 'Template namespace',
    hint: 'Channels app → WhatsApp templates → a template’s details. Needed to send templates; templates themselves are created and approved in CM.com.',
    secret: false,
    missing: null,
  },
];

/**
 * Step 1 for CM.com: "Test connection" asks CM.com whether it accepts the product token (it sends nothing);
 * "Connect" tests again and saves. The token is sent once and forgotten with the form.
 */
export function CmCredentialsStep({
  status,
  onCancel,
  onConnected,
}: {
  status: AccountStatus;
  onCancel: () => void;
  onConnected: (status: AccountStatus) => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<CmCredentials>({
    productToken: '',
    senderNumber: '',
    templateNamespace: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const canSave = status.storage.kind !== 'unavailable';

  const checked = (): boolean => {
    const missing: Partial<Record<Key, string>> = {};
    for (const field of FIELDS)
      if (field.missing && form[field.key].trim() === '') missing[field.key] = field.missing;
    setErrors(missing);
    return Object.keys(missing).length === 0;
  };

  async function run(kind: 'test' | 'connect') {
    if (!checked() || (kind === 'connect' && !canSave)) return;
    setBusy(kind);
    setProblem(null);
    setResult(null);
    try {
      if (kind === 'test') setResult(await api.account.testCm(form));
      else onConnected(await api.account.connectCm(form));
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
    <form onSubmit={submit} noValidate aria-label="Your CM.com connection">
      <StorageNotice storage={status.storage} />
      <FormProblem message={problem} />
      {FIELDS.map((field) => {
        const errorId = `${field.id}-error`;
        return (
          <div className="field" key={field.key}>
            <label htmlFor={field.id}>{field.label}</label>
            <input
              id={field.id}
              type={field.secret ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
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
          ✓ CM.com accepts this product token · {result.displayPhoneNumber}
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
