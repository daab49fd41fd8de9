import type { Contact, Template } from '../../contract/model';
import { recipientOf } from '../pricing/recipient';
import { fillTemplate } from '../templates/fill';

/** The template last sent to a contact, by its platform identity (name + language survive re-creation). */
export interface TemplateUse {
  name: string;
  language: string;
  at: number;
}

export type TemplateChoice = {
  template: Template | null;
  /** Why this one: shown as a hint ("last used for Maria"). */
  reason: 'last-used' | 'default' | 'language' | null;
};

/**
 * The language of the countries a small Dutch/Belgian shop meets most, by country calling code (which
 * also works for numbers libphonenumber does not assign to a country); anything else falls back to English.
 */
const CALLING_CODE_LANGUAGE: Readonly<Record<string, string>> = {
  '31': 'nl',
  '32': 'nl',
  '597': 'nl',
  '297': 'nl',
  '599': 'nl',
  '44': 'en',
  '353': 'en',
  '1': 'en',
  '61': 'en',
  '64': 'en',
  '49': 'de',
  '43': 'de',
  '41': 'de',
  '33': 'fr',
  '352': 'fr',
  '34': 'es',
  '39': 'it',
  '351': 'pt',
  '48': 'pl',
  '46': 'sv',
  '90': 'tr',
};

/**
 * The language to write to a contact in: a custom field `language` ("nl", "en_US") when the owner keeps
 * one, else guessed from the phone number's country; null when neither says.
 */
export function languageOf(contact: Pick<Contact, 'phone' | 'fields'>): string | null {
  const field = contact.fields.language?.trim().toLowerCase();
  const fromField = field ? /^([a-z]{2,3})(?:[_-][a-z]{2})?$/.exec(field)?.[1] : undefined;
  if (fromField) return fromField;
  // Through recipientOf, which remembers numbers already read: the contact list asks for every contact.
  const code = recipientOf(contact.phone).callingCode;
  return code ? (CALLING_CODE_LANGUAGE[code] ?? null) : null;
}

const baseLanguage = (language: string): string => language.split('_')[0] ?? language;
const byNameThenLanguage = (a: Template, b: Template): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.language < b.language ? -1 : a.language > b.language ? 1 : 0;

/** Each library's approved utility templates by base language, in name order, sorted once per library. */
const utilityLibraries = new WeakMap<readonly Template[], ReadonlyMap<string, Template[]>>();

function utilityByLanguage(templates: readonly Template[]): ReadonlyMap<string, Template[]> {
  let byLanguage = utilityLibraries.get(templates);
  if (byLanguage === undefined) {
    const grouped = new Map<string, Template[]>();
    const usable = templates
      .filter((t) => t.status === 'approved' && t.category === 'utility')
      .sort(byNameThenLanguage);
    for (const t of usable) {
      const lang = baseLanguage(t.language);
      grouped.set(lang, [...(grouped.get(lang) ?? []), t]);
    }
    byLanguage = grouped;
    utilityLibraries.set(templates, byLanguage);
  }
  return byLanguage;
}

/**
 * The approved utility template that suits a contact best: in the contact's language, else English;
 * one whose placeholders can all be filled for this contact before one that cannot.
 */
export function bestUtilityTemplate(
  contact: Pick<Contact, 'name' | 'phone' | 'fields'>,
  templates: readonly Template[],
  exclude: string | null = null,
): Template | null {
  const languages = [...new Set([languageOf(contact), 'en'].filter((l): l is string => l !== null))];
  const byLanguage = utilityByLanguage(templates);
  const inLanguage = languages.map((lang) =>
    (byLanguage.get(lang) ?? []).filter((t) => exclude === null || t.id !== exclude),
  );
  const fills = (t: Template) => fillTemplate(t.body, t.mapping, contact).ok;
  for (const list of inLanguage) {
    const found = list.find(fills);
    if (found) return found;
  }
  for (const list of inLanguage) {
    const [first] = list;
    if (first) return first;
  }
  return null;
}

/**
 * Which template one click on "Follow up" uses. A template that can be sent (approved, and every
 * placeholder fills for this contact) always wins over one that cannot:
 *   1. the last template sent to this contact, if it can be sent;
 *   2. else the owner's default template (settings), if it can be sent;
 *   3. else the best approved utility template in the contact's language, else English, that fills;
 *   4. else, nothing can be sent: the last-used, the default or the best approved one in the contact's
 *      language, in that order, so the preview says what is missing;
 *   5. else none (refused as 'no-template').
 */
export function chooseTemplate(args: {
  contact: Pick<Contact, 'name' | 'phone' | 'fields'>;
  lastUsed: TemplateUse | null;
  defaultTemplateId: string | null;
  templates: readonly Template[];
}): TemplateChoice {
  const { contact, lastUsed, defaultTemplateId, templates } = args;
  const last = lastUsed
    ? (templates.find((t) => t.name === lastUsed.name && t.language === lastUsed.language) ?? null)
    : null;
  const fallback = defaultTemplateId ? (templates.find((t) => t.id === defaultTemplateId) ?? null) : null;
  // Not a type guard: a false answer must not narrow the template to null.
  const sendable = (t: Template | null): boolean =>
    t !== null && t.status === 'approved' && fillTemplate(t.body, t.mapping, contact).ok;
  if (last && sendable(last)) return { template: last, reason: 'last-used' };
  if (fallback && sendable(fallback)) return { template: fallback, reason: 'default' };
  const best = bestUtilityTemplate(contact, templates);
  if (best && sendable(best)) return { template: best, reason: 'language' };
  if (last?.status === 'approved') return { template: last, reason: 'last-used' };
  if (fallback?.status === 'approved') return { template: fallback, reason: 'default' };
  if (best) return { template: best, reason: 'language' };
  if (last) return { template: last, reason: 'last-used' };
  if (fallback) return { template: fallback, reason: 'default' };
  return { template: null, reason: null };
}
