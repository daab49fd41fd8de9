import { SECOND } from '../../domain/durations';
import { CALL_TEXT } from '../../domain/inbound-event';
import type { InboundMessage, StatusUpdate } from '../../services/ports';
import { kindOfCode } from './error-codes';
import { failureText } from './failure-text';
import { labelOf } from './inbound-labels';
import { contentOf } from './webhook-content';
import { Call, ContactProfile, Envelope, InboundBase, Status, ValueError } from './webhook-payload';
import type { TemplateStatusUpdate } from '../../services/template-ports';
import { TEMPLATE_STATUS_FIELD, templateStatusOf } from './template-status-webhook';

/**
 * A verified webhook payload → typed events. Pure: the same bytes give the same events, so a journal entry
 * can be processed again after a crash. Which events open the window is not decided here but by the
 * event's kind (domain/inbound-event.ts `opensWindow`): messages and user-initiated calls do; reactions
 * and button replies, by CareWindow's cautious reading, do not; statuses are not inbound events at all.
 * Order is left to the consumer: statuses only move forward (domain/message-status.ts), so "read" before
 * "delivered" ends as read.
 */

export interface DeliveryStatus extends StatusUpdate {
  /** The customer's number the message went to (E.164), when the platform said. */
  recipient: string | null;
  /** The first error's code and title for a failed message. */
  code: number | null;
  title: string;
}

export type WebhookEvent =
  | { type: 'inbound'; message: InboundMessage }
  | { type: 'status'; status: DeliveryStatus }
  /** A notice from WhatsApp about the customer (e.g. a changed number): not the customer writing. */
  | { type: 'notice'; from: string; at: number; providerId: string; text: string; json: string }
  /** A problem the platform reports about the account or app, not about one message. */
  | { type: 'error'; code: number; title: string; details: string }
  /** A submitted template was approved, rejected, paused… (template-status-webhook.ts). */
  | { type: 'template-status'; update: TemplateStatusUpdate };

export type ParsedWebhook =
  { ok: true; events: WebhookEvent[]; skipped: number } | { ok: false; reason: string };

const DELIVERY_STATUSES = new Set(['sent', 'delivered', 'read', 'failed']);

/** Parses the raw body of a verified webhook. */
export function parseWebhook(rawBody: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'not a WhatsApp Business Account webhook' };
  const events: WebhookEvent[] = [];
  let skipped = 0;
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field === TEMPLATE_STATUS_FIELD) {
        const update = templateStatusOf(change.value, entry.time ?? null);
        if (update) events.push({ type: 'template-status', update });
        else skipped++;
        continue;
      }
      const result = parseValue(change.value);
      events.push(...result.events);
      skipped += result.skipped;
    }
  }
  return { ok: true, events, skipped };
}

function parseValue(value: Record<string, unknown>): { events: WebhookEvent[]; skipped: number } {
  const events: WebhookEvent[] = [];
  let skipped = 0;
  const names = profileNames(value.contacts);
  for (const item of arrayOf(value.messages)) {
    const message = InboundBase.safeParse(item);
    if (!message.success) {
      skipped++;
      continue;
    }
    events.push(inboundEvent(message.data, JSON.stringify(item), names));
  }
  for (const item of arrayOf(value.statuses)) {
    const status = Status.safeParse(item);
    if (!status.success || !DELIVERY_STATUSES.has(status.data.status)) {
      skipped++;
      continue;
    }
    events.push({ type: 'status', status: deliveryStatus(status.data) });
  }
  for (const item of arrayOf(value.calls)) {
    const call = Call.safeParse(item);
    if (!call.success) {
      skipped++;
      continue;
    }
    const event = callEvent(call.data, JSON.stringify(item), names);
    if (event) events.push(event);
  }
  for (const item of arrayOf(value.errors)) {
    const error = ValueError.safeParse(item);
    if (!error.success) {
      skipped++;
      continue;
    }
    const { code, title, error_data } = error.data;
    events.push({ type: 'error', code, title, details: error_data?.details ?? '' });
  }
  return { events, skipped };
}

function inboundEvent(m: InboundBase, json: string, names: Map<string, string>): WebhookEvent {
  const from = e164(m.from);
  const at = m.timestamp * SECOND;
  const label = labelOf(m.type, m.audio?.voice === true);
  if (m.type === 'system') {
    return { type: 'notice', from, at, providerId: m.id, text: m.system?.body ?? label, json };
  }
  const common = {
    from,
    profileName: names.get(digits(m.from)) ?? null,
    at,
    providerId: m.id,
    original: { type: m.type, json },
  };
  const content = contentOf(m);
  // A media message's text is its caption alone ('' without one): the media itself is the content, as in
  // a chat export (contract/message-content.ts).
  const shown = content?.media ? { kind: 'text' as const, text: captionOf(m) } : shownOf(m, label);
  return { type: 'inbound', message: { ...common, ...shown, ...(content ? { content } : {}) } };
}

