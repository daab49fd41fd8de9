import { createBridgeApi, type BridgeTransport } from '../main/contract/bridge';
import type { Envelope } from '../main/contract/errors';
import type { EventName } from '../main/contract/ipc';

/**
 * The preview host's version of the preload: builds the same `window.careWindow` from the same contract,
 * over a WebSocket to the Node host instead of Electron's IPC. Served by the host with a session token.
 */
declare global {
  interface Window {
    careWindow: unknown;
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const token = script ? (new URL(script.src).searchParams.get('token') ?? '') : '';
const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/__carewindow/ws?token=${encodeURIComponent(token)}`;

const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;
let socket: WebSocket;
let ready: Promise<void>;

function connect(): void {
  socket = new WebSocket(socketUrl);
  ready = new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('connection failed')), { once: true });
  });
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data)) as
      { id: number; envelope: Envelope<unknown> } | { event: EventName; payload: unknown };
    if ('id' in frame) {
      pending.get(frame.id)?.(frame.envelope);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({
        ok: false,
        error: {
          code: 'internal',
          message: 'Lost the connection to CareWindow. Reload the page; nothing was lost.',
        },
      });
    }
    pending.clear();
  });
}

const transport: BridgeTransport = {
  async invoke(channel, args) {
    try {
      await ready;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Cannot reach CareWindow. Is the preview host still running?' },
      };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, args }));
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
};

connect();
window.careWindow = createBridgeApi(transport);
