import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { startPreviewHost, type PreviewHost } from '../../main/platform/preview/host';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

/**
 * Starting a host opens a workspace and bundles the bridge: seconds on a busy shared machine. Nothing
 * waits on time; this only keeps a slow start from failing a test.
 */
export const HOST_TEST_TIMEOUT = 30_000;

/** Starts preview hosts on 127.0.0.1 over a temp renderer folder, and closes them after each test. */
export function usePreviewHosts(): () => Promise<PreviewHost> {
  const tempDir = useTempDirs();
  const hosts: PreviewHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.close()));
  });
  return async () => {
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
  };
}

export const originOf = (host: PreviewHost): string => new URL(host.url).origin;
export const socketUrl = (host: PreviewHost, token = host.token): string =>
  `ws://${new URL(host.url).host}/__carewindow/ws?token=${token}`;

/** Opens a socket and resolves with it, or rejects with the HTTP status of a refused upgrade. */
export function connect(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused ${String(res.statusCode)}`)));
    socket.once('error', reject);
  });
}

/** A socket with a session, as the page's bridge opens it. */
export const session = (host: PreviewHost): Promise<WebSocket> =>
  connect(socketUrl(host), { Origin: originOf(host) });

export type Reply = { kind: 'answer'; envelope: unknown } | { kind: 'closed'; code: number; reason: string };

/** Resolves with the answer to call `id`, or with how the host closed the socket instead. */
export function nextReply(socket: WebSocket, id: number): Promise<Reply> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '{}') as {
        id?: number;
        envelope?: unknown;
      };
      if (frame.id !== id) return;
      socket.off('message', onMessage);
      resolve({ kind: 'answer', envelope: frame.envelope });
    };
    socket.on('message', onMessage);
    socket.once('close', (code, reason) => {
      resolve({ kind: 'closed', code, reason: reason.toString('utf8') });
    });
  });
}

export async function call(socket: WebSocket, id: number, channel: string, args: unknown): Promise<unknown> {
  const reply = nextReply(socket, id);
  socket.send(JSON.stringify({ id, channel, args }));
  const outcome = await reply;
  if (outcome.kind === 'closed') throw new Error(`closed ${String(outcome.code)} ${outcome.reason}`);
  return outcome.envelope;
}
