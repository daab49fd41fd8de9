import { z } from 'zod';
import { MAX_CONTACT_ENTRIES, type MessageChoice, type SharedContact } from '../contract/model';
import type { OutboundRequest } from '../services/ports';

/**
 * The parts of an inbound message that come in WhatsApp's own format whichever provider passes them on
 * (shared contact cards, interactive replies, template buttons): the Cloud API sends them as they are
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/
 * contacts, …/interactive and …/button), CM.com passes them through in `message.custom`
 * (https://developers.cm.com/messaging/docs/whatsapp-inbound). Read leniently: a field of the wrong type
 * is dropped, not the card or the message. Text is clipped to the contract's limits.
 */

const Text = z.string().optional().catch(undefined);

/** A shared contact card: "many contact properties may be omitted". */
export const ContactCardPayload = z.object({
  name: z.object({ formatted_name: Text, first_name: Text, last_name: Text }).optional().catch(undefined),
  phones: z
    .array(z.object({ phone: Text, wa_id: Text, type: Text }))
    .optional()
    .catch(undefined),
  emails: z
    .array(z.object({ email: Text, type: Text }))
    .optional()
    .catch(undefined),
  org: z.object({ company: Text }).optional().catch(undefined),
});
export type ContactCardPayload = z.infer<typeof ContactCardPayload>;

/** An interactive reply's `button_reply` or `list_reply`: the option's id, title and description. */
export const ReplyPayload = z.object({ id: Text, title: Text, description: Text });
export type ReplyPayload = z.infer<typeof ReplyPayload>;

/** A template's quick-reply button that was tapped: its payload and its label. */
export const ButtonPayload = z.object({ payload: Text, text: Text });
export type ButtonPayload = z.infer<typeof ButtonPayload>;

/** A card as the history keeps it: named by its formatted name, else first and last, else its phone. */
export function sharedContactOf(card: ContactCardPayload): SharedContact {
  const parts = [card.name?.first_name, card.name?.last_name].filter((p) => p !== undefined && p !== '');
  const name =
    card.name?.formatted_name ?? (parts.length > 0 ? parts.join(' ') : (card.phones?.[0]?.phone ?? ''));
  return {
    name: clip(name, 500),
    phones: (card.phones ?? [])
      .filter((p) => p.phone !== undefined || p.wa_id !== undefined)
      .slice(0, MAX_CONTACT_ENTRIES)
      .map((p) => ({
        phone: clip(p.phone ?? `+${p.wa_id ?? ''}`, 100),
        waId: p.wa_id ? clip(p.wa_id, 50) : null,
        type: p.type ? clip(p.type, 50) : null,
      })),
    emails: (card.emails ?? [])
      .filter((e) => e.email !== undefined)
      .slice(0, MAX_CONTACT_ENTRIES)
      .map((e) => ({ email: clip(e.email ?? '', 320), type: e.type ? clip(e.type, 50) : null })),
    organization: card.org?.company ? clip(card.org.company, 500) : null,
  };
}

/** The template button that was tapped; one without a label takes `untitled`, as a reply does. */
export function buttonChoice(button: ButtonPayload, untitled = ''): MessageChoice {
  return {
    source: 'template-button',
    id: button.payload ? clip(button.payload, 1000) : null,
    title: clip(button.text ?? untitled, 1000),
    description: null,
  };
}

/**
 * The option an interactive reply chose; a reply without a title takes `untitled` (CM.com repeats the
 * title as the message's text).
 */
export function replyChoice(
  source: 'button-reply' | 'list-reply',
  reply: ReplyPayload,
  untitled = '',
): MessageChoice {
  return {
    source,
    id: reply.id ? clip(reply.id, 1000) : null,
    title: clip(reply.title ?? untitled, 1000),
    description: reply.description ? clip(reply.description, 1000) : null,
  };
}

const clip = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max));

/** The buttons of a template send that take a value. */
export type TemplateButtons = NonNullable<Extract<OutboundRequest, { kind: 'template' }>['buttons']>;

/**
 * WhatsApp's button components, one per button that takes a value (a quick reply's payload, a URL's
 * suffix): the Cloud API's shape, which CM.com's WhatsApp channel passes on as it is.
 */
export function templateButtonComponents(buttons: TemplateButtons): Record<string, unknown>[] {
  return buttons.map((button) => ({
    type: 'button',
    sub_type: button.type,
    index: String(button.index),
    parameters: [
      button.type === 'quick_reply'
        ? { type: 'payload', payload: button.payload }
        : { type: 'text', text: button.text },
    ],
  }));
}
