import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPreviewHost, type PreviewHost } from '../../main/platform/preview/host';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const hosts: PreviewHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(): Promise<PreviewHost> {
  const root = await tempDir();
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), 'do not serve');
  const host = await startPreviewHost({
    rendererDir,
    dataRoot: join(root, 'data'),
    log: silentLog,
    startAt: Date.parse('2026-11-24T14:20:00Z'),
  });
  hosts.push(host);
  return host;
}

const origin = (host: PreviewHost) => new URL(host.url).origin;

/** Opens a socket and resolves with it, or rejects with the HTTP status of a refused upgrade. */
function connect(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${String(res.statusCode)}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, id: number, channel: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '{}') as {
        id?: number;
        envelope?: unknown;
      };
      if (frame.id === id) {
        socket.off('message', onMessage);
        resolve(frame.envelope);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, channel, args }));
  });
}

describe('the preview host', () => {
  it('serves the page only with the token, and injects the bridge', async () => {
    const host = await start();
    expect((await fetch(`${origin(host)}/`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(`/__carewindow/bridge.js?token=${encodeURIComponent(host.token)}`);
    expect((await fetch(`${origin(host)}/__carewindow/bridge.js`)).status).toBe(403);
    expect((await fetch(`${origin(host)}/__carewindow/bridge.js?token=${host.token}`)).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const host = await start();
    expect((await fetch(`${origin(host)}/assets/app.css`)).status).toBe(200);
    expect((await fetch(`${origin(host)}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${origin(host)}/assets/..%2f..%2fsecret.txt`)).status).toBe(404);
  });

  it('refuses sockets without the token or from another origin', async () => {
    const host = await start();
    const ws = `ws://${new URL(host.url).host}/__carewindow/ws`;
    await expect(connect(`${ws}?token=wrong`, { Origin: origin(host) })).rejects.toThrow('refused 403');
    await expect(connect(`${ws}?token=${host.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(
      'refused 403',
    );
    const socket = await connect(`${ws}?token=${host.token}`, { Origin: origin(host) });
    try {
      const list = (await call(socket, 1, 'contacts:list', [])) as { ok: boolean; value: unknown[] };
      expect(list.ok).toBe(true);
      expect(list.value.length).toBeGreaterThan(20);
      // A malformed call is answered with a typed error; the host keeps serving.
      const bad = (await call(socket, 2, 'contacts:get', [42])) as { ok: boolean; error: { code: string } };
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const unknown = (await call(socket, 3, 'system:exec', ['rm -rf /'])) as { ok: boolean };
      expect(unknown.ok).toBe(false);
      socket.send('not json');
      expect(((await call(socket, 4, 'clock:now', [])) as { value: number }).value).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });
});
