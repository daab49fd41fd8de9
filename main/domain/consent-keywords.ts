/**
 * The words a customer writes to stop or restart template messages. A message counts only when it is
 * exactly one of the words, after trimming and ignoring case: "STOP" and " stop " do, "stop by
 * tomorrow?" and "STOP." do not. Pure.
 */

export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = ['STOP', 'STOPP', 'UNSUBSCRIBE', 'AFMELDEN'];

/** Words that ask to receive messages again; they never opt in by themselves, the owner confirms. */
export const OPT_IN_REQUEST_KEYWORDS: readonly string[] = ['START', 'AANMELDEN'];

export type ConsentKeyword = 'opt-out' | 'opt-in-request';

const normal = (text: string): string => text.trim().toUpperCase();

/** Which consent word an inbound message is, if it is exactly one. Opt-out wins if a word is in both lists. */
export function consentKeyword(text: string, optOutKeywords: readonly string[]): ConsentKeyword | null {
  const said = normal(text);
  if (said === '') return null;
  if (optOutKeywords.some((k) => normal(k) === said)) return 'opt-out';
  if (OPT_IN_REQUEST_KEYWORDS.some((k) => normal(k) === said)) return 'opt-in-request';
  return null;
}

/**
 * What is wrong with an edited list of opt-out words, or null. Customers must always be able to stop
 * messages, so the list cannot be empty, and a word cannot also be the one that restarts them.
 */
export function optOutKeywordsProblem(keywords: readonly string[]): string | null {
  if (keywords.length === 0) {
    return 'Keep at least one opt-out word (like STOP): customers must always be able to stop your messages.';
  }
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const word = normal(keyword);
    if (word === '') return 'An opt-out word cannot be empty.';
    if (OPT_IN_REQUEST_KEYWORDS.some((k) => normal(k) === word)) {
      return `“${keyword.trim()}” is the word customers write to receive messages again; it cannot also opt them out.`;
    }
    if (seen.has(word)) return `“${keyword.trim()}” is in the list twice.`;
    seen.add(word);
  }
  return null;
}
