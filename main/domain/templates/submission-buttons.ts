import type { TemplateButtonSpec } from '../../contract/model';
import { cleanLine } from '../clean-text';

/**
 * The buttons' part of the submission rules (submission-rules.ts), from
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 * ("Buttons"): at most 10 in all, at most 2 URL and 1 phone number buttons, labels of at most 25
 * characters, a URL of at most 2,000 characters with at most one parameter {{1}} at its very end (with an
 * example), quick replies grouped apart from the call-to-action buttons. Pure.
 */

export const MAX_BUTTON_TEXT = 25;
export const MAX_BUTTONS_TOTAL = 10;
export const MAX_URL_BUTTONS = 2;
export const MAX_PHONE_BUTTONS = 1;
export const MAX_URL_LENGTH = 2000;
export const MAX_PHONE_LENGTH = 20;
const URL_PARAMETER = '{{1}}';

/** Every button checked; problems keyed `buttons` or `buttons.<i>.<field>`. */
export function readButtons(
  buttons: readonly TemplateButtonSpec[],
  errors: Record<string, string>,
): TemplateButtonSpec[] {
  const read: TemplateButtonSpec[] = [];
  if (buttons.length > MAX_BUTTONS_TOTAL)
    errors.buttons = `A template can have at most ${MAX_BUTTONS_TOTAL} buttons.`;
  const count = (type: TemplateButtonSpec['type']) => buttons.filter((b) => b.type === type).length;
  if (count('url') > MAX_URL_BUTTONS)
    errors.buttons = `A template can have at most ${MAX_URL_BUTTONS} link buttons.`;
  if (count('phone_number') > MAX_PHONE_BUTTONS)
    errors.buttons = 'A template can have one call button at most.';
  if (!errors.buttons && !grouped(buttons))
    errors.buttons =
      'Put the quick replies together, before or after the link and call buttons: WhatsApp groups them.';
  const texts = new Set<string>();
  buttons.forEach((button, i) => {
    const at = `buttons.${i}`;
    const text = cleanLine(button.text).trim();
    if (text === '') errors[`${at}.text`] = `Button ${i + 1} needs a label.`;
    else if (text.length > MAX_BUTTON_TEXT)
      errors[`${at}.text`] =
        `Button ${i + 1} (“${clip(text)}”) is ${text.length} characters; WhatsApp allows ${MAX_BUTTON_TEXT}.`;
    else if (texts.has(text.toLowerCase()))
      errors[`${at}.text`] = `Two buttons say “${text}”: give each its own label.`;
    else if (/[{}]/.test(text)) errors[`${at}.text`] = 'A button label cannot hold placeholders.';
    texts.add(text.toLowerCase());
    if (button.type === 'quick_reply') read.push({ type: 'quick_reply', text });
    else if (button.type === 'phone_number') {
      const phone = button.phone.replace(/[\s()-]/g, '');
      if (!/^\+[1-9]\d{6,18}$/.test(phone) || phone.length > MAX_PHONE_LENGTH)
        errors[`${at}.phone`] = 'Write the number in international form, like +31 20 123 4567.';
      read.push({ type: 'phone_number', text, phone });
    } else {
      const url = button.url.trim();
      const example = cleanLine(button.example).trim();
      const problem = urlProblem(url, example);
      if (problem) errors[`${at}.${problem.field}`] = problem.message;
      read.push({ type: 'url', text, url, example: url.endsWith(URL_PARAMETER) ? example : '' });
    }
  });
  return read;
}

function grouped(buttons: readonly TemplateButtonSpec[]): boolean {
  let switches = 0;
  for (let i = 1; i < buttons.length; i++) {
    const a = buttons[i - 1]?.type === 'quick_reply';
    const b = buttons[i]?.type === 'quick_reply';
    if (a !== b) switches++;
  }
  return switches <= 1;
}

function urlProblem(url: string, example: string): { field: 'url' | 'example'; message: string } | null {
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url))
    return { field: 'url', message: 'Write the full web address, starting with https://.' };
  if (url.length > MAX_URL_LENGTH)
    return {
      field: 'url',
      message: `The web address is ${url.length} characters; WhatsApp allows ${MAX_URL_LENGTH}.`,
    };
  const braces = url.indexOf('{');
  if (braces === -1) return null;
  if (braces !== url.length - URL_PARAMETER.length || !url.endsWith(URL_PARAMETER))
    return { field: 'url', message: 'A web address can hold one placeholder, {{1}}, at its very end.' };
  if (example === '')
    return { field: 'example', message: 'Give an example of what replaces {{1}} in the web address.' };
  if (/\s/.test(example))
    return {
      field: 'example',
      message: 'The example cannot contain spaces: it becomes part of the web address.',
    };
  return null;
}

/** The full URL a reviewer (or a preview) sees: the placeholder replaced by the example. */
export function exampleUrl(button: { url: string; example: string }): string {
  return button.url.endsWith(URL_PARAMETER)
    ? `${button.url.slice(0, -URL_PARAMETER.length)}${button.example}`
    : button.url;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
