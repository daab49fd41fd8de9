import type { Contact, Message, OptIn } from '../../main/contract/model';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import { SeededRandom } from './seeded-random';
import {
  FAILURE_REASONS,
  FOLLOW_UP_TEXT,
  LOCALES,
  REACTIONS,
  SHORT_INBOUND,
  type Locale,
} from './workspace-texts';

/**
 * One generated customer, decided up front (cheap), while the messages are made from `seed` only when the
 * history is written, so 500,000 messages never sit in memory at once.
 */
export interface ContactPlan {
  id: string;
  index: number;
  count: number;
  seed: number;
  locale: Locale;
  firstName: string;
  name: string;
  phone: string;
  optIn: OptIn['status'];
  createdAt: number;
  /** The last message's time (null for a customer who never wrote). */
  lastAt: number | null;
  /** How long ago the last inbound message was, when the plan fixes it (an open or closing window). */
  lastInboundAge: number | null;
  /** Whether the history ends with the one follow-up template after the window closed. */
  followUp: boolean;
  /** From the first message to `lastAt`. */
  duration: number;
  now: number;
}

const YEAR = 365 * DAY;

export function planContact(
  random: SeededRandom,
  args: { index: number; count: number; now: number; years: number },
): ContactPlan {
  const { index, count, now } = args;
  if (index > 999_999) throw new Error('at most a million contacts');
  const locale = pickLocale(random);
  const firstName = random.pick(locale.firstNames);
  const name = `${firstName} ${random.pick(locale.lastNames)}`;
  let tail = '';
  for (let i = 0; i < locale.digits - 6; i++) tail += String(random.int(0, 9));
  const phone = `+${locale.countryCode}${locale.mobilePrefix}${tail}${String(index).padStart(6, '0')}`;
  const r = random.next();
  const optIn = r < 0.65 ? 'opted-in' : r < 0.9 ? 'none' : 'opted-out';
  const span = args.years * YEAR;

  // How long ago the last message was: a few windows open or closing now, most long closed.
  const c = random.next();
  const busy = count >= 10_000;
  const age =
    busy || c < 0.04
      ? random.next() * 23 * HOUR
      : c < 0.05
        ? 23 * HOUR + random.next() * HOUR
        : c < 0.15
          ? DAY + random.next() * 6 * DAY
          : c < 0.4
            ? 7 * DAY + random.next() * 83 * DAY
            : 90 * DAY + random.next() * Math.max(0, span - 120 * DAY);
  const endsInbound = age < DAY;
  const followUp = count >= 2 && !endsInbound && age > 4 * DAY && optIn === 'opted-in' && random.chance(0.25);
  // A customer's rhythm: from several messages an hour to one a month.
  const rhythm = Math.exp(Math.log(30 * MINUTE) + random.next() * Math.log((30 * DAY) / (30 * MINUTE)));
  const duration = count === 0 ? 0 : Math.min(span - age - HOUR, count * rhythm);
  const lastAt = count === 0 ? null : Math.round(now - age);
  const createdAt = Math.round(
    count === 0 ? now - random.next() * span : now - age - duration - random.next() * DAY,
  );
  return {
    id: random.uuid(),
    index,
    count,
    seed: random.int(1, 2 ** 31),
    locale,
    firstName,
    name,
    phone,
    optIn,
    createdAt,
    lastAt,
    lastInboundAge: endsInbound ? age : null,
    followUp,
    duration,
    now,
  };
}

function pickLocale(random: SeededRandom): Locale {
  const total = LOCALES.reduce((sum, l) => sum + l.weight, 0);
  let at = random.next() * total;
  for (const { weight, locale } of LOCALES) {
    at -= weight;
    if (at < 0) return locale;
  }
  const first = LOCALES[0];
  if (!first) throw new Error('no locales');
  return first.locale;
}

export function contactOf(plan: ContactPlan): Contact {
  const random = new SeededRandom(plan.seed ^ 0x5bd1e995);
  const optInAt = plan.createdAt + Math.round(random.next() * HOUR);
  const optOutAt = Math.max(optInAt + MINUTE, plan.lastAt ?? optInAt + DAY);
  const optIn: OptIn =
    plan.optIn === 'opted-in'
      ? {
          status: 'opted-in',
          at: optInAt,
          source: random.pick(['in-store', 'website', 'whatsapp'] as const),
          proof: 'Asked at the counter',
        }
      : plan.optIn === 'opted-out'
        ? { status: 'opted-out', at: optOutAt, source: 'whatsapp', proof: '' }
        : { status: 'none', at: null, source: null, proof: '' };
  const fields: Record<string, string> = random.chance(0.25)
    ? { order: `#A${random.int(10_000, 99_999)}`, language: plan.locale.language }
    : {};
  return {
    id: plan.id,
    name: plan.name,
    phone: plan.phone,
    notes: random.chance(0.05) ? 'Prefers to pick up on Saturdays.' : '',
    fields,
    optIn,
    optInHistory:
      plan.optIn === 'opted-out'
        ? [
            { at: optInAt, status: 'opted-in', source: 'in-store', by: 'owner', note: '' },
            { at: optOutAt, status: 'opted-out', source: 'whatsapp', by: 'customer', note: 'Wrote STOP' },
          ]
        : [],
    optInRequestedAt: null,
    muted: random.chance(0.02),
    createdAt: plan.createdAt,
    updatedAt: plan.optIn === 'opted-out' ? optOutAt : plan.createdAt,
  };
}

