import type { Settings, WorkspaceKind } from '../contract/model';
import type { Logger } from './ports';

/**
 * The computer's "open at login" entry (Electron's app.setLoginItemSettings, started hidden in the tray
 * or dock). A port, so the decision is tested where Electron cannot run: a fake records the calls.
 */
export interface LoginItem {
  set(openAtLogin: boolean): void;
}

/**
 * Reminders and messages arrive only while CareWindow runs, so once the owner has a real workspace it
 * opens at login unless they turned that off. The demo never changes the entry: trying the app must not
 * make it start with the computer.
 */
export class OpenAtLogin {
  private applied: boolean | null = null;

  constructor(
    private readonly item: LoginItem,
    private readonly log: Logger,
  ) {}

  /** A workspace was opened, or its settings were saved. */
  follow(kind: WorkspaceKind, settings: Pick<Settings, 'openAtLogin'>): void {
    if (kind !== 'real' || settings.openAtLogin === this.applied) return;
    try {
      this.item.set(settings.openAtLogin);
      this.applied = settings.openAtLogin;
    } catch (error) {
      // Linux desktops without support, or a locked-down computer: the app still works, just not at login.
      this.log.warn('Could not change whether CareWindow opens at login', { error: String(error) });
    }
  }
}

/** For hosts that cannot start with the computer (the preview host, most tests). */
export const noLoginItem: LoginItem = { set: () => undefined };
