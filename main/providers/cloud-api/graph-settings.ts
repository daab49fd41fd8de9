import { SECOND } from '../../domain/durations';

/**
 * The Graph API version CareWindow speaks unless the settings say otherwise: v26.0, the current stable
 * version (released 29 Jul 2026, https://developers.facebook.com/docs/graph-api/changelog). A setting,
 * so a newer CareWindow setting or a test can move it without a code change.
 */
export const DEFAULT_GRAPH_VERSION = 'v26.0';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.facebook.com';

/** Long enough for a slow mobile connection, short enough that the outbox learns of a lost request. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 20 * SECOND;

/** What the Cloud API client needs: where the Graph API is, and the account's ids and token. */
export interface GraphSettings {
  /** `https://graph.facebook.com`, or a local fake server in tests. No trailing slash needed. */
  baseUrl: string;
  /** e.g. 'v26.0'. */
  version: string;
  /** The system user's (or the app's) access token. Never logged, never sent to the renderer. */
  accessToken: string;
  phoneNumberId: string;
  /** The WhatsApp Business Account id. */
  wabaId: string;
  /** Per-request timeout; the outcome of a send that times out is unknown. */
  timeoutMs: number;
}

export function graphSettings(
  required: Pick<GraphSettings, 'accessToken' | 'phoneNumberId' | 'wabaId'>,
  overrides: Partial<Pick<GraphSettings, 'baseUrl' | 'version' | 'timeoutMs'>> = {},
): GraphSettings {
  return {
    baseUrl: overrides.baseUrl ?? DEFAULT_GRAPH_BASE_URL,
    version: overrides.version ?? DEFAULT_GRAPH_VERSION,
    timeoutMs: overrides.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS,
    ...required,
  };
}
