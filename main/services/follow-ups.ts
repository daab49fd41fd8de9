// This file is longer than 300 lines because it keeps the whole send protocol of a template together:
// the check under the contact's lock, the durable pending record, the provider call with its three
// outcomes, and the recovery of sends left from the last run. Each step relies on what the step before
// it wrote; spread over files, the order that keeps a follow-up from ever going out twice would be too.
import { AppError } from '../contract/errors';
import { requireContact } from './require-contact';
import {
  MAX_MESSAGE_LENGTH,
  type Contact,
  type ContactRow,
  type FollowUpOverview,
  type FollowUpPreview,
  type FollowUpResult,
  type Message,
  type Template,
} from '../contract/model';
import { chooseTemplate } from '../domain/follow-up/choose-template';
import { inWindowTemplateEligibility, type Refusal } from '../domain/follow-up/eligibility';
import { canSendFreeForm } from '../domain/care-window';
import { previewFollowUp } from '../domain/follow-up/preview';
import { fillTemplate } from '../domain/templates/fill';
import { KeyedQueues } from '../store/serial-queue';
import type { WorkspaceStore } from '../store/workspace-store';
import type { ConversationService } from './conversation';
import type { IdFactory } from './ids';
import type { OutboxService } from './outbox';
import type { Clock, Logger } from './ports';
import { UNCONFIRMED_FOLLOW_UP, UNCONFIRMED_TEMPLATE } from './send-failures';
import { templateSendRequest } from './template-send-request';

export interface FollowUpDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  /** Stores a send as queued, then hands it to the provider (retries, unknown outcomes: see outbox.ts). */
  outbox: Pick<OutboxService, 'enqueue' | 'dispatch'>;
  log: Logger;
  rowFor: (contact: Contact) => ContactRow;
  /** Stores and pushes the messages this service composes. */
  conversation: Pick<ConversationService, 'record' | 'recordStatus'>;
}

type Mode = 'follow-up' | 'in-window';

export { UNCONFIRMED_FOLLOW_UP, UNCONFIRMED_TEMPLATE } from './send-failures';

/**
 * Templates after (and inside) the window: the one-click follow-up, its preview, the overview of every
 * closed window, and sending to many at once.
 *
 * The rules are decided by the pure domain (previewFollowUp) and decided again here at send time, inside
 * a per-contact lock, from what is on disk, never from what the renderer saw. The lock covers the check
 * and the durable "pending" record of the send: a second call for the same contact waits for it, then
 * finds the follow-up already under way and is refused. The provider is called after the lock:
 *   - before calling it, the send is written to template-sends.json and the message appended as pending
 *     (a pending follow-up counts as sent, so a restart in between cannot lead to a second one);
 *   - accepted: the message becomes sent, and the template becomes the contact's last used one;
 *   - refused by the provider: the message becomes failed, which gives the allowance back;
 *   - no answer (it threw, or the app stopped): the message stays pending with an explanation and keeps
 *     counting, because it may have gone out. Never resent automatically.
 * Every refusal is written to the contact's history too (a failed template message saying why).
 */
export class FollowUpService {
  private readonly locks = new KeyedQueues();

  constructor(private readonly deps: FollowUpDeps) {}

  /** What one click would send to this contact (the default template unless one is named), and whether it may. */
  preview(contactId: string, templateId?: string): FollowUpPreview {
    const contact = requireContact(this.deps.store, contactId);
    return this.previewFor(contact, this.deps.rowFor(contact), templateId).preview;
  }

  /** Every closed window: the ones that can get a follow-up, and the ones that cannot, with why. */
  overview(): FollowUpOverview {
    const { store, rowFor } = this.deps;
    const eligible: FollowUpOverview['eligible'] = [];
    const blocked: FollowUpOverview['blocked'] = [];
    const rows = store
      .contacts()
      .map(rowFor)
      .filter((r) => r.window.state === 'closed' || r.window.state === 'awaiting-reply')
      .sort((a, b) => (b.window.expiresAt ?? 0) - (a.window.expiresAt ?? 0));
    for (const row of rows) {
      const { preview } = this.previewFor(row.contact, row, undefined);
      (preview.allowed ? eligible : blocked).push({ row, preview });
    }
    return { eligible, blocked };
  }

  /** The one follow-up for a closed window. */
  send(contactId: string, templateId: string): Promise<Message> {
    return this.attempt(contactId, templateId, 'follow-up');
  }

  /** A template inside an open window: allowed, but not the follow-up. */
  sendTemplate(contactId: string, templateId: string): Promise<Message> {
    return this.attempt(contactId, templateId, 'in-window');
  }