/** The kind and the line the history shows, per domain/inbound-event.ts's mapping. */
function shownOf(m: InboundBase, label: string): Pick<InboundMessage, 'kind' | 'text' | 'payload'> {
  switch (m.type) {
    case 'text':
      return { kind: 'text', text: m.text?.body ?? '' };
    case 'image':
    case 'video':
    case 'document': {
      const media = m[m.type];
      const caption = media?.caption?.trim() ?? '';
      const name = m.type === 'document' ? (media?.filename ?? '') : '';
      return { kind: 'text', text: [label, name, caption].filter((part) => part !== '').join(': ') };
    }
    case 'location': {
      const place = [m.location?.name, m.location?.address].filter((p) => p !== undefined && p !== '');
      return { kind: 'text', text: place.length === 0 ? label : `${label}: ${place.join(', ')}` };
    }
    case 'contacts': {
      const name = m.contacts?.[0]?.name?.formatted_name;
      return { kind: 'text', text: name === undefined ? label : `${label}: ${name}` };
    }
    case 'reaction':
      // An empty emoji means the customer removed their reaction.
      return { kind: 'reaction', text: m.reaction?.emoji ?? '' };
    case 'button': {
      // The webhook does not mark a marketing opt-out button: the label decides, in the domain
      // (consent-keywords.ts isMarketingOptOutButton), so the rule is written once.
      return { kind: 'button', text: m.button?.text ?? '', payload: m.button?.payload ?? null };
    }
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply) return { kind: 'button', text: reply.title ?? '', payload: reply.id ?? null };
      return { kind: 'button', text: label, payload: null };
    }
    default:
      // Audio, stickers, orders, unsupported and new types: the customer did write, so it counts.
      return { kind: 'text', text: label };
  }
}

function captionOf(m: InboundBase): string {
  const media = m.type === 'image' || m.type === 'video' || m.type === 'document' ? m[m.type] : undefined;
  return media?.caption?.trim() ?? '';
}

/** Only a call the customer made reaches the shop as an event; the business's own calls do not. */
function callEvent(
  call: ReturnType<typeof Call.parse>,
  json: string,
  names: Map<string, string>,
): WebhookEvent | null {
  if (call.direction !== undefined && call.direction.toUpperCase() !== 'USER_INITIATED') return null;
  const missed =
    call.event === 'terminate' && call.status !== undefined && call.status.toUpperCase() !== 'COMPLETED';
  return {
    type: 'inbound',
    message: {
      kind: 'call',
      text: missed ? `Missed ${CALL_TEXT.toLowerCase()}` : CALL_TEXT,
      from: e164(call.from),
      profileName: names.get(digits(call.from)) ?? null,
      at: call.timestamp * SECOND,
      providerId: call.id,
      original: { type: 'call', json },
    },
  };
}

function deliveryStatus(s: ReturnType<typeof Status.parse>): DeliveryStatus {
  const first = s.errors?.[0];
  const code = first?.code ?? null;
  const title = first?.title ?? '';
  return {
    providerId: s.id,
    status: s.status as StatusUpdate['status'],
    at: s.timestamp * SECOND,
    error: s.status === 'failed' ? failedReason(code, title) : null,
    recipient: s.recipient_id === undefined ? null : e164(s.recipient_id),
    code,
    title,
    reference: s.biz_opaque_callback_data ?? null,
    pricing: s.pricing
      ? {
          billable: s.pricing.billable ?? null,
          pricingModel: s.pricing.pricing_model ?? null,
          category: s.pricing.category ?? null,
          type: s.pricing.type ?? null,
        }
      : null,
  };
}

/** A failed message's reason in plain words, with the platform's code for support. */
function failedReason(code: number | null, title: string): string {
  const kind = kindOfCode(code, null);
  const reason =
    kind === 'unknown'
      ? `WhatsApp could not deliver it${title === '' ? '' : `: ${title}`}`
      : failureText(kind).reason;
  return code === null ? reason : `${reason} (WhatsApp error ${code})`;
}

function profileNames(contacts: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of arrayOf(contacts)) {
    const contact = ContactProfile.safeParse(item);
    if (contact.success && contact.data.profile)
      names.set(digits(contact.data.wa_id), contact.data.profile.name);
  }
  return names;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

const digits = (number: string): string => number.replace(/\D/g, '');
const e164 = (number: string): string => `+${digits(number)}`;
