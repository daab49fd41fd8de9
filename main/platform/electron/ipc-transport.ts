import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../contract/errors';
import type { EventName, EventPayload } from '../../contract/ipc';
import type { HandlerTransport } from '../../ipc/router';
import type { Logger, Publisher } from '../../services/ports';
import { isTrustedSender } from './sender-frame';

type Handler = (args: unknown) => Promise<Envelope<unknown>>;

/**
 * ipcMain.handle + webContents.send behind the contract's transport. Every call's sender frame is
 * checked (isTrustedSender): only the app's own top-level page may call.
 */
export class ElectronTransport implements HandlerTransport, Publisher {
  constructor(
    private readonly isAppUrl: (url: string) => boolean,
    private readonly log: Logger,
  ) {}

  handle(channel: string, handler: Handler): void {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame, this.isAppUrl)) {
        this.log.warn('Refused a call from an untrusted frame', { channel });
        return {
          ok: false,
          error: { code: 'internal', message: 'This window is not allowed to use CareWindow.' },
        };
      }
      return handler(args);
    });
  }

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && this.isAppUrl(window.webContents.getURL()))
        window.webContents.send(event, payload);
    }
  }
}
