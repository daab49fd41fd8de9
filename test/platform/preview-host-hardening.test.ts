import { connect as connectTcp } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PreviewHost } from '../../main/platform/preview/host';
import { call, HOST_TEST_TIMEOUT, nextReply, session, usePreviewHosts } from './preview-kit';

const start = usePreviewHosts();

/** Sends raw bytes to the host and resolves with everything it answered before closing the connection. */
function rawExchange(host: PreviewHost, request: string): Promise<string> {
  const { hostname, port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connectTcp(Number(port), hostname, () => socket.end(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

function upgradeRequest(host: PreviewHost, target: string): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${new URL(host.url).host}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  ].join('\r\n');
}

/** The host still serves the page and answers calls on a fresh socket. */
async function expectAlive(host: PreviewHost): Promise<void> {
  expect((await fetch(host.url)).status).toBe(200);
  const socket = await session(host);
  try {
    const before = host.clock.now();
    const now = (await call(socket, 1, 'clock:now', [])) as { ok: boolean; value: number };
    expect(now.ok).toBe(true);
    // The preview's clock runs with the wall clock from its pinned start.
    expect(now.value).toBeGreaterThanOrEqual(before);
  } finally {
    socket.close();
  }
}

describe('the preview host survives what any local process can send', { timeout: HOST_TEST_TIMEOUT }, () => {
  it('refuses an upgrade whose request line is not a URL', async () => {
    const host = await start();
    const answer = await rawExchange(host, upgradeRequest(host, 'http://['));
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive(host);
  });

  it('answers a plain request for an unparsable address with 400', async () => {
    const host = await start();
    const answer = await rawExchange(
      host,
      `GET http://[ HTTP/1.1\r\nHost: ${new URL(host.url).host}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await expectAlive(host);
  });

  it.each([['null'], ['42'], ['[]'], ['"text"'], ['{"id":"1","channel":"clock:now","args":[]}'], ['{']])(
    'closes only the socket that sent the frame %s, saying why',
    async (frame) => {
      const host = await start();
      const socket = await session(host);
      const reply = nextReply(socket, 7);
      socket.send(frame);
      // Had the host kept the socket open, this call would be answered instead.
      socket.send(JSON.stringify({ id: 7, channel: 'clock:now', args: [] }));
      const outcome = await reply;
      expect(outcome).toMatchObject({ kind: 'closed', code: 1008 });
      expect(outcome.kind === 'closed' ? outcome.reason : '').toMatch(/not a CareWindow call/i);
      await expectAlive(host);
    },
  );

  it('closes a socket that sends a frame over 1 MB', async () => {
    const host = await start();
    const socket = await session(host);
    const reply = nextReply(socket, 1);
    socket.send('x'.repeat(1024 * 1024 + 1));
    expect(await reply).toMatchObject({ kind: 'closed', code: 1009 });
    await expectAlive(host);
  });

  it('closes a socket that sends text that is not UTF-8', async () => {
    const host = await start();
    const socket = await session(host);
    const reply = nextReply(socket, 1);
    socket.send(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), { binary: false });
    expect(await reply).toMatchObject({ kind: 'closed', code: 1007 });
    await expectAlive(host);
  });

  it.each([[42], [null], [{ 0: 'x' }], ['demo'], [undefined]])(
    'refuses a call whose arguments are %j instead of a list, and runs nothing',
    async (args) => {
      const host = await start();
      const socket = await session(host);
      try {
        const before = (await call(socket, 1, 'contacts:list', [])) as { value: unknown[] };
        const refused = await call(socket, 2, 'workspace:openDemo', args);
        expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        const after = (await call(socket, 3, 'contacts:list', [])) as { value: unknown[] };
        expect(after.value).toEqual(before.value);
      } finally {
        socket.close();
      }
    },
  );
});
