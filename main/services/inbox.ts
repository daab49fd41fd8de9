import type { AppNotification, Contact, Message, Settings } from '../contract/model';
import type { UnreadCounts } from '../store/unread-file';
import type { Notifier } from './notifier';
import type { Logger, Publisher } from './ports';

export interface InboxDeps {
  unread: UnreadCounts;
  settings: () => Pick<Settings, 'notifyNewMessages'>;
  notifier: Notifier;
  publisher: Publisher;
  log: Logger;
  /** A contact's unread count changed: its row is pushed again. */
  changed: (contactId: string) => void;
  /** The workspace's unread total changed: the dock/tray badge follows. */
  totalChanged: (total: number) => void;
}

const BODY_LENGTH = 200;

/**
 * "Who is waiting for me": counts each new customer message as unread until the owner opens the
 * conversation, keeps the counts in unread.json so a restart forgets nothing, and shows a desktop
 * notification for a new message while CareWindow is not the active window (a setting, on by default).
 */
export class InboxService {
  constructor(private readonly deps: InboxDeps) {}

  unreadOf(contactId: string): number {
    return this.deps.unread.of(contactId);
  }

  total(): number {
    return this.deps.unread.total();
  }

  /**
   * A message was stored. A new customer message counts as unread (a message imported from a chat
   * export is old history, and the owner's own messages are read by definition). Called before the
   * message is pushed, so its row already carries the count.
   */
  async received(message: Message, contact: Contact): Promise<void> {
    if (message.direction !== 'inbound' || message.imported) return;
    try {
      await this.deps.unread.add(contact.id);
    } catch (error) {
      // The message itself is safe in the history; only its unread mark is lost.
      this.deps.log.warn('Could not save the unread count', { error: String(error) });
    }
    this.deps.totalChanged(this.total());
    this.notify(message, contact);
  }

  /** The owner opened the conversation: everything in it counts as read. */
  async markRead(contactId: string): Promise<void> {
    if (this.deps.unread.of(contactId) === 0) return;
    await this.deps.unread.clear(contactId);
    this.deps.changed(contactId);
    this.deps.totalChanged(this.total());
  }

  /** A deleted contact leaves no unread count behind. */
  async forget(contactId: string): Promise<void> {
    await this.deps.unread.forget(contactId);
    this.deps.totalChanged(this.total());
  }

  private notify(message: Message, contact: Contact): void {
    const { notifier } = this.deps;
    if (!this.deps.settings().notifyNewMessages || (notifier.appFocused?.() ?? true)) return;
    const notification: AppNotification = {
      id: `message:${message.id}`,
      at: message.at,
      kind: 'message',
      title: contact.name,
      body: message.text.slice(0, BODY_LENGTH),
      contactIds: [contact.id],
      reminderIds: [],
      read: false,
    };
    try {
      notifier.show(notification, () =>
        this.deps.publisher.publish('app:navigate', { contactIds: [contact.id] }),
      );
    } catch (error) {
      this.deps.log.warn('Could not show a desktop notification', { error: String(error) });
    }
  }
}
