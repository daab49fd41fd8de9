import type { SecretStorage } from '../contract/account';

/** What Electron's safeStorage reports, gathered by the adapter so the decision below stays pure. */
export interface SafeStorageFacts {
  /** safeStorage.isAsyncEncryptionAvailable() (or the sync isEncryptionAvailable() on older Electron). */
  encryptionAvailable: boolean;
  /** process.platform */
  platform: string;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  linuxBackend: string | null;
}

/**
 * Whether secrets may be stored. On Linux without a keyring Electron falls back to the `basic_text`
 * backend, which "encrypts" with a hard-coded key (https://www.electronjs.org/docs/latest/api/safe-storage):
 * that is plain text in disguise, so it counts as unavailable, and so does `unknown` (asked before the app
 * was ready, the backend cannot be trusted either).
 */
export function secretStorageOf(facts: SafeStorageFacts): SecretStorage {
  if (!facts.encryptionAvailable) {
    return {
      kind: 'unavailable',
      reason:
        'This computer offers no way to encrypt the credentials (no keychain or keyring), so CareWindow will not store them. Sign in to your desktop session with a keyring (for example GNOME Keyring or KWallet) and start CareWindow again.',
    };
  }
  if (
    facts.platform === 'linux' &&
    (facts.linuxBackend === 'basic_text' || facts.linuxBackend === 'unknown')
  ) {
    return {
      kind: 'unavailable',
      reason:
        'No keyring is running on this computer, so the credentials could only be stored as readable text; CareWindow refuses to do that. Start a keyring (for example GNOME Keyring or KWallet), then start CareWindow again.',
    };
  }
  return { kind: 'encrypted' };
}
