import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { build } from 'esbuild';
import { startCareWindow, type CareWindow } from '../../compose';
import { describe, registerHandlers } from '../../ipc/router';
import type { Logger } from '../../services/ports';
import type { SecretStore } from '../../services/account-ports';
import { webhookReceiverStarter } from '../node/start-webhook-receiver';
import { ControllableClock } from './controllable-clock';
import { MemorySecrets } from './memory-secrets';
import { RecordingNotifier } from './recording-notifier';
import { RecordingMediaShell } from './recording-media-shell';
import { sameToken, WsTransport } from './ws-transport';
import { RENDERER_CSP } from '../content-security-policy';
import { CONTENT_TYPES } from '../content-types';
import { isMediaPath, mediaAnswer, mediaForRequest } from '../media-route';

export interface PreviewHostOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  dataRoot: string;
  /** 0 picks a free port. */
  port?: number;
  /** Start the app's clock at this instant instead of now (the tests pin it). */
  startAt?: number | null;
  systemLocale?: string;
  /** The computer's region standing in for Electron's app.getLocaleCountryCode(); default NL. */
  systemCountry?: string;
  /** The zone the browser shows times in; defaults to this computer's. Tests pin it to the page's zone. */
  systemTimeZone?: string;
  log: Logger;
  /** The Graph API a new WhatsApp connection talks to (the tests' fake server); default Meta's. */
  graphBaseUrl?: string;
  /** CM.com's gateway for new connections (the e2e tests' fake); defaults to CM.com's. */
  cmBaseUrl?: string;
  /** The webhook receiver's port for a new connection; 0 picks a free one (tests). Default 8787. */
  webhookPort?: number;
  /**
   * Where the account's secrets live; default a new in-memory store (gone with the host). A test that
   * restarts the host hands the same one to each, as the keychain outlives a restart of the app.
   */
  secrets?: SecretStore;
}

