import { join } from 'node:path';
import { app } from 'electron';
import { APP_ENTRY, APP_HOST, APP_SCHEME } from './app-protocol';

/** The built renderer's folder (out/renderer, inside app.asar when packaged). */
export const rendererDir = (): string => join(__dirname, '../renderer');

/**
 * Where the renderer is loaded from: electron-vite's dev server in development (never in a packaged
 * build, where an environment variable must not be able to point the app at another page), app:// otherwise.
 */
export function rendererUrl(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return devUrl && !app.isPackaged ? devUrl : APP_ENTRY;
}

/** True only for the app's own page: the one origin IPC calls and navigation are allowed from. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    const expected = new URL(rendererUrl());
    // Node's URL gives custom schemes an opaque origin, so compare scheme and host.
    if (expected.protocol === `${APP_SCHEME}:`)
      return parsed.protocol === expected.protocol && parsed.host === APP_HOST;
    return parsed.origin === expected.origin;
  } catch {
    return false;
  }
}
