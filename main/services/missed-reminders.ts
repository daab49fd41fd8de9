import { careWindowOf } from '../domain/care-window';
import { withFollowUpReadiness } from '../domain/follow-up/readiness';
import { digestNotice, type DigestWindow, type NoticeDraft } from '../domain/reminders/notices';
import type { DueReminder } from '../domain/reminders/triage';
import type { ReminderSource } from './reminder-plans';

/**
 * What the owner missed while the app was closed or the computer slept, collected until the next write of
 * the reminder log, so that everything missed in one turn of the event loop becomes one digest.
 */
export class MissedReminders {
  private readonly contactIds = new Set<string>();
  private readonly reminderIds: string[] = [];

  constructor(private readonly store: ReminderSource) {}

  get empty(): boolean {
    return this.contactIds.size === 0;
  }

  add(missed: readonly DueReminder[]): void {
    for (const d of missed) {
      this.contactIds.add(d.contactId);
      this.reminderIds.push(d.reminder.id);
    }
  }

  /** A window that closed while the app was away, reminded or not. */
  windowClosed(contactId: string): void {
    this.contactIds.add(contactId);
  }

  /** The digest of everything collected, as the windows stand now; starts collecting afresh. */
  take(now: number): NoticeDraft | null {
    const settings = this.store.settings();
    const windows: DigestWindow[] = [];
    for (const contactId of this.contactIds) {
      const contact = this.store.contact(contactId);
      if (!contact) continue;
      const plain = careWindowOf(this.store.activity(contactId), contact.optIn, settings, now);
      const { templates, lastTemplateUse } = this.store;
      const window = templates
        ? withFollowUpReadiness(
            plain,
            contact,
            {
              templates: templates.call(this.store),
              lastUsed: lastTemplateUse?.call(this.store, contactId) ?? null,
              defaultTemplateId: settings.defaultTemplateId,
            },
            now,
          )
        : plain;
      windows.push({
        contactId,
        name: contact.name,
        expiresAt: window.expiresAt,
        followUpReady: window.followUp === 'ready',
      });
    }
    this.contactIds.clear();
    return digestNotice(windows, this.reminderIds.splice(0), now);
  }
}
