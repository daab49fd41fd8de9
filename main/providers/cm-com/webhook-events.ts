import { createHash } from 'node:crypto';
import type { InboundMessage, StatusUpdate } from '../../services/ports';
import { whatsAppErrorKind } from './error-codes';
import { contentOf, lineOf } from './webhook-content';
import { MoMessage, StatusReport, StatusReportMsg, utcTime, type MoMessage as Mo } from './webhook-payload';

export type CmEvent = { type: 'inbound'; message: InboundMessage } | { type: 'status'; update: StatusUpdate };

export type ParsedWebhook = { ok: true; events: CmEvent[]; skipped: number } | { ok: false; reason: string };

/** One stored webhook body → the events in it. Pure; never throws. */
export function parseWebhook(body: string): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const report = StatusReport.safeParse(json);
  if (report.success) return statusEvents(report.data.messages.msg);
  const mo = MoMessage.safeParse(json);
  if (!mo.success) return { ok: false, reason: 'neither an incoming message nor a status report' };
  // The gateway posts every channel's messages to the same address; this app is about WhatsApp only.
  if (mo.data.channel !== undefined && mo.data.channel.toLowerCase() !== 'whatsapp') {
    return { ok: true, events: [], skipped: 1 };
  }
  const message = inbound(mo.data);
  return message
    ? { ok: true, events: [{ type: 'inbound', message }], skipped: 0 }
    : { ok: true, events: [], skipped: 1 };
}

function inbound(mo: Mo): InboundMessage | null {
  const at = utcTime(mo.timeUtc);
  const from = e164(mo.from.number);
  if (at === null || from === null) return null;
  const content = contentOf(mo);
  const line = lineOf(mo);
  return {
    ...line,
    from,
    profileName: mo.from.name?.trim() ? mo.from.name.trim().slice(0, 200) : null,
    at,
    providerId: providerIdOf(mo),
    original: { type: typeOf(mo), json: JSON.stringify(mo).slice(0, 256 * 1024) },
    ...(content ? { content } : {}),
  };
}

/**
 * CM.com gives an MO no id of its own that is documented as unique (`reference` is "a reference to an
 * outgoing message that this message is a response to"), so the id duplicates are dropped on is a digest
 * of the message as delivered: a redelivery (CM.com retries every 5 minutes until it gets a 200) is the
 * same JSON, hence the same id. Two identical messages from one customer in the same second collapse.
 */
function providerIdOf(mo: Mo): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([mo.from.number, mo.timeUtc, mo.reference ?? '', mo.messageContext ?? '', mo.message]),
    )
    .digest('base64url');
  return `cm.${digest}`;
}

function typeOf(mo: Mo): string {
  const custom = mo.message.custom;
  if (mo.message.media?.mediaUri) return 'media';
  if (custom?.location) return 'location';
  if (custom?.contacts) return 'contacts';
  if (custom?.interactive || custom?.button) return 'interactive';
  return 'text';
}

/** "+31612345678", "0031612345678" or "31612345678" → "+31612345678". */
function e164(number: string): string | null {
  const digits = number.trim().replace(/^\+/, '').replace(/^00/, '').replace(/[\s-]/g, '');
  return /^\d{6,15}$/.test(digits) ? `+${digits}` : null;
}

function statusEvents(msg: StatusReportMsg | unknown[]): ParsedWebhook {
  const list = Array.isArray(msg) ? msg : [msg];
  const events: CmEvent[] = [];
  let skipped = 0;
  for (const item of list) {
    const parsed = StatusReportMsg.safeParse(item);
    const update = parsed.success ? statusUpdate(parsed.data) : null;
    if (update) events.push({ type: 'status', update });
    else skipped++;
  }
  return { ok: true, events, skipped };
}

/**
 * CM.com's status → the app's. The status report's `status.code` is a number (0 accepted by the operator,
 * 1 rejected, 2 delivered, 3 failed, 4 read on channels that report reading); the words CM.com's help
 * page uses for the same states (Accepted, Sent, Delivered, Read, Rejected, Failed, Cancelled) are read too.
 * A state CareWindow does not know is left out, never guessed.
 */
const STATES: Record<string, StatusUpdate['status']> = {
  '0': 'sent',
  '1': 'failed',
  '2': 'delivered',
  '3': 'failed',
  '4': 'read',
  accepted: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  rejected: 'failed',
  failed: 'failed',
  cancelled: 'failed',
};

function statusUpdate(msg: StatusReportMsg): StatusUpdate | null {
  const status = STATES[String(msg.status.code).trim().toLowerCase()];
  const at = utcTime(msg.received);
  if (status === undefined || at === null) return null;
  const code = msg.status.errorCode ?? null;
  return {
    providerId: msg.reference,
    status,
    at,
    error: status === 'failed' ? failureWords(code, msg.status.errorDescription ?? null) : null,
    reference: msg.reference,
  };
}

const FAILED_WORDS: Partial<Record<ReturnType<typeof whatsAppErrorKind>, string>> = {
  'window-closed': 'the 24-hour window had closed when it reached WhatsApp',
  'rate-limited': 'WhatsApp held it back: too many messages went to customers who had not written first',
  'invalid-parameter': 'WhatsApp refused a value in it (for a template: a placeholder)',
  permission: 'WhatsApp refused the business account (locked, or a payment problem)',
  server: 'WhatsApp had a problem delivering it',
};

function failureWords(code: number | null, description: string | null): string {
  const words = FAILED_WORDS[whatsAppErrorKind(code)];
  if (words) return words;
  const own = description?.trim();
  return own ? `CM.com reported: ${own.slice(0, 300)}` : 'CM.com could not deliver it';
}
