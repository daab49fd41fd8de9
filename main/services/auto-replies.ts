import { AutoReplySettings, type AutomaticReply, type AutoRepliesView } from '../contract/answer-faster';
import { AppError } from '../contract/errors';
import type { Contact, ContactRow, Message } from '../contract/model';
import { autoRepliesDue, autoReplyBilling } from '../domain/answer-faster/auto-reply-rules';
import { fillReply } from '../domain/answer-faster/fill-reply';
import { canSendFreeForm } from '../domain/care-window';
import { opensWindow } from '../domain/inbound-event';
import { systemTimeZone } from '../domain/zoned-time';
import type { AutoReplyShelf } from '../store/auto-replies-file';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { OutboxService } from './outbox';
import type { Clock, Logger } from './ports';

export interface AutoReplyDeps {
  shelf: AutoReplyShelf;
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  log: Logger;
  outbox: Pick<OutboxService, 'submit'>;
  rowFor: (contact: Contact) => ContactRow;
  systemTimeZone?: string;
}

/**
 * The greeting and the away message. They are replies: each is decided right after the customer's
 * message that opened (or restarted) the window is stored, by the pure rules in auto-reply-rules.ts, and
 * goes through the outbox like a message the owner typed. Which went to whom is written before the send,
 * so a crash can lose one, never send one twice; and it stays written across restarts.
 */
export class AutoReplyService {
  private work: Promise<void> = Promise.resolve();

  constructor(private readonly deps: AutoReplyDeps) {}

  view(): AutoRepliesView {
    return { settings: this.deps.shelf.settings(), billing: autoReplyBilling(this.deps.clock.now()) };
  }

  async update(settings: AutoReplySettings): Promise<AutoRepliesView> {
    const parsed = AutoReplySettings.safeParse(settings);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first ? first.path.join('.') : 'settings';
      const message = first?.message ?? 'Check the automatic replies.';
      throw new AppError({ code: 'invalid-input', message, fields: { [field]: message } });
    }
    for (const kind of ['greeting', 'away'] as const) {
      const reply = parsed.data[kind];
      if (reply.enabled && reply.text === '') {
        const message = `Type the ${kind === 'greeting' ? 'greeting' : 'away message'} before turning it on.`;
        throw new AppError({ code: 'invalid-input', message, fields: { [`${kind}.text`]: message } });
      }
    }
    await this.deps.shelf.saveSettings(parsed.data);
    return this.view();
  }

  /** A customer's message was stored: answer it in the background (the webhook is not held up). */
  received(message: Message): void {
    if (message.direction !== 'inbound' || !opensWindow(message)) return;
    this.work = this.work
      .then(() => this.answer(message))
      .catch((error: unknown) => {
        this.deps.log.error('Could not send an automatic reply', { error: String(error) });
      });
  }

  /** Resolves once every automatic reply asked for so far was sent or given up. */
  idle(): Promise<void> {
    return this.work;
  }

  private async answer(inbound: Message): Promise<void> {
    const { store, shelf, clock } = this.deps;
    const settings = shelf.settings();
    if (!settings.greeting.enabled && !settings.away.enabled) return;
    const contact = store.contact(inbound.contactId);
    if (!contact) return;
    const row = this.deps.rowFor(contact);
    const due = autoRepliesDue({
      settings,
      businessHours: store.settings().businessHours,
      zone: store.settings().timeZone ?? this.deps.systemTimeZone ?? systemTimeZone(),
      at: inbound.at,
      now: clock.now(),
      previousInboundAt: await this.previousInboundAt(inbound),
      lastSent: {
        greeting: shelf.lastSent(contact.id, 'greeting'),
        away: shelf.lastSent(contact.id, 'away'),
      },
      // The window this message opened: a later one (the customer wrote again) is answered for itself.
      windowOpen: canSendFreeForm(row.window) && row.window.openedAt === inbound.at,
      optedOut: contact.optIn.status === 'opted-out',
      consentMessage: inbound.consent !== null,
    });
    for (const kind of due) await this.send(contact, kind, settings[kind].text);
  }

  private async send(contact: Contact, kind: AutomaticReply, body: string): Promise<void> {
    const { clock, shelf } = this.deps;
    const filled = fillReply(body, contact);
    // A field the contact does not have: the placeholder is left out rather than sent as "{first_name}".
    const text = (filled.ok ? filled.text : filled.partial.replace(/\{\{?[^{}]*\}?\}/g, ''))
      .replace(/ {2,}/g, ' ')
      .replace(/ ([,.!?])/g, '$1')
      .trim();
    if (text === '') return;
    const at = clock.now();
    await shelf.recordSent(contact.id, kind, at);
    const message: Message = {
      id: this.deps.ids(),
      contactId: contact.id,
      direction: 'outbound',
      kind: 'text',
      text,
      at,
      status: 'queued',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
      automatic: kind,
    };
    await this.deps.outbox.submit(message, contact, { kind: 'text', to: contact.phone, text });
  }

  /** The customer's window-opening message before this one, from the history (null: the first ever). */
  private async previousInboundAt(inbound: Message): Promise<number | null> {
    let before = inbound.at;
    let beforeId = inbound.id;
    for (let pages = 0; pages < 20; pages++) {
      const page = await this.deps.store.history(inbound.contactId, { before, beforeId, limit: 200 });
      const found = [...page.messages].reverse().find((m) => m.direction === 'inbound' && opensWindow(m));
      if (found) return found.at;
      const oldest = page.messages[0];
      if (!page.hasMore || !oldest) return null;
      before = oldest.at;
      beforeId = oldest.id;
    }
    // 4,000 messages without one from the customer: long enough inactive to greet.
    return null;
  }
}
