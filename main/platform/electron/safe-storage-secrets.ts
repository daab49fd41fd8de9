import { safeStorage } from 'electron';
import type { SecretStorage } from '../../contract/account';
import type { WorkspaceKind } from '../../contract/model';
import type { SecretName, SecretStore } from '../../services/account-ports';
import type { Logger } from '../../services/ports';
import { openCiphertextFile, type CiphertextFile } from '../../store/secrets-file';
import { secretStorageOf } from '../secret-availability';

/**
 * Secrets encrypted by the operating system (Electron safeStorage: Keychain, DPAPI, libsecret/KWallet),
 * kept as base64 ciphertexts in <data>/secrets.json through the store. Uses the async API where this
 * Electron has it (the sync calls are deprecated), the sync one otherwise. Where encryption is unavailable
 * (secret-availability.ts) `set` refuses: a secret is never written in plain text. Call after app ready.
 */
export async function safeStorageSecrets(
  dataRoot: string,
  options: { now: () => number; log: Logger },
): Promise<SecretStore> {
  const file = await openCiphertextFile(dataRoot, options);
  const storage = secretStorageOf({
    encryptionAvailable: await encryptionAvailable(),
    platform: process.platform,
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  });
  return new SafeStorageSecrets(file, storage);
}

class SafeStorageSecrets implements SecretStore {
  constructor(
    private readonly file: CiphertextFile,
    private readonly available: SecretStorage,
  ) {}

  storage(): SecretStorage {
    return this.available;
  }

  async get(workspace: WorkspaceKind, name: SecretName): Promise<string | null> {
    const base64 = this.file.get(key(workspace, name));
    if (base64 === null || this.available.kind !== 'encrypted') return null;
    const bytes = Buffer.from(base64, 'base64');
    if (hasAsync()) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(bytes);
      // The key was rotated: store it again under the new one, as Electron's docs ask.
      if (shouldReEncrypt) await this.set(workspace, name, result);
      return result;
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback for Electron without the async API
    return safeStorage.decryptString(bytes);
  }

  async set(workspace: WorkspaceKind, name: SecretName, value: string): Promise<void> {
    if (this.available.kind !== 'encrypted')
      throw new Error(
        this.available.kind === 'unavailable' ? this.available.reason : 'Secrets cannot be stored.',
      );
    const bytes = hasAsync()
      ? await safeStorage.encryptStringAsync(value)
      : // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback for Electron without the async API
        safeStorage.encryptString(value);
    await this.file.set(key(workspace, name), bytes.toString('base64'));
  }

  delete(workspace: WorkspaceKind, name: SecretName): Promise<void> {
    return this.file.delete(key(workspace, name));
  }
}

const key = (workspace: WorkspaceKind, name: SecretName) => `${workspace}/${name}`;

/** Electron versions before the async API only have the (now deprecated) sync calls. */
function hasAsync(): boolean {
  return typeof (safeStorage as Partial<typeof safeStorage>).encryptStringAsync === 'function';
}

async function encryptionAvailable(): Promise<boolean> {
  const withAsync = safeStorage as Partial<typeof safeStorage>;
  if (typeof withAsync.isAsyncEncryptionAvailable === 'function')
    return withAsync.isAsyncEncryptionAvailable();
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback for Electron without the async API
  return safeStorage.isEncryptionAvailable();
}