export interface PreviewHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly token: string;
  readonly clock: ControllableClock;
  readonly app: CareWindow;
  /**
   * Desktop notifications and badges, recorded instead of shown: `shown` (every AppNotification),
   * `badge` / `badges`, `click(id)` (as the owner would: publishes 'app:navigate'), and
   * `setSupported(false, reason)` to act as an OS that refuses notifications.
   */
  readonly notifier: RecordingNotifier;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Serves the whole app to a browser on 127.0.0.1: the built renderer, a bridge script that builds
 * `window.careWindow` over a WebSocket, and the same composition root as the Electron app behind it.
 * Used by `npm run preview` and the end-to-end tests on machines without Electron's binary.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const { log } = options;
  const token = randomBytes(24).toString('base64url');
  const clock = new ControllableClock(options.startAt ?? null);
  let origin = '';
  const transport = new WsTransport(token, () => origin, log);
  const notifier = new RecordingNotifier();
  const app = await startCareWindow({
    dataRoot: options.dataRoot,
    clock,
    scheduler: clock,
    publisher: transport,
    log,
    systemLocale: options.systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    systemCountry: options.systemCountry ?? 'NL',
    ...(options.systemTimeZone ? { systemTimeZone: options.systemTimeZone } : {}),
    notifier,
    // No safeStorage outside Electron: credentials live in memory for this session (the wizard says so).
    secrets: options.secrets ?? new MemorySecrets(),
    startReceiver: webhookReceiverStarter(clock, log),
    // No desktop to open files on: what the owner asked to open is recorded (the e2e tests read it).
    mediaShell: new RecordingMediaShell(),
    ...(options.graphBaseUrl === undefined ? {} : { graphBaseUrl: options.graphBaseUrl }),
    ...(options.cmBaseUrl === undefined ? {} : { cmBaseUrl: options.cmBaseUrl }),
    ...(options.webhookPort === undefined ? {} : { webhookPort: options.webhookPort }),
  });
  registerHandlers(transport, app.handlers, log);
  const bridge = await bundleBridge();

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      log.error('Preview host request failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end('Internal error');
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request);
    if (!url) {
      send(response, 400, 'text/plain; charset=utf-8', 'Bad address');
      return;
    }
    // Refuse other hosts: a page on another site must not reach the app through DNS rebinding.
    if (request.headers.host !== new URL(origin).host) {
      send(response, 421, 'text/plain; charset=utf-8', 'Wrong host');
      return;
    }
    if (url.pathname === '/__carewindow/bridge.js') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
        return;
      }
      return send(response, 200, 'text/javascript; charset=utf-8', bridge);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        return send(
          response,
          403,
          'text/plain; charset=utf-8',
          'Open the address the preview host printed (it carries a token).',
        );
      }
      const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
      const tag = `<script src="/__carewindow/bridge.js?token=${encodeURIComponent(token)}"></script>`;
      return send(
        response,
        200,
        CONTENT_TYPES['.html'] ?? '',
        html.replace('<script', `${tag}\n    <script`),
      );
    }
    if (isMediaPath(url.pathname)) return serveMedia(response, app, url.pathname, request.headers.range);
    const file = staticPath(options.rendererDir, url.pathname);
    if (!file) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    try {
      const body = await readFile(file);
      send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      response.writeHead(404).end();
    }
  }

  // Node hands an upgrading socket over without its own 'error' listener, and anything thrown in this
  // handler escapes every try: an unanswerable request must end its own connection, never the host.
  server.on('upgrade', (request, socket: Duplex, head) => {
    socket.on('error', (error) => log.warn('Preview upgrade socket failed', { error: error.message }));
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    try {
      const url = requestUrl(request);
      if (!url) return refuse('400 Bad Request');
      if (
        url.pathname !== '/__carewindow/ws' ||
        request.headers.host !== new URL(origin).host ||
        !transport.authorize(request, url)
      )
        return refuse('403 Forbidden');
      transport.server.handleUpgrade(request, socket, head, (ws) =>
        transport.server.emit('connection', ws, request),
      );
    } catch (error) {
      log.error('Preview upgrade failed', { error: describe(error) });
      refuse('500 Internal Server Error');
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  log.info('Preview host listening', { port });

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    token,
    clock,
    app,
    notifier,
    close: async () => {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await app.close();
      clock.dispose();
    },
  };
}

/** The open workspace's media files (platform/media-route.ts), streamed, whole or the range asked for. */
async function serveMedia(
  response: ServerResponse,
  app: CareWindow,
  pathname: string,
  range: string | undefined,
): Promise<void> {
  let workspaceDir: string | null;
  try {
    workspaceDir = app.session().store.dir;
  } catch {
    workspaceDir = null;
  }
  const media = await mediaForRequest(workspaceDir, pathname);
  const size = media
    ? await stat(media.file).then(
        (s) => s.size,
        () => null,
      )
    : null;
  if (!media || size === null) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  const answer = mediaAnswer(media.contentType, size, range);
  response.writeHead(answer.status, answer.headers);
  if (answer.body === null) {
    response.end();
    return;
  }
  await pipeline(createReadStream(media.file, answer.body === 'whole' ? {} : answer.body), response);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

/** The request's address, or null when it is not one (`GET http://[` reaches here as it was sent). */
function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  return full.startsWith(resolve(root) + sep) ? full : null;
}

let bridgeBundle: Promise<string> | null = null;

/** The bridge changes only with the source, so hosts in one process (the tests start many) share one bundle. */
function bundleBridge(): Promise<string> {
  bridgeBundle ??= buildBridge().catch((error: unknown) => {
    bridgeBundle = null;
    throw error;
  });
  return bridgeBundle;
}

/** Bundles preload/web-bridge.ts (the contract's client over a WebSocket) for the page. */
async function buildBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'preload/web-bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('The preview bridge could not be built.');
  return output.text;
}
