import type { MediaProblem } from '../contract/model';
import type { MediaFetch } from '../services/ports';

/** The parts of fetching an inbound media file that do not depend on the provider: plain HTTP. */

export function mediaFailure(problem: MediaProblem, size: number | null, detail: string): MediaFetch {
  return { ok: false, problem, size, detail };
}

/** The size an answer announces; null when it announces none (or nonsense). */
export function contentLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  return header !== null && /^\d+$/.test(header) ? Number(header) : null;
}

/** The body as chunks; a connection dropped mid-body makes the iteration throw. */
export async function* bodyChunks(response: Response): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (too large): the rest is not downloaded.
    await reader.cancel().catch(() => undefined);
  }
}
