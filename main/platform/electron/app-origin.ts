/**
 * Which page is the app's own, decided without Electron so it can be tested in Node: this module must
 * not import 'electron' at runtime (app-url.ts feeds it the live values).
 */

/**
 * The packaged renderer is served from app://carewindow/ rather than file://: the fuse that takes
 * file:// pages' extra privileges away (grantFileProtocolExtraPrivileges: false) would also block the
 * page's module scripts, and a custom scheme gives the page one origin that IPC checks can pin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'carewindow';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Where the renderer is loaded from: electron-vite's dev server in development, never in a packaged
 * build, where an environment variable must not be able to point the app at another page.
 */
export function chooseRendererUrl(devServerUrl: string | undefined, packaged: boolean): string {
  return devServerUrl && !packaged ? devServerUrl : APP_ENTRY;
}

/** True only for a page of the renderer at `rendererUrl`: the one origin IPC calls and navigation are allowed from. */
export function isRendererPage(url: string, rendererUrl: string): boolean {
  try {
    const parsed = new URL(url);
    const expected = new URL(rendererUrl);
    // Node's URL gives custom schemes an opaque origin ("null" for every app:// page and any other), so
    // compare scheme and host instead.
    if (expected.protocol === `${APP_SCHEME}:`)
      return parsed.protocol === expected.protocol && parsed.host === APP_HOST;
    return parsed.origin === expected.origin;
  } catch {
    return false;
  }
}
