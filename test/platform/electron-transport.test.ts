import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../main/contract/errors';
import type { SenderFrame } from '../../main/platform/electron/sender-frame';
import { silentLog } from '../support/recorders';

type Listener = (event: { senderFrame: SenderFrame | null }, args: unknown) => Promise<Envelope<unknown>>;
const listeners = vi.hoisted(() => new Map<string, Listener>());

// The Electron binary cannot run here: ipcMain is replaced by a table of the registered listeners.
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) },
  BrowserWindow: { getAllWindows: () => [] },
}));

const { ElectronTransport } = await import('../../main/platform/electron/ipc-transport');

const appFrame: SenderFrame = { url: 'app://carewindow/index.html', parent: null };

function registered(): { listener: Listener; received: unknown[] } {
  const received: unknown[] = [];
  const transport = new ElectronTransport((url) => url.startsWith('app://carewindow/'), silentLog);
  transport.handle('workspace:openDemo', (args) => {
    received.push(args);
    return Promise.resolve({ ok: true, value: null });
  });
  const listener = listeners.get('workspace:openDemo');
  if (!listener) throw new Error('not registered');
  return { listener, received };
}

describe('the Electron transport', () => {
  it('passes a non-list argument on as it came, for the router to refuse', async () => {
    const { listener, received } = registered();
    await listener({ senderFrame: appFrame }, 42);
    expect(received).toEqual([42]);
  });

  it('runs nothing for a call from a sub-frame', async () => {
    const { listener, received } = registered();
    const reply = await listener({ senderFrame: { ...appFrame, parent: appFrame } }, []);
    expect(reply.ok).toBe(false);
    expect(received).toEqual([]);
  });
});
