import type { SecretStorage } from '../../../../main/contract/account';

/** Where the token and the app secret will be kept, said before the owner types them. */
export function StorageNotice({ storage }: { storage: SecretStorage }) {
  switch (storage.kind) {
    case 'encrypted':
      return (
        <p className="field-hint">
          The access token and app secret are encrypted by your computer’s keychain and never shown again.
        </p>
      );
    case 'session-only':
      return (
        <p className="connect-notice" role="note">
          This preview keeps the access token and app secret only for this session, in memory: after a
          restart, connect again.
        </p>
      );
    case 'unavailable':
      return (
        <div className="form-problem" role="alert">
          <p>{storage.reason} You can still test the connection; CareWindow will not save it.</p>
        </div>
      );
  }
}
