import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/** The longest query taken: a sentence or two, never a pasted document. */
export const MAX_SEARCH_QUERY = 200;
/** The most hits one search returns. */
export const MAX_SEARCH_HITS = 200;

/** What the owner searches for, and where: all conversations, or one (`contactId`). */
export const SearchQuery = z.object({
  /** Words (each also as the start of a longer word), "quoted phrases"; case and accents do not count. */
  query: z.string().max(MAX_SEARCH_QUERY),
  contactId: Id.optional(),
  /** Only messages at or after `from` and before `to` (milliseconds since 1970). */
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  limit: z.number().int().min(1).max(MAX_SEARCH_HITS).default(50),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

/** A part of the message around what matched; `highlights` are offsets into `text` (not HTML). */
export const SearchSnippet = z.object({
  text: z.string(),
  highlights: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchHit = z.object({
  contactId: Id,
  messageId: Id,
  at: Timestamp,
  direction: z.enum(['inbound', 'outbound']),
  snippet: SearchSnippet,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResults = z.object({
  hits: z.array(SearchHit),
  /** More messages matched than `limit`: narrow the search. */
  more: z.boolean(),
  /**
   * Non-null while the search index is still being built or brought up to date (the first start after
   * an update, a damaged index): hits may be missing; `done` of `total` messages are in.
   */
  preparing: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
});
export type SearchResults = z.infer<typeof SearchResults>;
