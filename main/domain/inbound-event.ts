/**
 * What a customer can do that reaches the shop, as a provider reports it, and which of those open or
 * restart the 24-hour customer care window. Pure.
 *
 * How a WhatsApp Cloud API webhook maps onto it (field `messages[].type` unless said otherwise):
 *   text, image, audio, video, document, sticker, location, contacts  → 'text' (media as its caption or
 *                                                                        a short line such as "Photo")
 *   button (a template's quick reply), interactive button_reply/list_reply → 'button', with its payload
 *   reaction                                                            → 'reaction' (the emoji)
 *   the `calls` webhook field, a call the customer made (answered or not) → 'call' ("Missed voice call")
 * Statuses (sent, delivered, read, failed) are not customer events: they never reach this type.
 */
import type { Message } from '../contract/model';

/** The kinds of inbound event, stored in the history as the message's `kind`. */
export type InboundKind = Exclude<Message['kind'], 'template'>;

/** One thing a customer did, as the history shows it. */
export interface InboundEvent {
  /** Absent means 'text': every provider written before calls and buttons were reported. */
  kind?: InboundKind;
  /** What the history shows: the message, the button's label, the reaction's emoji, "Missed voice call". */
  text: string;
  /** For a button reply: the payload the template or message gave the button (null when it has none). */
  payload?: string | null;
  /**
   * For a button reply the provider knows to be a marketing template's opt-out button ("Stop
   * promotions"). When the provider cannot tell, the label decides (isMarketingOptOutButton).
   */
  marketingOptOut?: boolean;
}

/** An inbound event, or a stored message (a template is never inbound, so it opens nothing). */
type Kinded = { kind?: Message['kind']; imported?: Message['imported'] };

export const kindOf = <K extends Message['kind']>(event: { kind?: K }): K | 'text' => event.kind ?? 'text';

/**
 * Whether this event opens the window, or restarts it for another 24 hours.
 *   - text: yes. Meta, "Service messages": "When a WhatsApp user messages you or calls you, a 24-hour
 *     timer called a customer service window starts. If the user messages or calls you again before the
 *     timer expires, the timer resets to 24 hours."
 *   - call: yes, by the same sentence (and Meta's Calling pricing page, "How calling changes the 24-hour
 *     customer service window").
 *   - reaction, button: the docs do not say. CareWindow takes the reading that can only make the window
 *     look shorter than WhatsApp's, never longer: a window shown open that is in fact closed makes the
 *     owner's messages fail, one shown closed that is open only costs a template. So neither opens it.
 * The business's own messages and delivery statuses never open it (they are not inbound events at all),
 * nor does a message imported from a chat export.
 */
export function opensWindow(event: Kinded): boolean {
  // A message imported from a chat export is what the phone app saw, not the API number: never.
  if (event.imported) return false;
  const kind = kindOf(event);
  return kind === 'text' || kind === 'call';
}

/** Whether the customer's own words are in the event, so it may be an opt-out or START word. */
export function isWritten(event: Kinded): boolean {
  const kind = kindOf(event);
  return kind === 'text' || kind === 'button';
}

/**
 * The labels of a marketing template's opt-out button (WhatsApp Manager's default "Stop promotions",
 * and the same in the languages of the default opt-out words), compared like opt-out words: case,
 * accents and punctuation around them do not count.
 */
export const MARKETING_OPT_OUT_BUTTON_LABELS: readonly string[] = [
  'Stop promotions',
  'STOP_PROMOTIONS',
  'Stop promoties', // Dutch
  'Werbung stoppen', // German
  'Arrêter les promotions', // French
  'Detener promociones', // Spanish
  'Parar promoções', // Portuguese
  'Interrompi promozioni', // Italian
];

/** The history line for a call the provider did not describe. */
export const CALL_TEXT = 'Voice call';

/** What the history shows for an event: its text, or a sensible line when the provider gave none. */
export function shownText(event: InboundEvent): string {
  const text = event.text.trim();
  if (text !== '') return event.text;
  switch (kindOf(event)) {
    case 'call':
      return CALL_TEXT;
    case 'button':
      return event.payload ?? 'Pressed a button';
    case 'reaction':
      return 'Removed a reaction';
    case 'text':
      return event.text;
  }
}