  /** Follows up many, one after another, each under every rule; says per contact what happened. */
  async sendAll(items: readonly { contactId: string; templateId: string }[]): Promise<FollowUpResult[]> {
    this.refuseImpossible(items);
    const results: FollowUpResult[] = [];
    for (const { contactId, templateId } of items) {
      const contact = this.deps.store.contact(contactId);
      const name = contact?.name ?? 'A removed contact';
      try {
        const message = await this.send(contactId, templateId);
        const template = message.template
          ? `“${message.template.name}” (${message.template.language})`
          : 'the template';
        results.push({ contactId, name, ok: true, message: `Sent ${template}.` });
      } catch (error) {
        if (!(error instanceof AppError)) this.deps.log.error('A follow-up failed', { error: String(error) });
        const message =
          error instanceof AppError
            ? error.message
            : 'Something went wrong inside CareWindow; nothing was sent.';
        results.push({ contactId, name, ok: false, message });
      }
    }
    return results;
  }

  /**
   * A batch naming a customer or template that does not exist was not made from the overview: it is
   * refused whole, before anything is sent, rather than written into histories one refusal at a time.
   */
  private refuseImpossible(items: readonly { contactId: string; templateId: string }[]): void {
    const { store } = this.deps;
    const unknownContacts = items.filter((i) => store.contact(i.contactId) === undefined).length;
    if (unknownContacts > 0)
      throw new AppError({
        code: 'not-found',
        message: `${unknownContacts === 1 ? 'One customer' : `${String(unknownContacts)} customers`} in this batch no longer exist. Nothing was sent; open Follow-ups again to see who is waiting.`,
      });
    if (items.some((i) => store.template(i.templateId) === undefined))
      throw new AppError({
        code: 'not-found',
        message:
          'A template in this batch no longer exists. Nothing was sent; choose another template and try again.',
      });
  }

  /**
   * At start-up: sends whose provider answer was never recorded (the app stopped in between). They are
   * never resent: a message still pending gets an explanation and keeps counting as sent.
   */
  async recover(): Promise<void> {
    const { store, conversation, log } = this.deps;
    for (const send of [...store.inFlightSends()]) {
      try {
        const contact = store.contact(send.contactId);
        const message = contact ? await store.findMessage(send.contactId, send.messageId) : undefined;
        if (contact && message?.status === 'pending') {
          await conversation.recordStatus(contact, message.id, {
            status: 'pending',
            error: message.followUp ? UNCONFIRMED_FOLLOW_UP : UNCONFIRMED_TEMPLATE,
          });
        }
        await store.finishSend(send.messageId, null);
      } catch (error) {
        log.error('Could not check a template send left from the last run', { error: String(error) });
      }
    }
  }

  private previewFor(contact: Contact, row: ContactRow, templateId: string | undefined) {
    const { store } = this.deps;
    const templates = store.templates();
    const template =
      templateId !== undefined
        ? (store.template(templateId) ?? null)
        : chooseTemplate({
            contact,
            lastUsed: store.lastTemplateUse(contact.id) ?? null,
            defaultTemplateId: store.settings().defaultTemplateId,
            templates,
          }).template;
    return previewFollowUp({
      contact,
      window: row.window,
      template,
      templates,
      now: this.deps.clock.now(),
      rateCard: store.costTerms().rateCard,
    });
  }

  private async attempt(contactId: string, templateId: string, mode: Mode): Promise<Message> {
    const ready = await this.locks.run(contactId, () => this.check(contactId, templateId, mode));
    return this.deliver(ready, mode);
  }

