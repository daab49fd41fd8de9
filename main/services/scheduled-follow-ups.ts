import type { ScheduledFollowUp } from '../contract/answer-faster';
import { AppError } from '../contract/errors';
import type { Contact, ContactRow, Message } from '../contract/model';
import { scheduleProblem } from '../domain/answer-faster/follow-up-time';
import { opensWindow } from '../domain/inbound-event';
import type { NoticeDraft } from '../domain/reminders/notices';
import type { ScheduledFollowUpShelf } from '../store/scheduled-follow-ups-file';
import type { WorkspaceStore } from '../store/workspace-store';
import type { FollowUpService } from './follow-ups';
import type { Cancellable, Clock, Logger, Publisher, Scheduler } from './ports';
import { requireContact } from './require-contact';

export interface ScheduledFollowUpDeps {
  shelf: ScheduledFollowUpShelf;
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  log: Logger;
  /** The one-click follow-up, with every rule checked again when the moment comes. */
  followUps: Pick<FollowUpService, 'send'>;
  rowFor: (contact: Contact) => ContactRow;
  /** Puts a note in the notification centre (and on the desktop). */
  note: (draft: NoticeDraft) => void;
}

/**
 * Follow-ups sent later, at a moment the owner chose ("tomorrow at 09:00", the start of business hours).
 * Each waits in scheduled-follow-ups.json; a Scheduler timer wakes it, and at start-up (or after a sleep
 * or a clock jump) every one already due goes at once. The entry is removed durably before the follow-up
 * is handed on, so it goes out exactly once; the follow-up service decides again whether it may. A
 * customer who writes first opens a new window: the scheduled follow-up is dropped, with a note.
 */
export class ScheduledFollowUps {
  private readonly timers = new Map<string, Cancellable>();
  private work: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: ScheduledFollowUpDeps) {}

  list(): ScheduledFollowUp[] {
    return [...this.deps.shelf.list()];
  }

  /** Arms every stored one; the ones already due (the app was closed at their moment) go now. */
  start(): void {
    for (const entry of this.deps.shelf.list()) this.arm(entry);
  }

  /** After a sleep or a clock jump: timers are re-armed, and what fell due meanwhile goes now, once. */
  clockChanged(): void {
    this.start();
  }

  async schedule(contactId: string, templateId: string, at: number): Promise<ScheduledFollowUp> {
    const { store, clock } = this.deps;
    const contact = requireContact(store, contactId);
    if (!store.template(templateId))
      throw new AppError({
        code: 'not-found',
        message: 'This template no longer exists. Choose another one.',
      });
    const window = this.deps.rowFor(contact).window;
    const problem =
      window.followUp === 'sent'
        ? `The follow-up for this window was already sent: ${contact.name} has to write first.`
        : window.followUp === 'opted-out' || window.followUp === 'no-opt-in'
          ? `${contact.name} has no active opt-in: a follow-up could not be sent then either.`
          : scheduleProblem(at, clock.now(), window.expiresAt);
    if (problem !== null || window.expiresAt === null)
      throw new AppError({
        code: 'invalid-input',
        message: problem ?? 'Nothing to follow up.',
        fields: { at: problem ?? '' },
      });
    const entry: ScheduledFollowUp = {
      contactId,
      templateId,
      at,
      windowExpiresAt: window.expiresAt,
      scheduledAt: clock.now(),
    };
    await this.deps.shelf.put(entry);
    this.arm(entry);
    this.changed();
    return entry;
  }

  async cancel(contactId: string): Promise<null> {
    this.timers.get(contactId)?.cancel();
    this.timers.delete(contactId);
    if (await this.deps.shelf.take(contactId)) this.changed();
    return null;
  }

  /** A customer's message was stored: one that opens a new window drops their scheduled follow-up. */
  received(message: Message): void {
    if (message.direction !== 'inbound' || !opensWindow(message)) return;
    const entry = this.deps.shelf.of(message.contactId);
    if (entry && message.at > entry.windowExpiresAt - 24 * 3_600_000)
      this.queue(() => this.due(entry.contactId, true));
  }

  /** Resolves once every follow-up that fell due so far was handed on or dropped. */
  idle(): Promise<void> {
    return this.work;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    return this.work;
  }

  private arm(entry: ScheduledFollowUp): void {
    this.timers.get(entry.contactId)?.cancel();
    this.timers.delete(entry.contactId);
    if (this.closed) return;
    if (entry.at <= this.deps.clock.now()) {
      this.queue(() => this.due(entry.contactId, false));
      return;
    }
    this.timers.set(
      entry.contactId,
      this.deps.scheduler.at(entry.at, () => {
        this.timers.delete(entry.contactId);
        this.queue(() => this.due(entry.contactId, false));
      }),
    );
  }

  private queue(run: () => Promise<void>): void {
    this.work = this.work.then(run).catch((error: unknown) => {
      this.deps.log.error('Could not send a scheduled follow-up', { error: String(error) });
    });
  }

  /** The moment came (or the customer wrote): taken off the list first, then sent or dropped. */
  private async due(contactId: string, customerWrote: boolean): Promise<void> {
    if (this.closed) return;
    const { store, shelf, clock } = this.deps;
    const current = shelf.of(contactId);
    if (!current) return;
    const contact = store.contact(contactId);
    const window = contact ? this.deps.rowFor(contact).window : null;
    const newWindow = window !== null && window.expiresAt !== current.windowExpiresAt;
    if (!customerWrote && !newWindow && current.at > clock.now()) {
      this.arm(current); // the clock was set back: not yet
      return;
    }
    if (customerWrote && !newWindow) return;
    await shelf.take(contactId);
    this.timers.get(contactId)?.cancel();
    this.timers.delete(contactId);
    this.changed();
    if (!contact) return;
    if (newWindow) {
      this.deps.note(
        this.noteAbout(
          contact,
          'Scheduled follow-up dropped',
          `${contact.name} wrote first, which opened a new window: answer them with a normal message. The scheduled follow-up was not sent.`,
        ),
      );
      return;
    }
    try {
      await this.deps.followUps.send(contactId, current.templateId);
    } catch (error) {
      const why = error instanceof AppError ? error.message : 'Something went wrong inside CareWindow.';
      this.deps.note(this.noteAbout(contact, 'Scheduled follow-up not sent', why));
      if (!(error instanceof AppError)) throw error;
    }
  }

  private noteAbout(contact: Contact, title: string, body: string): NoticeDraft {
    return {
      kind: 'follow-up',
      title: `${title}: ${contact.name}`,
      body,
      contactIds: [contact.id],
      reminderIds: [],
    };
  }

  private changed(): void {
    this.deps.publisher.publish('scheduledFollowUps:changed', { scheduled: this.list() });
  }
}
