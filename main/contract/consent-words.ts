/**
 * The words customers write to stop, or ask to restart, template messages: data shared by the settings'
 * default (contract) and the matcher (domain/consent-keywords.ts), so the two lists cannot drift apart.
 * Matching ignores case, accents, and punctuation or emoji around the word, so each word is listed once
 * (ARRÊT also catches "arret", "Arrêt !").
 */

/**
 * Opt-out words in the languages a European shop meets. Each is a whole-message request in its
 * language's SMS and WhatsApp habits (STOP is understood everywhere). Left out on purpose: words that
 * are just as often an answer to the shop's own question, like CANCELAR / CANCELLA ("cancel the
 * appointment?" → "Cancella"), because opting a customer out by mistake blocks every template to them.
 */
export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP', // English, and understood everywhere
  'UNSUBSCRIBE',
  'STOPP', // German, Danish, Norwegian
  'ABMELDEN', // German
  'AFMELDEN', // Dutch
  'UITSCHRIJVEN', // Dutch
  'STOPPEN', // Dutch, German
  'ARRÊT', // French
  'DÉSABONNER', // French
  'BAJA', // Spanish ("darse de baja")
  'DESINSCRIBIR', // Spanish
  'PARAR', // Spanish, Portuguese
  'SAIR', // Portuguese
  'DISISCRIVIMI', // Italian
];

/**
 * The default before version 2 of the settings file. A file still holding exactly this list is upgraded
 * to the new default (see workspace-files.ts): nobody chose it, it was what the app shipped.
 */
export const PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPP',
  'UNSUBSCRIBE',
  'AFMELDEN',
];

/** Words that ask to receive messages again; they never opt in by themselves, the owner confirms. */
export const OPT_IN_REQUEST_KEYWORDS: readonly string[] = [
  'START',
  'AANMELDEN', // Dutch
  'ANMELDEN', // German
  'ISCRIVIMI', // Italian
];
