import path from 'node:path';
import { z } from 'zod';
import type { DataProblem } from '../contract/model';
import { openDurableJson } from './durable-json-file';
import type { JsonFileKind } from './json-file-kind';
import { SerialQueue } from './serial-queue';
import { nodeFs, type StoreFs, type StoreLog } from './store-fs';

/**
 * The non-secret part of the WhatsApp connection (account.json in the owner's real workspace): which
 * number, which Graph API, which local port the webhook receiver listens on. The access token, the app
 * secret and the webhook verify token are never here: they live in the SecretStore, encrypted.
 */
export const AccountSettings = z.object({
  phoneNumberId: z.string().min(1),
  wabaId: z.string().min(1),
  graphBaseUrl: z.string().min(1),
  graphVersion: z.string().min(1),
  webhookHost: z.string().min(1),
  webhookPort: z.number().int().min(0).max(65535),
  /** As WhatsApp reported them when the connection was tested. */
  displayPhoneNumber: z.string(),
  verifiedName: z.string(),
  connectedAt: z.number(),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

const AccountFile = z.object({
  schemaVersion: z.number().int().positive(),
  account: AccountSettings.nullable(),
});
type AccountFile = z.infer<typeof AccountFile>;

const ACCOUNT_FILE: JsonFileKind<AccountFile> = {
  fileName: 'account.json',
  label: 'Your WhatsApp connection settings',
  version: 1,
  migrations: {},
  schema: AccountFile,
  defaults: () => ({ schemaVersion: 1, account: null }),
  describe: (data) => (data.account ? 'a connected WhatsApp number' : 'no connected number'),
  emptyRecovery:
    'CareWindow forgot which WhatsApp number was connected. Connect it again; your contacts and messages are untouched.',
  backup: true,
};

export interface AccountFileStore {
  readonly problems: readonly DataProblem[];
  get(): AccountSettings | null;
  /** Replaces the settings (null: not connected) and resolves once they are durably on disk. */
  save(account: AccountSettings | null): Promise<void>;
  close(): Promise<void>;
}

export async function openAccountFile(
  dir: string,
  options: { now: () => number; log: StoreLog; fs?: StoreFs },
): Promise<AccountFileStore> {
  const { low, file } = await openDurableJson(dir, ACCOUNT_FILE, {
    fs: options.fs ?? nodeFs,
    now: options.now,
    corruptDir: path.join(dir, 'corrupt'),
    log: options.log,
  });
  const queue = new SerialQueue();
  return {
    problems: file.problems,
    get: () => (low.data.account ? { ...low.data.account } : null),
    save: (account) =>
      queue.run(async () => {
        const previous = low.data;
        low.data = { ...previous, account: account ? AccountSettings.parse(account) : null };
        try {
          await low.write();
        } catch (err) {
          low.data = previous;
          throw err;
        }
      }),
    close: () => queue.idle(),
  };
}
