import type { Contact } from '../../contract/contact';
import type { Message } from '../../contract/message';
import type { AppNotification, Reminder } from '../../contract/notifications';

/** Bumped when the shape of an export changes, so a reader can tell which one it has. */
export const EXPORT_FORMAT_VERSION = 1;

export interface ContactDataParts {
  readonly contact: Contact;
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly lastTemplate: { name: string; language: string; at: number } | null;
  readonly upcomingReminders: readonly Reminder[];
  readonly notifications: readonly AppNotification[];
  readonly exportedAt: number;
}

/**
 * Everything CareWindow keeps about one customer, as one JSON document: what a customer asking "what do
 * you hold about me?" is owed. Template sends are listed apart as well as inside the messages, because
 * that is what the question usually is about.
 */
export function contactDataJson(parts: ContactDataParts): string {
  const templateSends = parts.messages
    .filter((m) => m.direction === 'outbound' && m.kind === 'template')
    .map((m) => ({
      at: iso(m.at),
      template: m.template?.name ?? null,
      language: m.template?.language ?? null,
      followUp: m.followUp,
      status: m.status,
    }));
  return JSON.stringify(
    {
      format: 'carewindow-contact-data',
      version: EXPORT_FORMAT_VERSION,
      exportedAt: iso(parts.exportedAt),
      contact: parts.contact,
      optInHistory: parts.contact.optInHistory.map((e) => ({ ...e, at: iso(e.at) })),
      messages: parts.messages.map(withIsoTime),
      templateSends,
      lastTemplate: parts.lastTemplate && { ...parts.lastTemplate, at: iso(parts.lastTemplate.at) },
      reminders: {
        upcoming: parts.upcomingReminders.map((r) => ({
          ...r,
          dueAt: iso(r.dueAt),
          expiresAt: iso(r.expiresAt),
        })),
        notifications: parts.notifications.map((n) => ({ ...n, at: iso(n.at) })),
      },
    },
    null,
    2,
  );
}

/** Conversations as JSON: each contact's name and number with its messages, oldest first. */
export function conversationsJson(
  conversations: readonly { contact: Contact; messages: readonly Message[] }[],
  exportedAt: number,
): string {
  return JSON.stringify(
    {
      format: 'carewindow-conversations',
      version: EXPORT_FORMAT_VERSION,
      exportedAt: iso(exportedAt),
      conversations: conversations.map(({ contact, messages }) => ({
        contact: { id: contact.id, name: contact.name, phone: contact.phone },
        messages: messages.map(withIsoTime),
      })),
    },
    null,
    2,
  );
}

const iso = (at: number): string => new Date(at).toISOString();
const withIsoTime = (m: Message) => ({ ...m, at: iso(m.at) });
