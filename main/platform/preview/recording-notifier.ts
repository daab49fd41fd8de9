import type { AppNotification } from '../../contract/model';
import type { DesktopSupport, Notifier } from '../../services/notifier';

export interface RecordedBadge {
  count: number;
  description: string;
}

/**
 * The Notifier of the preview host and the tests: records every desktop notification and badge instead
 * of showing them, and lets a test click one or make the OS "refuse" notifications. The end-to-end tests
 * read it through `PreviewHost.notifier`.
 */
export class RecordingNotifier implements Notifier {
  /** Every notification shown, oldest first. */
  readonly shown: AppNotification[] = [];
  /** Every badge set, oldest first; `badge` is the current one. */
  readonly badges: RecordedBadge[] = [];
  private readonly clicks = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private state: DesktopSupport = { supported: true, reason: null };
  /** Whether the app counts as the active window; a test sets false to see new-message notifications. */
  focused = true;

  get badge(): RecordedBadge {
    return this.badges[this.badges.length - 1] ?? { count: 0, description: '' };
  }

  support(): DesktopSupport {
    return { ...this.state };
  }

  onSupportChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  show(notification: AppNotification, onClick: () => void): void {
    if (!this.state.supported) return;
    this.shown.push(structuredClone(notification));
    this.clicks.set(notification.id, onClick);
  }

  setBadge(count: number, description: string): void {
    this.badges.push({ count, description });
  }

  appFocused(): boolean {
    return this.focused;
  }

  /** Clicks a notification as the owner would; false when no such notification was shown. */
  click(id: string): boolean {
    const onClick = this.clicks.get(id);
    onClick?.();
    return onClick !== undefined;
  }

  /** Makes desktop notifications (un)available, as an OS that refuses them would. */
  setSupported(
    supported: boolean,
    reason: string | null = supported ? null : 'Turned off in the test.',
  ): void {
    this.state = { supported, reason };
    for (const listener of this.listeners) listener();
  }

  /** Forgets what was shown (between steps of a test). */
  clear(): void {
    this.shown.length = 0;
    this.clicks.clear();
  }
}
