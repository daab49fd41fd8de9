import { BrowserWindow, Notification } from 'electron';
import type { DesktopSupport, Notifier } from '../../services/notifier';
import type { Logger } from '../../services/ports';
import type { BadgeDisplay } from './badge';

export interface ElectronNotifierOptions {
  /** Brings the app forward; resolves once its page can receive the navigation that follows. */
  focus: () => Promise<void>;
  badge: BadgeDisplay;
  log: Logger;
  /** Notification icon (Windows and Linux; macOS always uses the app icon). */
  icon?: string;
}

/** Notifications kept referenced: a garbage-collected Notification no longer delivers its click. */
const KEEP = 50;

function settingsPlace(): string {
  switch (process.platform) {
    case 'win32':
      return 'Windows Settings › System › Notifications';
    case 'darwin':
      return 'System Settings › Notifications › CareWindow';
    default:
      return "your desktop's notification settings";
  }
}

/**
 * Desktop notifications through Electron's Notification. Unsupported (Notification.isSupported() is false)
 * or refused by the OS (the `failed` event, e.g. notifications turned off for the app): the app is told,
 * shows its own banner, and says so in settings. A click brings the window forward, then runs `onClick`
 * (which marks it read and publishes 'app:navigate').
 */
export function electronNotifier(options: ElectronNotifierOptions): Notifier {
  let failure: string | null = null;
  const listeners = new Set<() => void>();
  const live: Notification[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const forget = (note: Notification) => {
    const i = live.indexOf(note);
    if (i >= 0) live.splice(i, 1);
  };

  return {
    support(): DesktopSupport {
      if (!Notification.isSupported()) {
        return {
          supported: false,
          reason:
            'This computer does not support desktop notifications, so CareWindow shows its reminders inside the app.',
        };
      }
      if (failure !== null) {
        return {
          supported: false,
          reason: `The system did not show CareWindow's notification (${failure}). Allow notifications for CareWindow in ${settingsPlace()}; until then reminders appear inside the app.`,
        };
      }
      return { supported: true, reason: null };
    },
    onSupportChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show(notification, onClick) {
      if (!Notification.isSupported()) return;
      const note = new Notification({
        title: notification.title,
        body: notification.body,
        silent: false,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      live.push(note);
      if (live.length > KEEP) live.shift();
      note.on('click', () => {
        forget(note);
        options.focus().then(onClick, (error: unknown) => {
          options.log.warn('Could not bring CareWindow forward', { error: String(error) });
          onClick();
        });
      });
      note.on('close', () => forget(note));
      note.on('show', () => {
        if (failure === null) return;
        failure = null;
        changed();
      });
      note.on('failed', (_event, error) => {
        forget(note);
        options.log.warn('A desktop notification was not shown', { error });
        if (failure === error) return;
        failure = error;
        changed();
      });
      note.show();
    },
    setBadge(count, description) {
      options.badge.set(count, description);
    },
    appFocused() {
      return BrowserWindow.getFocusedWindow() !== null;
    },
  };
}