/** The contact's history, oldest first: conversations in bursts, mostly the customer asking first. */
export function messagesOf(plan: ContactPlan): Message[] {
  if (plan.count === 0 || plan.lastAt === null) return [];
  const random = new SeededRandom(plan.seed);
  const regular = plan.followUp ? plan.count - 1 : plan.count;
  const lastAt = plan.lastAt;
  const times = new Float64Array(regular);
  for (let i = 0; i < regular; i++) times[i] = Math.round(lastAt - random.next() * plan.duration);
  times.sort();
  times[regular - 1] = lastAt;

  const messages: Message[] = [];
  let inbound = true;
  for (let i = 0; i < regular; i++) {
    const at = times[i] ?? lastAt;
    const gap = at - (times[i - 1] ?? 0);
    inbound = i === 0 ? true : random.chance(inbound ? 0.35 : gap > 2 * HOUR ? 0.7 : 0.45);
    const last = i === regular - 1;
    if (last && (plan.lastInboundAge !== null || plan.followUp)) inbound = true;
    messages.push(inbound ? inboundMessage(random, plan, at) : outboundMessage(random, plan, at));
  }
  const final = messages.at(-1);
  if (final && plan.optIn === 'opted-out' && final.direction === 'inbound') {
    messages[messages.length - 1] = { ...final, kind: 'text', text: 'STOP', consent: 'opted-out' };
  }
  if (plan.followUp) {
    const at = Math.min(plan.now - HOUR, lastAt + 25 * HOUR + Math.round(random.next() * 47 * HOUR));
    messages.push({
      ...base(random, plan, at, 'outbound'),
      kind: 'template',
      text: FOLLOW_UP_TEXT.replace('{order}', `#A${random.int(10_000, 99_999)}`),
      status: 'read',
      followUp: true,
      template: { name: 'order_update', language: plan.locale.language },
    });
  }
  return messages;
}

function base(random: SeededRandom, plan: ContactPlan, at: number, direction: Message['direction']): Message {
  return {
    id: random.uuid(),
    contactId: plan.id,
    direction,
    kind: 'text',
    text: '',
    at,
    status: direction === 'inbound' ? 'received' : 'read',
    providerId: `wamid.HBgL${plan.index.toString(16)}${random.uuid().replaceAll('-', '')}`,
    followUp: false,
    template: null,
    error: null,
    consent: null,
  };
}

function inboundMessage(random: SeededRandom, plan: ContactPlan, at: number): Message {
  const message = base(random, plan, at, 'inbound');
  const k = random.next();
  if (k < 0.02) return { ...message, kind: 'reaction', text: random.pick(REACTIONS) };
  if (k < 0.03) return { ...message, kind: 'button', text: 'Yes please' };
  const text = k < 0.15 ? random.pick(SHORT_INBOUND) : random.pick(plan.locale.inbound);
  const order = random.chance(0.08) ? ` #A${random.int(10_000, 99_999)}` : '';
  return { ...message, text: `${text}${order}` };
}

function outboundMessage(random: SeededRandom, plan: ContactPlan, at: number): Message {
  const message = base(random, plan, at, 'outbound');
  // The last hour's sends are still 'sent': their delivery comes later, as status lines.
  if (at > plan.now - HOUR) message.status = 'sent';
  else {
    const s = random.next();
    if (s < 0.02) {
      return {
        ...message,
        status: 'failed',
        providerId: null,
        error: random.pick(FAILURE_REASONS),
        text: random.pick(plan.locale.outbound),
      };
    }
    message.status = s < 0.8 ? 'read' : s < 0.96 ? 'delivered' : 'sent';
  }
  if (random.chance(0.03)) {
    return {
      ...message,
      kind: 'template',
      text: 'Your order is ready to collect.',
      template: { name: 'order_ready', language: plan.locale.language },
    };
  }
  const greeting = random.chance(0.05) ? `Hi ${plan.firstName}, ` : '';
  return { ...message, text: `${greeting}${random.pick(plan.locale.outbound)}` };
}
