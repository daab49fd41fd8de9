import { request } from 'node:http';
import { signPayload } from '../../main/providers/cloud-api/webhook-signature';

export interface WebhookAnswer {
  status: number;
  text: string;
}

/**
 * Sends a webhook the way Meta does (POST, JSON, X-Hub-Signature-256 over the raw bytes) with node:http,
 * so a test controls the exact bytes and headers. `signature: null` leaves the header out.
 */
export function postWebhook(
  url: string,
  body: Buffer | string,
  options: { secret?: string; signature?: string | null } = {},
): Promise<WebhookAnswer> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature =
    options.signature === undefined ? signPayload(bytes, options.secret ?? '') : options.signature;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': bytes.length,
  };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

export async function getWebhook(url: string, query: Record<string, string>): Promise<WebhookAnswer> {
  const target = new URL(url);
  for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
  const response = await fetch(target);
  return { status: response.status, text: await response.text() };
}
