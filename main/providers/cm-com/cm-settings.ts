/**
 * Where CM.com's Business Messaging gateway is and what the account sends with. The product token
 * authenticates every request (header `X-CM-PRODUCTTOKEN`, "Header Authentication (Recommended)" on
 * https://developers.cm.com/messaging/docs/integration); it comes from the SecretStore and is never logged.
 */
export interface CmSettings {
  /** https://gw.messaging.cm.com unless a test points it at a fake. */
  baseUrl: string;
  productToken: string;
  /** The business's WhatsApp number as CM.com registered it: the `from` of every message. */
  sender: string;
  timeoutMs: number;
}

/** The global endpoint (via Cloudflare) that CM.com recommends (integration page above). */
export const DEFAULT_CM_BASE_URL = 'https://gw.messaging.cm.com';
export const MESSAGE_PATH = '/v1.0/message';
export const DEFAULT_CM_TIMEOUT_MS = 30_000;

/** `from` and `to` as the gateway takes them: digits with the international prefix, no '+' or spaces. */
export function gatewayNumber(e164: string): string {
  return `00${e164.replace(/\D/g, '')}`;
}
