import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../main/contract/bridge';
import type { Envelope } from '../main/contract/errors';

/**
 * The only thing that crosses into the page: `window.careWindow`, built from the IPC contract. No
 * ipcRenderer, no generic invoke: one named function per call, and `on` accepts only declared events.
 */
const api = createBridgeApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>,
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('careWindow', api);
