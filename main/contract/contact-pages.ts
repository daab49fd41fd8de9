import { z } from 'zod';
import { ContactRow } from './contact-row';
import { Id } from './primitives';

/**
 * The contact list in pieces, so the first screen does not wait for (or carry) 10,000 rows: the counts
 * and the first rows in list order first, then the rest in chunks after the first paint.
 */

/** How many contacts in main, in all, per window state and waiting for an answer: the chips' numbers. */
export const ListCounts = z.object({
  all: z.number().int().nonnegative(),
  none: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  closing: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  'awaiting-reply': z.number().int().nonnegative(),
  /** "Waiting for you" (ContactRow.waiting). */
  waiting: z.number().int().nonnegative().default(0),
});
export type ListCounts = z.infer<typeof ListCounts>;

/** A screenful and a little more: the renderer asks for what its list can show. */
export const MAX_FIRST_ROWS = 200;
export const MAX_PAGE_ROWS = 5000;

export const FirstScreenQuery = z.object({ limit: z.number().int().min(1).max(MAX_FIRST_ROWS) });

export const FirstScreen = z.object({
  /** The first `limit` rows in the list's order (contact-order.ts). */
  rows: z.array(ContactRow),
  counts: ListCounts,
});
export type FirstScreen = z.infer<typeof FirstScreen>;

export const ContactPageQuery = z.object({
  /** Rows whose id comes after this one (code-unit order); null: from the start. */
  after: Id.nullable(),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
});
export type ContactPageQuery = z.infer<typeof ContactPageQuery>;

/**
 * One chunk in id order: a stable order, so rows that move in the list while chunks stream are neither
 * missed nor sent twice. `counts` are main's counts when the chunk was cut, so the chips stay right.
 */
export const ContactPage = z.object({
  rows: z.array(ContactRow),
  /** The cursor for the next chunk; null: this was the last one. */
  next: Id.nullable(),
  counts: ListCounts,
});
export type ContactPage = z.infer<typeof ContactPage>;
