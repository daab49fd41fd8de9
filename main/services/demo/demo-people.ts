// This file is longer than 300 lines because it is one table: the demo's cast, one record per customer.
import type { OptInSource } from '../../contract/model';

/** Who the demo customers are and where each one's window stands; times are relative to "now". */
export type DemoScenario =
  | { kind: 'open'; lastInboundAgoMin: number }
  | { kind: 'closing'; lastInboundAgoMin: number }
  | { kind: 'closed'; lastInboundAgoMin: number }
  | { kind: 'awaiting-reply'; lastInboundAgoMin: number; followUpAgoMin: number }
  | { kind: 'never-wrote' };

export interface DemoPerson {
  name: string;
  phone: string;
  optIn: { status: 'none' | 'opted-in' | 'opted-out'; source: OptInSource | null; daysAgo: number };
  fields?: Record<string, string>;
  notes?: string;
  topic: DemoTopic;
  scenario: DemoScenario;
  /** Extra earlier conversations, to give the history some depth. */
  pastConversations: number;
  /** The current conversation in the customer's own words, instead of the topic's English one. */
  script?: readonly (readonly ['in' | 'out', string])[];
}

export type DemoTopic = 'stock' | 'repair' | 'order' | 'appointment' | 'return' | 'question';

const H = 60;
const D = 24 * H;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // Closing: less than the 60-minute lead left.
  {
    name: 'Maria Jansen',
    phone: '+31612345678',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 120 },
    topic: 'stock',
    scenario: { kind: 'closing', lastInboundAgoMin: 23 * H + 18 },
    pastConversations: 6,
    fields: { ticket_ID: 'T-1042' },
  },
  {
    name: 'Lucas Bakker',
    phone: '+31623456789',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 40 },
    topic: 'repair',
    scenario: { kind: 'closing', lastInboundAgoMin: 23 * H + 47 },
    pastConversations: 2,
    fields: { ticket_ID: 'R-2211' },
  },
  {
    name: 'Fatima Benali',
    phone: '+32470123456',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'question',
    scenario: { kind: 'closing', lastInboundAgoMin: 23 * H + 35 },
    pastConversations: 0,
  },
  // Open.
  {
    name: 'Ahmed El Amrani',
    phone: '+31634567890',
    optIn: { status: 'opted-in', source: 'whatsapp', daysAgo: 15 },
    topic: 'appointment',
    scenario: { kind: 'open', lastInboundAgoMin: 21 * H + 50 },
    pastConversations: 3,
  },
  {
    name: 'Emma de Groot',
    phone: '+31645678901',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 300 },
    topic: 'order',
    scenario: { kind: 'open', lastInboundAgoMin: 12 },
    pastConversations: 9,
    fields: { order_number: '58213' },
  },
  {
    name: 'Noah Visser',
    phone: '+31656789012',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'stock',
    scenario: { kind: 'open', lastInboundAgoMin: 3 * H + 5 },
    pastConversations: 0,
  },
  {
    name: 'Julia Schmidt',
    phone: '+4915123456789',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 60 },
    topic: 'return',
    scenario: { kind: 'open', lastInboundAgoMin: 7 * H + 40 },
    pastConversations: 1,
    fields: { order_number: '57990' },
  },
  {
    name: 'Daan Mulder',
    phone: '+31667890123',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 500 },
    topic: 'repair',
    scenario: { kind: 'open', lastInboundAgoMin: 18 * H + 2 },
    pastConversations: 14,
    fields: { ticket_ID: 'R-2234' },
  },
  {
    name: 'Sanne Smit',
    phone: '+31678901234',
    optIn: { status: 'opted-in', source: 'whatsapp', daysAgo: 8 },
    topic: 'question',
    scenario: { kind: 'open', lastInboundAgoMin: 55 },
    pastConversations: 0,
  },
  {
    name: 'Oliver Brown',
    phone: '+447700900123',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'order',
    scenario: { kind: 'open', lastInboundAgoMin: 9 * H + 30 },
    pastConversations: 1,
    fields: { order_number: '58102' },
  },
  {
    name: 'Yusuf Demir',
    phone: '+31689012345',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 30 },
    topic: 'appointment',
    scenario: { kind: 'open', lastInboundAgoMin: 15 * H },
    pastConversations: 2,
  },
  {
    name: 'Lotte Meijer',
    phone: '+31690123456',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 200 },
    topic: 'stock',
    scenario: { kind: 'open', lastInboundAgoMin: 5 * H + 20 },
    pastConversations: 4,
  },
  {
    name: 'Chloé Martin',
    phone: '+33612345678',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 12 },
    topic: 'return',
    scenario: { kind: 'open', lastInboundAgoMin: 20 * H + 15 },
    pastConversations: 0,
    fields: { order_number: '58177' },
  },
  {
    name: 'Milan Hendriks',
    phone: '+31611223344',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'question',
    scenario: { kind: 'open', lastInboundAgoMin: 1 * H + 45 },
    pastConversations: 0,
  },
  {
    name: 'Zeynep Kaya',
    phone: '+31622334455',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 90 },
    topic: 'order',
    scenario: { kind: 'open', lastInboundAgoMin: 22 * H + 30 },
    pastConversations: 5,
    fields: { order_number: '58020' },
  },
  // Writes Arabic (right to left): every user-written text must keep its own direction.
  {
    name: 'ليلى حداد',
    phone: '+212612345678',
    optIn: { status: 'opted-in', source: 'whatsapp', daysAgo: 6 },
    topic: 'order',
    scenario: { kind: 'open', lastInboundAgoMin: 2 * H + 10 },
    pastConversations: 0,
    fields: { order_number: '58240' },
    script: [
      ['in', 'مرحبا، هل طلبي رقم 58240 جاهز؟'],
      ['out', 'Hello! Your order 58240 is being packed, ready tomorrow.'],
      ['in', 'شكرا! سأمر غدا بعد الساعة 10 صباحا.'],
    ],
  },
  // Closed, follow-up possible.
  {
    name: 'Sofia Rossi',
    phone: '+393471234567',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 45 },
    topic: 'repair',
    scenario: { kind: 'closed', lastInboundAgoMin: 27 * H },
    pastConversations: 2,
    fields: { ticket_ID: 'R-2198' },
  },
  {
    name: 'Thomas Peeters',
    phone: '+32478765432',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 20 },
    topic: 'order',
    scenario: { kind: 'closed', lastInboundAgoMin: 2 * D + 3 * H },
    pastConversations: 1,
    fields: { order_number: '57855' },
  },
  {
    name: 'Anna Kowalska',
    phone: '+48512345678',
    optIn: { status: 'opted-in', source: 'whatsapp', daysAgo: 10 },
    topic: 'stock',
    scenario: { kind: 'closed', lastInboundAgoMin: 24 * H + 50 },
    pastConversations: 0,
  },
  {
    name: 'Bram van Dijk',
    phone: '+31633445566',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 700 },
    topic: 'appointment',
    scenario: { kind: 'closed', lastInboundAgoMin: 5 * D },
    pastConversations: 20,
  },
  {
    name: 'Isabel García',
    phone: '+34612345678',
    optIn: { status: 'opted-in', source: 'imported', daysAgo: 150 },
    topic: 'return',
    scenario: { kind: 'closed', lastInboundAgoMin: 30 * H + 10 },
    pastConversations: 1,
    fields: { order_number: '57731' },
  },
  {
    name: 'Jesse Vermeulen',
    phone: '+31644556677',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 25 },
    topic: 'question',
    scenario: { kind: 'closed', lastInboundAgoMin: 9 * D },
    pastConversations: 3,
  },
  // Closed, blocked.
  {
    name: 'Kevin Jacobs',
    phone: '+31655667788',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'stock',
    scenario: { kind: 'closed', lastInboundAgoMin: 26 * H + 30 },
    pastConversations: 0,
  },
  {
    name: 'Priya Sharma',
    phone: '+31666778899',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'order',
    scenario: { kind: 'closed', lastInboundAgoMin: 3 * D },
    pastConversations: 1,
  },
  {
    name: 'Ruben Willems',
    phone: '+32471234567',
    optIn: { status: 'opted-out', source: 'whatsapp', daysAgo: 4 },
    topic: 'question',
    scenario: { kind: 'closed', lastInboundAgoMin: 4 * D + 2 * H },
    pastConversations: 2,
  },
  // Awaiting reply: closed, and the one follow-up template was sent.
  {
    name: 'Tom de Vries',
    phone: '+31677889900',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 365 },
    topic: 'repair',
    scenario: { kind: 'awaiting-reply', lastInboundAgoMin: 2 * D, followUpAgoMin: 4 * H + 10 },
    pastConversations: 6,
    fields: { ticket_ID: 'R-2150' },
  },
  {
    name: 'Eva Dekker',
    phone: '+31688990011',
    optIn: { status: 'opted-in', source: 'website', daysAgo: 50 },
    topic: 'order',
    scenario: { kind: 'awaiting-reply', lastInboundAgoMin: 3 * D, followUpAgoMin: 26 * H },
    pastConversations: 2,
    fields: { order_number: '57640' },
  },
  {
    name: 'Mohammed Ouali',
    phone: '+31699001122',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 80 },
    topic: 'stock',
    scenario: { kind: 'awaiting-reply', lastInboundAgoMin: 30 * H, followUpAgoMin: 2 * H },
    pastConversations: 1,
  },
  // Never wrote: opted in through the shop, no conversation yet.
  {
    name: 'Femke Bos',
    phone: '+31612121212',
    optIn: { status: 'opted-in', source: 'in-store', daysAgo: 2 },
    topic: 'question',
    scenario: { kind: 'never-wrote' },
    pastConversations: 0,
  },
  {
    name: 'Sem Hoekstra',
    phone: '+31613131313',
    optIn: { status: 'opted-in', source: 'imported', daysAgo: 14 },
    topic: 'question',
    scenario: { kind: 'never-wrote' },
    pastConversations: 0,
    notes: 'Signed up at the spring market.',
  },
  {
    name: 'Nora Lindqvist',
    phone: '+46701234567',
    optIn: { status: 'none', source: null, daysAgo: 0 },
    topic: 'question',
    scenario: { kind: 'never-wrote' },
    pastConversations: 0,
    notes: 'Asked for a call back about a gift card.',
  },
];
