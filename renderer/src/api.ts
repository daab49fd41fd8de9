import { unwrapBridgeApi } from '../../main/contract/client';
import type { BridgeApi, CareWindowApi } from '../../main/contract/ipc';

declare global {
  interface Window {
    /** Exposed by the preload (or the preview host's bridge script). Missing if the page runs elsewhere. */
    careWindow?: BridgeApi;
  }
}

/** The main process's API, unwrapped so failed calls reject with an AppError; null without a bridge. */
export const api: CareWindowApi | null =
  typeof window.careWindow === 'object' ? unwrapBridgeApi(window.careWindow) : null;
