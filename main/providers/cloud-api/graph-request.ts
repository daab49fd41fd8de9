import { z } from 'zod';
import { fetchAnswer, parseJson, type RequestFailure } from '../platform-request';
import type { GraphSettings } from './graph-settings';

/** A Graph API error answer, as https://developers.facebook.com/docs/graph-api/guides/error-handling shapes it. */
export interface GraphError {
  /** The HTTP status. */
  status: number;
  /** `error.code` (null when the answer was not a Graph error body, e.g. a proxy's HTML page). */
  code: number | null;
  subcode: number | null;
  /** The code's title: Meta puts it in `message` after "(#code) ". */
  title: string;
  /** `error.error_data.details`: Meta recommends acting on code + details rather than the title. */
  details: string;
  /**
   * `error.error_user_title` / `error_user_msg`: the platform's own words for a person, given for refusals
   * such as a template that breaks a rule; '' when absent.
   */
  userTitle?: string;
  userMessage?: string;
}

/** What became of a request: an answer, a Graph error, or none (whether sending again is safe). */
export type GraphResponse =
  { kind: 'ok'; status: number; body: unknown } | { kind: 'error'; error: GraphError } | RequestFailure;

export interface GraphCall {
  method: 'GET' | 'POST';
  /** Below the version: `/123/messages`. */
  path: string;
  query?: Record<string, string>;
  /** JSON, a FormData sent as multipart/form-data, or raw bytes (the resumable upload's file). */
  body?: unknown;
  /** Headers that replace the defaults (the resumable upload authorises with `OAuth <token>`). */
  headers?: Record<string, string>;
  /** Lets the caller give up early (shutdown); counts as a timeout. */
  signal?: AbortSignal;
}

const ErrorBody = z.object({
  error: z.object({
    message: z.string().catch(''),
    error_user_title: z.string().optional().catch(undefined),
    error_user_msg: z.string().optional().catch(undefined),
    code: z.number().int().optional().catch(undefined),
    error_subcode: z.number().int().optional().catch(undefined),
    error_data: z
      .object({ details: z.string().optional().catch(undefined) })
      .optional()
      .catch(undefined),
  }),
});

export function graphUrl(settings: GraphSettings, path: string, query: Record<string, string> = {}): URL {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const url = new URL(`${base}/${settings.version}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url;
}

/** One Graph API call with the bearer token and a timeout. Never throws: every outcome is a value. */
export async function graphRequest(settings: GraphSettings, call: GraphCall): Promise<GraphResponse> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  const headers: Record<string, string> = { authorization: `Bearer ${settings.accessToken}` };
  // A form (a media upload) sets its own multipart content type, boundary included.
  const form = call.body instanceof FormData ? call.body : null;
  // Raw bytes are copied into a plain ArrayBuffer: fetch's body must not be a view on a shared buffer.
  const bytes = call.body instanceof Uint8Array ? new Uint8Array(call.body) : null;
  if (call.body !== undefined && !form && !bytes) headers['content-type'] = 'application/json';
  Object.assign(headers, call.headers);
  const answer = await fetchAnswer(graphUrl(settings, call.path, call.query), {
    method: call.method,
    headers,
    body: form ?? bytes ?? (call.body === undefined ? null : JSON.stringify(call.body)),
    signal,
  });
  if (answer.kind !== 'answered') return answer;
  const { response, text } = answer;
  const body = parseJson(text);
  if (response.ok) {
    if (body === undefined) return { kind: 'no-answer', detail: 'the answer could not be read' };
    return { kind: 'ok', status: response.status, body };
  }
  return { kind: 'error', error: toGraphError(response.status, body) };
}

function toGraphError(status: number, body: unknown): GraphError {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return { status, code: null, subcode: null, title: `HTTP ${status}`, details: '' };
  const { message, code, error_subcode, error_data, error_user_title, error_user_msg } = parsed.data.error;
  return {
    status,
    code: code ?? null,
    subcode: error_subcode ?? null,
    title: message.replace(/^\(#\d+\)\s*/, ''),
    details: error_data?.details ?? '',
    userTitle: error_user_title ?? '',
    userMessage: error_user_msg ?? '',
  };
}
