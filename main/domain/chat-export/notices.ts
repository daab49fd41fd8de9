/**
 * WhatsApp's own notices in an export. Android prints them without an author ("31/12/2024, 23:59 -
 * Messages and calls are end-to-end encrypted…"); iOS prints them as a line "written" by the customer,
 * usually behind an invisible U+200E. Neither is something the customer or the shop wrote, so the import
 * leaves them out. Compared in lower case, at the start of the text (after invisible marks). Pure.
 */
const NOTICE_STARTS: readonly string[] = [
  'messages and calls are end-to-end encrypted',
  'messages to this chat and calls are now secured with end-to-end encryption',
  'berichten en gesprekken worden end-to-end versleuteld',
  'berichten en oproepen zijn end-to-end versleuteld',
  'nachrichten und anrufe sind ende-zu-ende-verschlüsselt',
  'los mensajes y las llamadas están cifrados de extremo a extremo',
  'les messages et les appels sont chiffrés de bout en bout',
  'as mensagens e as chamadas são protegidas com a criptografia de ponta a ponta',
  'i messaggi e le chiamate sono crittografati end-to-end',
  'this business uses a secure service from meta',
  'this business is now using a secure service',
  'this chat is with a business account',
  'you blocked this contact',
  'you unblocked this contact',
  'your security code with',
  'disappearing messages',
  'tap to learn more',
];

/** Phrases inside a notice that names someone first ("Maria changed their phone number…"). */
const NOTICE_PARTS: readonly string[] = [
  ' changed their phone number',
  'security code changed',
  ' is a contact',
];

const MARKS = /^[\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\s]+/u;

/**
 * Whether a body is one of WhatsApp's notices rather than someone's words. The phrases that name someone
 * first count only where WhatsApp speaks: a line without an author, or (iOS) a body behind U+200E, so a
 * customer writing "my security code changed" stays a message.
 */
export function isNotice(body: string, authored: boolean): boolean {
  // The phrases are near the start: lower-case a short head only, however long the message.
  const text = body.slice(0, 120).replace(MARKS, '').toLowerCase();
  if (NOTICE_STARTS.some((start) => text.startsWith(start))) return true;
  const whatsAppSpeaks = !authored || body.startsWith('\u200E');
  return whatsAppSpeaks && NOTICE_PARTS.some((part) => text.includes(part));
}
