import type { Contact, Message, Template } from '../../contract/model';
import { languageOf } from '../../domain/follow-up/choose-template';
import { DAY, MINUTE } from '../../domain/durations';
import { fillTemplate } from '../../domain/templates/fill';
import type { IdFactory } from '../ids';
import { DEMO_PEOPLE, type DemoPerson, type DemoTopic } from './demo-people';
import { CURRENT, OWNER_REPLIES, PAST } from './demo-scripts';
import { buildDemoTemplates } from './demo-templates';

export interface DemoWorkspace {
  contacts: Contact[];
  messages: Message[];
  templates: Template[];
  /** The template each awaiting-reply contact got as their follow-up: their "last used" one. */
  templateUses: {
    contactId: string;
    messageId: string;
    use: { name: string; language: string; at: number };
  }[];
}

/**
 * Builds the demo workspace around `now`, so that every window state is on screen whenever the demo is
 * opened. Deterministic for a given seed, so tests can rely on it.
 */
export function buildDemoWorkspace(now: number, ids: IdFactory, seed = 7): DemoWorkspace {
  const random = mulberry32(seed);
  const contacts = DEMO_PEOPLE.map((person) => contactOf(person, now, ids));
  const knownFields = new Set(contacts.flatMap((c) => Object.keys(c.fields)));
  const templates = buildDemoTemplates(now, ids, knownFields);
  const messages: Message[] = [];
  const templateUses: DemoWorkspace['templateUses'] = [];
  DEMO_PEOPLE.forEach((person, i) => {
    const contact = contacts[i];
    if (!contact) return;
    const history = historyOf(person, contact, now, ids, random, templates);
    messages.push(...history);
    const followUp = history.find((m) => m.followUp);
    if (followUp?.template)
      templateUses.push({
        contactId: contact.id,
        messageId: followUp.id,
        use: { ...followUp.template, at: followUp.at },
      });
  });
  return { contacts, messages, templates, templateUses };
}

/** The follow-up template a demo contact got: one that fits the topic, in the contact's language. */
function followUpTemplateFor(
  topic: DemoTopic,
  contact: Contact,
  templates: readonly Template[],
): Template | undefined {
  const name =
    topic === 'order' || topic === 'return'
      ? 'order_ready'
      : topic === 'stock'
        ? 'back_in_stock'
        : 'ticket_update';
  const language = languageOf(contact) ?? 'en';
  const candidates = templates.filter((t) => t.name === name);
  return candidates.find((t) => t.language.startsWith(language)) ?? candidates[0];
}

function contactOf(person: DemoPerson, now: number, ids: IdFactory): Contact {
  const created = now - (person.pastConversations * 30 + 60) * DAY;
  return {
    id: ids(),
    name: person.name,
    phone: person.phone,
    notes: person.notes ?? '',
    fields: person.fields ?? {},
    optIn: {
      status: person.optIn.status,
      at: person.optIn.status === 'none' ? null : now - person.optIn.daysAgo * DAY,
      source: person.optIn.source,
      proof:
        person.optIn.status === 'opted-in' && person.optIn.source === 'in-store'
          ? 'Signed the loyalty card form.'
          : '',
    },
    optInHistory:
      person.optIn.status === 'none'
        ? []
        : [
            {
              at: now - person.optIn.daysAgo * DAY,
              status: person.optIn.status,
              source: person.optIn.source,
              by: person.optIn.status === 'opted-out' ? 'customer' : 'owner',
              note: '',
            },
          ],
    optInRequestedAt: null,
    muted: false,
    createdAt: created,
    updatedAt: created,
  };
}

function historyOf(
  person: DemoPerson,
  contact: Contact,
  now: number,
  ids: IdFactory,
  random: () => number,
  templates: readonly Template[],
): Message[] {
  const messages: Message[] = [];
  const add = (direction: 'inbound' | 'outbound', text: string, at: number, extra: Partial<Message> = {}) =>
    messages.push({
      id: ids(),
      contactId: contact.id,
      direction,
      kind: 'text',
      text,
      at: Math.round(at),
      status: direction === 'inbound' ? 'received' : 'read',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
      ...extra,
    });

  // Earlier conversations, oldest first, each a few weeks apart.
  for (let i = person.pastConversations; i >= 1; i--) {
    const script = PAST[(i + person.name.length) % PAST.length] ?? [];
    let at = now - (i * 21 + 12) * DAY + random() * 6 * 60 * MINUTE;
    for (const [direction, text] of script) {
      add(direction === 'in' ? 'inbound' : 'outbound', text, at);
      at += (2 + random() * 25) * MINUTE;
    }
  }

  const scenario = person.scenario;
  if (scenario.kind === 'never-wrote') return messages;

  const lastInboundAt = now - scenario.lastInboundAgoMin * MINUTE;
  const script = person.script ?? CURRENT[person.topic];
  // Walk back from the customer's last message so it lands exactly where the scenario wants it.
  let at = lastInboundAt - (script.length - 1) * 7 * MINUTE;
  for (const [direction, text] of script) {
    add(direction === 'in' ? 'inbound' : 'outbound', text, at);
    at += 7 * MINUTE;
  }

  // The owner has already answered some customers; others are still waiting.
  const ownerReplied = scenario.kind !== 'closing' && random() < 0.5;
  if (ownerReplied)
    add(
      'outbound',
      OWNER_REPLIES[Math.floor(random() * OWNER_REPLIES.length)] ?? '',
      lastInboundAt + 9 * MINUTE,
    );

  const template =
    scenario.kind === 'awaiting-reply' ? followUpTemplateFor(person.topic, contact, templates) : undefined;
  const filled = template ? fillTemplate(template.body, template.mapping, contact) : null;
  if (scenario.kind === 'awaiting-reply' && template && filled?.ok) {
    add('outbound', filled.text, now - scenario.followUpAgoMin * MINUTE, {
      kind: 'template',
      followUp: true,
      status: 'delivered',
      template: { name: template.name, language: template.language },
    });
  }
  return messages.filter((m) => m.at < now);
}

/** A small seeded generator: the demo looks the same every time it is built for the same instant. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
