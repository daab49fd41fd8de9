import { z } from 'zod';
import { Id } from './primitives';

/**
 * A label's colour is a name from a fixed palette, not a free colour: each name has a light and a dark
 * pair of CSS variables (renderer/src/styles/labels.css) chosen to meet WCAG AA for the label's text, so
 * no colour the owner picks can make a label unreadable in either theme.
 */
export const LabelColour = z.enum(['green', 'blue', 'yellow', 'orange', 'red', 'purple', 'teal', 'grey']);
export type LabelColour = z.infer<typeof LabelColour>;

export const MAX_LABELS = 30;
export const MAX_LABEL_NAME = 40;
/** Labels one contact can carry; more is a list nobody could read on a row. */
export const MAX_LABELS_PER_CONTACT = 10;

export const Label = z.object({
  id: Id,
  name: z.string().trim().min(1, 'Give the label a name.').max(MAX_LABEL_NAME),
  colour: LabelColour,
});
export type Label = z.infer<typeof Label>;

/** The labels the WhatsApp Business app ships, so the owner finds the ones they already use. */
export const DEFAULT_LABELS: readonly Label[] = [
  { id: 'new-customer', name: 'New customer', colour: 'blue' },
  { id: 'new-order', name: 'New order', colour: 'yellow' },
  { id: 'pending-payment', name: 'Pending payment', colour: 'orange' },
  { id: 'paid', name: 'Paid', colour: 'green' },
  { id: 'order-complete', name: 'Order complete', colour: 'teal' },
];

/** Apply and remove labels on several contacts at once (multi-select, then "Label…"). */
export const LabelChange = z.object({
  contactIds: z.array(Id).min(1, 'Choose at least one contact.').max(10_000),
  add: z.array(Id).max(MAX_LABELS).default([]),
  remove: z.array(Id).max(MAX_LABELS).default([]),
});
export type LabelChange = z.infer<typeof LabelChange>;
