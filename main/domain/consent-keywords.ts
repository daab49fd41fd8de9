/**
 * The words a customer writes to stop or restart template messages. A message counts only when the
 * whole of it is one of the words, once punctuation, emoji and spaces around it are gone, and case and
 * accents are ignored: "Stop.", "STOP!!", "stop 🙏" and "arret" opt out; "stop by tomorrow?", "Don't
 * stop!" and "can you stop by" stay ordinary messages. Pure.
 */
import {
  DEFAULT_OPT_OUT_KEYWORDS,
  OPT_IN_REQUEST_KEYWORDS,
  PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS,
} from '../contract/consent-words';
import { isWritten, kindOf, MARKETING_OPT_OUT_BUTTON_LABELS, type InboundEvent } from './inbound-event';

export { DEFAULT_OPT_OUT_KEYWORDS, OPT_IN_REQUEST_KEYWORDS };

export type ConsentKeyword = 'opt-out' | 'opt-in-request';

/**
 * Anything that is not part of a word: punctuation (P), symbols including emoji and skin tones (S),
 * combining marks such as variation selectors and keycaps (M), joiners and other invisible format
 * characters (Cf), and pictographs that Unicode files elsewhere.
 */
const AROUND =
  /^[\s\p{P}\p{S}\p{M}\p{Cf}\p{Extended_Pictographic}]+|[\s\p{P}\p{S}\p{M}\p{Cf}\p{Extended_Pictographic}]+$/gu;

/**
 * The form two words are compared in. NFKD splits "ê" into "e" + a combining accent (then dropped) and
 * folds look-alikes such as full-width "ＳＴＯＰ" or the "ﬆ" ligature that phone keyboards produce.
 */
export function keywordForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(AROUND, '')
    .replace(/\s+/gu, ' ')
    .toUpperCase();
}

const isIn = (said: string, words: readonly string[]) => words.some((w) => keywordForm(w) === said);

/** Which consent word an inbound message is, if it is exactly one. Opt-out wins if a word is in both lists. */
export function consentKeyword(text: string, optOutKeywords: readonly string[]): ConsentKeyword | null {
  const said = keywordForm(text);
  if (said === '') return null;
  if (isIn(said, optOutKeywords)) return 'opt-out';
  if (isIn(said, OPT_IN_REQUEST_KEYWORDS)) return 'opt-in-request';
  return null;
}

/** How an inbound event changes the customer's consent, if it does. */
export type ConsentChange = ConsentKeyword | 'marketing-opt-out';

/**
 * The consent change in anything a customer did: an opt-out or START word they wrote (or a button
 * labelled with one), or the marketing opt-out button of a template, which stops marketing templates
 * only. Calls and reactions carry no words and change nothing.
 */
export function consentChange(event: InboundEvent, optOutKeywords: readonly string[]): ConsentChange | null {
  if (!isWritten(event)) return null;
  if (isMarketingOptOutButton(event)) return 'marketing-opt-out';
  return consentKeyword(event.text, optOutKeywords);
}

/**
 * Whether a button reply is a marketing template's "Stop promotions" button. The provider's word wins
 * when it has one; otherwise the label or payload decides.
 */
export function isMarketingOptOutButton(event: InboundEvent): boolean {
  if (kindOf(event) !== 'button') return false;
  if (event.marketingOptOut !== undefined) return event.marketingOptOut;
  return [event.text, event.payload ?? ''].some((label) => {
    const said = keywordForm(label);
    return said !== '' && isIn(said, MARKETING_OPT_OUT_BUTTON_LABELS);
  });
}

/**
 * The opt-out list of a settings file written before the list grew to more languages. Only the exact
 * old default is replaced: it is what the app shipped, not a choice, and keeping it would leave a Spanish
 * customer's "BAJA" unheard. Any other list is the owner's own edit and stays exactly as they left it.
 */
export function upgradedOptOutKeywords(saved: readonly string[]): readonly string[] {
  const untouched =
    saved.length === PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS.length &&
    saved.every((word, i) => word === PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS[i]);
  return untouched ? DEFAULT_OPT_OUT_KEYWORDS : saved;
}

/**
 * What is wrong with an edited list of opt-out words, or null. Customers must always be able to stop
 * messages, so the list cannot be empty, and a word cannot also be the one that restarts them.
 */
export function optOutKeywordsProblem(keywords: readonly string[]): string | null {
  if (keywords.length === 0) {
    return 'Keep at least one opt-out word (like STOP): customers must always be able to stop your messages.';
  }
  const seen = new Map<string, string>();
  for (const keyword of keywords) {
    const word = keywordForm(keyword);
    if (word === '') return `“${keyword.trim()}” has no letters: an opt-out word must be a word, like STOP.`;
    if (isIn(word, OPT_IN_REQUEST_KEYWORDS)) {
      return `“${keyword.trim()}” is the word customers write to receive messages again; it cannot also opt them out.`;
    }
    const first = seen.get(word);
    if (first !== undefined) {
      return first === keyword.trim()
        ? `“${first}” is in the list twice.`
        : `“${keyword.trim()}” and “${first}” are the same word (case and accents do not count): keep one.`;
    }
    seen.set(word, keyword.trim());
  }
  return null;
}
