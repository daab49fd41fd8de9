import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: electron-vite's dev server in development, the packaged file otherwise. */
export function rendererLocation(): { kind: 'url'; url: string } | { kind: 'file'; path: string } {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) return { kind: 'url', url: devUrl };
  return { kind: 'file', path: join(__dirname, '../renderer/index.html') };
}

/** True only for the app's own page: the one origin IPC calls and navigation are allowed from. */
export function isAppUrl(url: string): boolean {
  const location = rendererLocation();
  try {
    const parsed = new URL(url);
    if (location.kind === 'url') return parsed.origin === new URL(location.url).origin;
    return parsed.protocol === 'file:' && parsed.pathname === pathToFileURL(location.path).pathname;
  } catch {
    return false;
  }
}
