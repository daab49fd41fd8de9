import { app } from 'electron';
import type { LoginItem } from '../../services/open-at-login';

/** The argument a login start carries on Windows, so the app starts in the tray without a window. */
export const HIDDEN_ARG = '--hidden';

/**
 * Electron's login items. Windows starts the app with `--hidden`; macOS (where Electron 45 has no
 * `openAsHidden` any more) reports the start as `wasOpenedAtLogin`, and main/index.ts then shows no
 * window either: the app waits in the tray or dock. Linux has no login items in Electron: nothing happens.
 */
export const electronLoginItem: LoginItem = {
  set(openAtLogin) {
    app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
  },
};

/** Whether this start came from the login item (hidden: no window until the owner opens one). */
export function startedHidden(argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
