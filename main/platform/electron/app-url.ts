import { join } from 'node:path';
import { app } from 'electron';
import { chooseRendererUrl, isRendererPage } from './app-origin';

/** The built renderer's folder (out/renderer, inside app.asar when packaged). */
export const rendererDir = (): string => join(__dirname, '../renderer');

/** Where the renderer is loaded from (see chooseRendererUrl). */
export function rendererUrl(): string {
  return chooseRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
}

/** True only for the app's own page: the one origin IPC calls and navigation are allowed from. */
export function isAppUrl(url: string): boolean {
  return isRendererPage(url, rendererUrl());
}
