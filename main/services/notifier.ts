import type { AppNotification } from '../contract/model';

/** Whether the OS shows desktop notifications, and if not, why (in the owner's words). */
export interface DesktopSupport {
  supported: boolean;
  reason: string | null;
}

/**
 * Desktop notifications and the tray/dock badge: Electron's Notification, Tray and app.setBadgeCount in
 * the app, a recording fake in the tests and the preview host. The reminder service decides what to
 * show and when; a Notifier only shows it.
 */
export interface Notifier {
  support(): DesktopSupport;
  /** Called when support changes (the OS refused to show one): the app then says so and uses its banner. */
  onSupportChange(listener: () => void): () => void;
  /** Shows one notification; `onClick` runs when the owner clicks it (after the app is brought forward). */
  show(notification: AppNotification, onClick: () => void): void;
  /** Unread customer messages plus windows closing within the first lead time; 0 clears the badge. */
  setBadge(count: number, description: string): void;
  /**
   * Whether one of CareWindow's windows is the active window: a new message then needs no desktop
   * notification. Absent (hosts without windows): treated as in front, so nothing pops up.
   */
  appFocused?(): boolean;
}

/** For hosts without notifications (and as a safe default): nothing is shown, and the app says so. */
export function silentNotifier(reason: string): Notifier {
  return {
    support: () => ({ supported: false, reason }),
    onSupportChange: () => () => undefined,
    show: () => undefined,
    setBadge: () => undefined,
  };
}
