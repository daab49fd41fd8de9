import { z } from 'zod';
import { ProviderKind } from './account-cm';
import { Timestamp } from './primitives';

/**
 * Connecting a WhatsApp Business number. The credentials cross IPC once, from the form to the main
 * process; nothing secret ever comes back: the status carries no access token and no app secret. The
 * webhook verify token is the exception by design: the app generates it for the owner to paste into the
 * Meta app's webhook settings, and it only lets the platform confirm the subscription.
 */

/** Graph API object ids are decimal numbers (https://developers.facebook.com/docs/graph-api/overview). */
const GraphId = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Paste the ${what}.`)
    .max(40, `This is too long to be a ${what}.`)
    .regex(/^\d+$/, `The ${what} is a number (digits only), as shown in WhatsApp Manager → API Setup.`);

export const AccountCredentials = z.object({
  phoneNumberId: GraphId('phone number ID'),
  wabaId: GraphId('WhatsApp Business Account ID'),
  accessToken: z
    .string()
    .trim()
    .min(1, 'Paste the access token.')
    .max(4096, 'This is too long to be an access token.')
    .regex(/^\S+$/, 'An access token has no spaces: copy it again in full.'),
  appSecret: z
    .string()
    .trim()
    .min(1, 'Paste the app secret (Meta app → App settings → Basic).')
    .max(200, 'This is too long to be an app secret.')
    .regex(/^\S+$/, 'An app secret has no spaces: copy it again.'),
});
export type AccountCredentials = z.infer<typeof AccountCredentials>;

export const ConnectionProblem = z.enum([
  'expired-token',
  'invalid-token',
  'missing-permission',
  'wrong-phone-number-id',
  'wrong-waba-id',
  'network',
  'server',
  'unknown',
]);
export type ConnectionProblem = z.infer<typeof ConnectionProblem>;

/** What "Test connection" found: the number as WhatsApp knows it, or exactly what is wrong. */
export const ConnectionTest = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), displayPhoneNumber: z.string(), verifiedName: z.string() }),
  z.object({ ok: z.literal(false), problem: ConnectionProblem, reason: z.string() }),
]);
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/**
 * Where secrets are kept on this computer: encrypted by the operating system (Electron safeStorage),
 * only in memory for this session (the preview host), or nowhere (no keyring: refused, never plain text).
 */
export const SecretStorage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('encrypted') }),
  z.object({ kind: z.literal('session-only') }),
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
]);
export type SecretStorage = z.infer<typeof SecretStorage>;

export const AccountStatus = z.object({
  connected: z.boolean(),
  /** The provider the number is (or was last) connected through; 'cloud-api' when none was. */
  provider: ProviderKind,
  storage: SecretStorage,
  /** As WhatsApp shows them; null when not connected. */
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
  phoneNumberId: z.string().nullable(),
  wabaId: z.string().nullable(),
  webhook: z.object({
    /** The local receiver's address while it listens, e.g. http://127.0.0.1:8787/webhook. */
    localUrl: z.string().nullable(),
    /** The port the receiver listens on (for the tunnel command). */
    port: z.number().int().min(0).max(65535),
    /** What the owner pastes as "Verify token" in the Meta app's webhook settings. */
    verifyToken: z.string().nullable(),
    /**
     * CM.com signs nothing, so its webhooks are accepted only at this secret path of the receiver
     * (`/webhook/<random>`), which the owner pastes after the tunnel's address; null for the Cloud API.
     */
    path: z.string().nullable(),
  }),
  /** When the last verified webhook arrived (kept across restarts); null before the first. */
  lastWebhookAt: Timestamp.nullable(),
  /** What keeps the account from working, in the owner's words (receiver port taken, secrets lost…). */
  problems: z.array(z.string()),
  /**
   * Why sends wait in the queue until the owner reconnects (WhatsApp refused the access token or a
   * permission), with what to do; null while messages go out.
   */
  sendingOnHold: z.string().nullable(),
});
export type AccountStatus = z.infer<typeof AccountStatus>;
