import type { CareWindowApi } from '../../../main/contract/ipc';
import type { Message } from '../../../main/contract/model';
import type { AppState, StateCell } from './app-state';

/**
 * What the owner typed per contact, and the promise that nothing typed is lost: a message that fails
 * after it was accepted puts its text back into the message box.
 */
export class Drafts {
  /** Texts sent in this session by message id, to put back into the message box if delivery fails. */
  private readonly sentTexts = new Map<string, { contactId: string; text: string }>();

  constructor(
    private readonly cell: StateCell,
    private readonly api: CareWindowApi['conversation'],
    /** Where the sent message goes first, so the log shows it before the draft is cleared. */
    private readonly receive: (message: Message) => void,
  ) {}

  set(contactId: string, text: string): void {
    const { drafts } = this.cell.get();
    if ((drafts[contactId] ?? '') === text) return;
    this.cell.set({ drafts: { ...drafts, [contactId]: text } });
  }

  /**
   * Sends the contact's draft. Rejects with an AppError when the main process refuses (the draft is
   * kept); clears the draft when the message was accepted.
   */
  async send(contactId: string, replyToId: string | null = null): Promise<Message> {
    const text = this.cell.get().drafts[contactId] ?? '';
    // A reply names the quoted message; main sends its WhatsApp id as the quote.
    const message = await (replyToId === null
      ? this.api.sendText(contactId, text)
      : this.api.sendText(contactId, text, replyToId));
    this.receive(message);
    if (message.status === 'failed') return message;
    this.sentTexts.set(message.id, { contactId, text });
    const { drafts } = this.cell.get();
    if (drafts[contactId] === text) {
      this.cell.set({
        drafts: Object.fromEntries(Object.entries(drafts).filter(([id]) => id !== contactId)),
      });
    }
    return message;
  }

  /**
   * The change a status update makes: a failed send puts its text back, unless the owner has started
   * typing something else. Forgets a text once its message is delivered.
   */
  patchFor(message: Message): Partial<AppState> {
    const sent = this.sentTexts.get(message.id);
    if (sent === undefined) return {};
    if (message.status === 'delivered' || message.status === 'read') this.sentTexts.delete(message.id);
    if (message.status !== 'failed') return {};
    this.sentTexts.delete(message.id);
    const { drafts, restoredDrafts } = this.cell.get();
    if ((drafts[sent.contactId] ?? '').trim() !== '') return {};
    return {
      drafts: { ...drafts, [sent.contactId]: sent.text },
      restoredDrafts: new Set([...restoredDrafts, message.id]),
    };
  }
}
