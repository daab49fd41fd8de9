import { z } from 'zod';
import { ProviderKind } from '../contract/account-cm';
import type { DataProblem } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory } from './saved-in-memory';
import type { StoreFs, StoreLog } from './store-fs';

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

/**
 * A number connected through a messaging gateway instead (CM.com): where the gateway is, the sender number
 * and the template namespace. Its token and the webhook path token are in the SecretStore, like the others.
 */
export const GatewaySettings = z.object({
  provider: ProviderKind,
  gatewayBaseUrl: z.string().min(1),
  sender: z.string().min(1),
  templateNamespace: z.string(),
  webhookHost: z.string().min(1),
  webhookPort: z.number().int().min(0).max(65535),
  connectedAt: z.number(),
});
export type GatewaySettings = z.infer<typeof GatewaySettings>;

const AccountFile = z.object({
  schemaVersion: z.number().int().positive(),
  account: z.union([AccountSettings, GatewaySettings]).nullable(),
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
  /** The Cloud API connection, or null (none, or one through a gateway). */
  get(): AccountSettings | null;
  /** The gateway connection, or null. */
  gateway(): GatewaySettings | null;
  /** Replaces the settings (null: not connected) and resolves once they are durably on disk. */
  save(account: AccountSettings | GatewaySettings | null): Promise<void>;
  close(): Promise<void>;
}

export async function openAccountFile(
  dir: string,
  options: { now: () => number; log: StoreLog; fs?: StoreFs },
): Promise<AccountFileStore> {
  const { low, file } = await openInFolder(dir, ACCOUNT_FILE, options);
  const saved = new SavedInMemory(low);
  return {
    problems: file.problems,
    get: () => {
      const account = saved.data.account;
      return account && 'phoneNumberId' in account ? { ...account } : null;
    },
    gateway: () => {
      const account = saved.data.account;
      return account && 'sender' in account ? { ...account } : null;
    },
    save: (account) =>
      saved.change((data) => ({
        ...data,
        account:
          account === null
            ? null
            : 'phoneNumberId' in account
              ? AccountSettings.parse(account)
              : GatewaySettings.parse(account),
      })),
    close: () => saved.idle(),
  };
}
