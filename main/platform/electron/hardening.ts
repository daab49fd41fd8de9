import { app, session } from 'electron';
import { RENDERER_CSP } from '../content-security-policy';
import type { Logger } from '../../services/ports';
import { isAppUrl } from './app-url';

/**
 * The renderer is untrusted: no navigation away from the app, no new windows, no webviews, no
 * permissions (camera, notifications from the page, …), and a strict CSP on every response.
 */
export function hardenSessions(log: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Denied a permission request', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        log.warn('Blocked navigation away from the app');
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