  /** Inside the contact's lock: decide from the stored state, and record the send as under way. */
  private async check(contactId: string, templateId: string, mode: Mode) {
    const { store, clock, ids } = this.deps;
    const contact = requireContact(this.deps.store, contactId);
    const row = this.deps.rowFor(contact);
    const template = store.template(templateId) ?? null;
    const detail = this.previewFor(contact, row, templateId);

    if (mode === 'in-window' && !canSendFreeForm(row.window)) {
      const message =
        row.window.state === 'none'
          ? `${contact.name} has not written to you yet: a template to start the conversation is sent with Follow up.`
          : `${contact.name}’s 24-hour window has closed: send this template with Follow up, as the one follow-up for this window.`;
      await this.recordRefusal(contact, template, detail.fill, mode, message);
      throw new AppError({ code: 'window-closed', message });
    }
    const refusal: Refusal | null =
      mode === 'follow-up'
        ? detail.eligibility.allowed
          ? null
          : detail.eligibility.refusal
        : refusalOf(
            inWindowTemplateEligibility({
              optIn: contact.optIn.status,
              optInRequested: contact.optInRequestedAt !== null,
              template: template
                ? { name: template.name, language: template.language, status: template.status }
                : null,
              missing: detail.fill && !detail.fill.ok ? detail.fill.missing : [],
              brokenTemplate: detail.fill && !detail.fill.ok ? (detail.fill.broken?.message ?? null) : null,
              // Stopped promotions holds inside the window too: WhatsApp refuses the marketing template.
              optedOutOfMarketing:
                template?.category === 'marketing' && contact.marketingOptOutAt !== undefined,
              contactName: contact.name,
            }),
          );
    if (refusal || !template || !detail.fill?.ok) {
      const why = refusal?.message ?? 'This template cannot be sent.';
      await this.recordRefusal(contact, template, detail.fill, mode, why);
      throw new AppError({ code: 'refused', message: why, ...(refusal ? { refusal: refusal.code } : {}) });
    }
    if (detail.fill.text.length > MAX_MESSAGE_LENGTH) {
      const why = `Filled in, this template is ${detail.fill.text.length} characters; WhatsApp allows ${MAX_MESSAGE_LENGTH}. Shorten the contact’s fields or the template.`;
      await this.recordRefusal(contact, template, detail.fill, mode, why);
      throw new AppError({ code: 'invalid-input', message: why });
    }
    // Header file and buttons (template-send-request.ts): a header without its file is refused here.
    const built = templateSendRequest(template, contact, detail.fill);
    if (!built.ok) {
      await this.recordRefusal(contact, template, detail.fill, mode, built.why);
      throw new AppError({ code: 'refused', message: built.why });
    }

    const message: Message = {
      id: ids(),
      contactId,
      direction: 'outbound',
      kind: 'template',
      text: detail.fill.text,
      at: clock.now(),
      status: 'queued',
      providerId: null,
      followUp: mode === 'follow-up',
      template: { name: template.name, language: template.language },
      error: null,
      consent: null,
    };
    // The ledger first: a crash after it but before the message leaves an entry recovery simply drops.
    await store.beginSend({ contactId, messageId: message.id, at: message.at });
    // Queued counts as sent for the one follow-up, so a second click is refused from here on.
    await this.deps.outbox.enqueue(message, contact, built.request);
    return { contact, template, message };
  }

  private async deliver(ready: { contact: Contact; message: Message }, mode: Mode): Promise<Message> {
    const { contact, message } = ready;
    const what = mode === 'follow-up' ? 'follow-up' : 'template';
    const result = await this.deps.outbox.dispatch(message.id);
    switch (result.outcome) {
      case 'sent':
      case 'queued':
      case 'stopped':
        // Waiting (a retry, or the owner reconnecting) shows on the message itself, with why.
        return result.message;
      case 'unconfirmed':
        throw new AppError({
          code: 'send-failed',
          message: `WhatsApp did not answer, so CareWindow cannot tell whether the ${what} reached ${contact.name}. It is not sent again automatically: the message in the conversation lets you mark it as sent or send it again.`,
        });
      case 'failed':
        throw new AppError({
          code: 'send-failed',
          message:
            `WhatsApp did not accept the ${what} to ${contact.name}: ${result.failure.reason}. Nothing was sent` +
            (mode === 'follow-up'
              ? ', and this window’s follow-up is still available: try again.'
              : '; try again.'),
        });
    }
  }

  /**
   * A template send ended for good (the outbox calls this): the ledger forgets it, and a send that went out
   * becomes the contact's last template.
   */
  async settled(message: Message): Promise<void> {
    if (message.kind !== 'template' || message.template === null) return;
    const sent = message.status === 'sent' || message.status === 'delivered' || message.status === 'read';
    await this.deps.store.finishSend(
      message.id,
      sent ? { contactId: message.contactId, use: { ...message.template, at: message.at } } : null,
    );
  }

  /** A refused send, in the contact's history: what would have been sent, and why it was not. */
  private async recordRefusal(
    contact: Contact,
    template: Template | null,
    fill: ReturnType<typeof fillTemplate> | null,
    mode: Mode,
    why: string,
  ): Promise<void> {
    const text = fill ? (fill.ok ? fill.text : fill.partial) : '';
    const message: Message = {
      id: this.deps.ids(),
      contactId: contact.id,
      direction: 'outbound',
      kind: 'template',
      text: text.slice(0, MAX_MESSAGE_LENGTH),
      at: this.deps.clock.now(),
      status: 'failed',
      providerId: null,
      followUp: mode === 'follow-up',
      template: template ? { name: template.name, language: template.language } : null,
      error: `Not sent: ${why}`.slice(0, 1000),
      consent: null,
    };
    await this.deps.conversation.record(message, contact);
  }
}

function refusalOf(eligibility: { allowed: true } | { allowed: false; refusal: Refusal }): Refusal | null {
  return eligibility.allowed ? null : eligibility.refusal;
}
