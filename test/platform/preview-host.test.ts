import { describe, expect, it } from 'vitest';
import {
  call,
  connect,
  HOST_TEST_TIMEOUT,
  nextReply,
  originOf,
  socketUrl,
  usePreviewHosts,
} from './preview-kit';

const start = usePreviewHosts();

describe('the preview host', { timeout: HOST_TEST_TIMEOUT }, () => {
  it('serves the page only with the token, and injects the bridge', async () => {
    const host = await start();
    const origin = originOf(host);
    expect((await fetch(`${origin}/`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(`/__carewindow/bridge.js?token=${encodeURIComponent(host.token)}`);
    expect((await fetch(`${origin}/__carewindow/bridge.js`)).status).toBe(403);
    expect((await fetch(`${origin}/__carewindow/bridge.js?token=${host.token}`)).status).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    const host = await start();
    const origin = originOf(host);
    expect((await fetch(`${origin}/assets/app.css`)).status).toBe(200);
    expect((await fetch(`${origin}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/..%2f..%2fsecret.txt`)).status).toBe(404);
  });

  it('refuses sockets without the token or from another origin', async () => {
    const host = await start();
    const origin = originOf(host);
    await expect(connect(socketUrl(host, 'wrong'), { Origin: origin })).rejects.toThrow('refused 403');
    await expect(connect(socketUrl(host), { Origin: 'http://evil.example' })).rejects.toThrow('refused 403');
    const socket = await connect(socketUrl(host), { Origin: origin });
    try {
      const list = (await call(socket, 1, 'contacts:list', [])) as { ok: boolean; value: unknown[] };
      expect(list.ok).toBe(true);
      expect(list.value.length).toBeGreaterThan(20);
      // A malformed call is answered with a typed error; the host keeps serving.
      const bad = (await call(socket, 2, 'contacts:get', [42])) as { ok: boolean; error: { code: string } };
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const unknown = (await call(socket, 3, 'system:exec', ['rm -rf /'])) as { ok: boolean };
      expect(unknown.ok).toBe(false);
      // Text that is not a call at all closes that socket, saying why.
      const closed = nextReply(socket, 4);
      socket.send('not json');
      expect(await closed).toMatchObject({ kind: 'closed', code: 1008 });
    } finally {
      socket.close();
    }
  });
});
