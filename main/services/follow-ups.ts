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
import type { Clock, Logger, MessagingProvider, SendOutcome } from './ports';
import type { TemplateParameter } from '../domain/templates/fill';

export interface FollowUpDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  provider: MessagingProvider;
  log: Logger;
  rowFor: (contact: Contact) => ContactRow;
  /** Stores and pushes the messages this service composes, and routes their delivery reports. */
  conversation: Pick<ConversationService, 'record' | 'recordStatus' | 'expectStatus'>;
}

type Mode = 'follow-up' | 'in-window';

/** Shown on a template whose provider answer never came: CareWindow stopped in between. */
export const UNCONFIRMED_FOLLOW_UP =
  'CareWindow closed before WhatsApp confirmed this follow-up, so it may not have reached the customer. ' +
  'It still counts as this window’s one follow-up, so it is never sent twice; the customer’s next message opens a new window.';
export const UNCONFIRMED_TEMPLATE =
  'CareWindow closed before WhatsApp confirmed this template, so it may not have reached the customer.';

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
    return previewFollowUp({ contact, window: row.window, template, templates });
  }

  private async attempt(contactId: string, templateId: string, mode: Mode): Promise<Message> {
    const ready = await this.locks.run(contactId, () => this.check(contactId, templateId, mode));
    return this.deliver(ready, mode);
  }

  /** Inside the contact's lock: decide from the stored state, and record the send as under way. */
  private async check(contactId: string, templateId: string, mode: Mode) {
    const { store, clock, ids, conversation } = this.deps;
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

    const message: Message = {
      id: ids(),
      contactId,
      direction: 'outbound',
      kind: 'template',
      text: detail.fill.text,
      at: clock.now(),
      status: 'pending',
      providerId: null,
      followUp: mode === 'follow-up',
      template: { name: template.name, language: template.language },
      error: null,
      consent: null,
    };
    // The ledger first: a crash after it but before the message leaves an entry recovery simply drops.
    await store.beginSend({ contactId, messageId: message.id, at: message.at });
    await conversation.record(message, contact);
    return { contact, template, message, parameters: detail.fill.parameters };
  }

  private async deliver(
    ready: { contact: Contact; template: Template; message: Message; parameters: TemplateParameter[] },
    mode: Mode,
  ): Promise<Message> {
    const { store, provider, conversation, log } = this.deps;
    const { contact, template, message } = ready;
    const what = mode === 'follow-up' ? 'follow-up' : 'template';

    let outcome: SendOutcome;
    try {
      outcome = await provider.send({
        kind: 'template',
        to: contact.phone,
        template: { name: template.name, language: template.language },
        text: message.text,
        parameters: ready.parameters,
      });
    } catch (error) {
      // No answer: it may have gone out. Keep it pending (and counting), say so, never resend.
      log.error('The messaging provider threw while sending a template', { error: String(error) });
      await conversation.recordStatus(contact, message.id, {
        status: 'pending',
        error: `No answer from WhatsApp (${String(error).slice(0, 200)}), so it may not have reached ${contact.name}.${mode === 'follow-up' ? ' It still counts as this window’s follow-up, so it is never sent twice.' : ''}`,
      });
      await store.finishSend(message.id, null);
      throw new AppError({
        code: 'send-failed',
        message: `WhatsApp did not answer, so CareWindow cannot tell whether the ${what} reached ${contact.name}. It is not sent again automatically.`,
      });
    }

    if (!outcome.ok) {
      const reason = `Not sent: ${outcome.reason}.`;
      await conversation.recordStatus(contact, message.id, { status: 'failed', error: reason });
      await store.finishSend(message.id, null);
      throw new AppError({
        code: 'send-failed',
        message:
          `WhatsApp did not accept the ${what} to ${contact.name}: ${outcome.reason}. Nothing was sent` +
          (mode === 'follow-up'
            ? ', and this window’s follow-up is still available: try again.'
            : '; try again.'),
      });
    }

    const sent = await conversation.recordStatus(contact, message.id, {
      status: 'sent',
      providerId: outcome.providerId,
    });
    conversation.expectStatus(outcome.providerId, contact.id, message.id);
    await store.finishSend(message.id, {
      contactId: contact.id,
      use: { name: template.name, language: template.language, at: message.at },
    });
    return sent;
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
