import { z } from 'zod';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory } from './saved-in-memory';
import type { StoreFs, StoreLog } from './store-fs';

/**
 * secrets.json: named ciphertexts, base64. The store never sees a secret in the clear: the Electron
 * adapter (platform/electron/safe-storage-secrets.ts) encrypts with the operating system's keychain before
 * anything reaches here. No `.bak` copy is kept, so a wiped secret is gone from the disk, not kept beside it.
 */
const SecretsFile = z.object({
  schemaVersion: z.number().int().positive(),
  ciphertexts: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
type SecretsFile = z.infer<typeof SecretsFile>;

const SECRETS_FILE: JsonFileKind<SecretsFile> = {
  fileName: 'secrets.json',
  label: 'Your stored WhatsApp credentials',
  version: 1,
  migrations: {},
  schema: SecretsFile,
  defaults: () => ({ schemaVersion: 1, ciphertexts: {} }),
  describe: (data) => `${Object.keys(data.ciphertexts).length} encrypted credentials`,
  emptyRecovery:
    'CareWindow could not read the stored WhatsApp credentials. Connect your number again; your contacts and messages are untouched.',
  backup: false,
};

/** Opaque strings by name; resolves writes once they are on disk. */
export interface CiphertextFile {
  get(name: string): string | null;
  set(name: string, base64: string): Promise<void>;
  delete(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openCiphertextFile(
  dir: string,
  options: { now: () => number; log: StoreLog; fs?: StoreFs },
): Promise<CiphertextFile> {
  const { low } = await openInFolder(dir, SECRETS_FILE, options);
  const saved = new SavedInMemory(low);
  const change = (apply: (current: Record<string, string>) => Record<string, string>) =>
    saved.change((data) => ({ ...data, ciphertexts: apply({ ...data.ciphertexts }) }));
  return {
    get: (name) => saved.data.ciphertexts[name] ?? null,
    set: (name, base64) => change((all) => ({ ...all, [name]: base64 })),
    delete: (name) =>
      change((all) => {
        const { [name]: _removed, ...rest } = all;
        return rest;
      }),
    close: () => saved.idle(),
  };
}
