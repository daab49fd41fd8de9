import type { DemoTopic } from './demo-people';

type Line = readonly ['in' | 'out', string];

/** Short, believable exchanges for each kind of question a shop gets. The last line is the customer's. */
export const CURRENT: Record<DemoTopic, readonly Line[]> = {
  stock: [
    ['in', 'Hi! Is the blue one back in stock?'],
    ['out', 'Hi! Which size are you looking for?'],
    ['in', 'Size M please. Is the blue one back in stock?'],
  ],
  repair: [
    ['in', 'Hello, any news about my repair?'],
    ['out', 'Hi! The part arrived yesterday, we are working on it.'],
    ['in', 'Great, can I pick it up on Friday?'],
  ],
  order: [
    ['in', 'Hi, I ordered the ceramic vase last week. When will it ship?'],
    ['out', 'Thanks for your order! Let me check with the warehouse.'],
    ['in', 'Thank you! Could you also add gift wrapping?'],
  ],
  appointment: [
    ['in', 'Can I come by for a fitting this week?'],
    ['out', 'Of course — Thursday 14:00 or Saturday 11:00?'],
    ['in', 'Thursday works. See you then!'],
  ],
  return: [
    ['in', 'The jacket is too small, can I exchange it?'],
    ['out', 'Sure, you have 30 days. Do you want one size up?'],
    ['in', 'Yes please, size L. Shall I bring it to the shop?'],
  ],
  question: [['in', 'Hi, are you open on Sunday?']],
};

export const PAST: readonly (readonly Line[])[] = [
  [
    ['in', 'Do you still have the linen shirts?'],
    ['out', 'Yes, in white and sand. Shall I put one aside?'],
    ['in', 'Yes please, white, size M.'],
    ['out', 'Done! It is at the counter under your name.'],
  ],
  [
    ['in', 'Thanks for the quick help yesterday!'],
    ['out', 'You are welcome, enjoy it!'],
  ],
  [
    ['in', 'What time do you close today?'],
    ['out', 'At 18:00, and 17:00 on Saturdays.'],
    ['in', 'Perfect, I will come by after work.'],
  ],
  [
    ['in', 'Is the sale also valid online?'],
    ['out', 'Only in the shop this time, sorry!'],
  ],
];

/** What the owner answers after the customer's last message, when the demo has them reply. */
export const OWNER_REPLIES: readonly string[] = [
  'Let me check and get back to you shortly.',
  'Yes, from Thursday. Shall I reserve one for you?',
  'Noted! I will let you know as soon as it is ready.',
];

/** What a simulated customer writes when the owner presses "Simulate customer message". */
export const SIMULATED_INBOUND: readonly string[] = [
  'Hi! Quick question — is it still available?',
  'Thanks for the update!',
  'Can I come by tomorrow morning?',
  'Do you have it in another colour?',
  'Great, see you soon 👋',
];
