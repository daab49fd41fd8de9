import {
  MAX_TEMPLATE_BODY,
  type PlaceholderSource,
  type Template,
  type TemplateDraft,
} from '../../contract/model';
import { cleanLine, cleanText, hasVisibleText } from '../clean-text';
import { BUILTIN_FIELDS, isBuiltinField } from './fill';
import { distinctKeys, parseBody, placeholderSyntax, type Placeholder } from './placeholders';

export const MAX_HEADER = 60;
export const MAX_FOOTER = 60;
export const MAX_BUTTON = 25;
export const MAX_BUTTONS = 10;

/** What a saved template holds besides its id and dates. */
export type ValidTemplate = Omit<Template, 'id' | 'createdAt' | 'updatedAt'>;

export type TemplateDraftResult =
  { ok: true; template: ValidTemplate } | { ok: false; errors: Record<string, string> };

export interface TemplateContext {
  /** Every custom field key some contact has (built-ins are always known). */
  knownFields: ReadonlySet<string>;
  /** The other templates (not the one being edited): a name is unique per language. */
  others: readonly Pick<Template, 'name' | 'language'>[];
}

const NAME = /^[a-z0-9_]{1,512}$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const PLATFORM_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks the template form. Every problem is keyed by the field to fix ("body", "mapping.ticket_ID")
 * and says where: the exact position in the body, or the field a mapping points to.
 *
 * The mapping that is saved is complete: every placeholder in the body has an entry. A placeholder the
 * owner did not map is mapped to the contact field of the same name (any case: {{ticket_id}} finds
 * ticket_ID) when one exists; otherwise it is an unknown placeholder and refused. Mapping entries for
 * placeholders no longer in the body are dropped. A mapping to a field that is neither built in
 * (name, first_name, phone) nor on any contact is a mapping to a deleted field, and refused.
 */
export function validateTemplateDraft(draft: TemplateDraft, context: TemplateContext): TemplateDraftResult {
  const errors: Record<string, string> = {};

  const name = draft.name.trim();
  if (name === '')
    errors.name = 'Enter the template’s name as it is registered with WhatsApp, like ticket_update.';
  else if (!NAME.test(name))
    errors.name = `“${clip(name)}” cannot be a template name: use only lowercase letters, digits and _, like ticket_update.`;

  const language = draft.language.trim();
  if (!LANGUAGE.test(language))
    errors.language = `“${clip(language)}” is not a language code: use one like en_US, en or nl.`;

  if (!errors.name && !errors.language) {
    const twin = context.others.find((t) => t.name === name && t.language === language);
    if (twin)
      errors.name = `There is already a template “${name}” in ${language}. Edit that one, or pick another name.`;
  }

  const body = cleanText(draft.body);
  const checked = checkBody(body);
  const mapping =
    checked.placeholders === null
      ? {}
      : checkMapping(checked.placeholders, draft.mapping, context.knownFields, errors);
  if (checked.problem !== null) errors.body = checked.problem;

  const header = optionalText(draft.header, MAX_HEADER, 'header', 'The header', errors);
  const footer = optionalText(draft.footer, MAX_FOOTER, 'footer', 'The footer', errors);
  const buttons = draft.buttons.map((b) => cleanLine(b).trim()).filter((b) => b !== '');
  if (buttons.length > MAX_BUTTONS) errors.buttons = `A template can have at most ${MAX_BUTTONS} buttons.`;
  buttons.forEach((b, i) => {
    if (b.length > MAX_BUTTON)
      errors[`buttons.${i}`] =
        `Button ${i + 1} (“${clip(b)}”) is ${b.length} characters; WhatsApp allows ${MAX_BUTTON}.`;
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    template: {
      name,
      language,
      category: draft.category,
      status: draft.status,
      body,
      header,
      footer,
      buttons,
      mapping,
    },
  };
}

export interface BodyCheck {
  /** Every placeholder occurrence in order; null when the body cannot be read, so nothing can be mapped. */
  placeholders: readonly Placeholder[] | null;
  /** What is wrong with the body, in the words a save is refused with; null when nothing is. */
  problem: string | null;
}

/**
 * The body's part of `validateTemplateDraft`, on its own so that the template form can show, while the
 * owner types, exactly what saving would say: the same placeholders, the same refusal.
 */
export function checkBody(body: string): BodyCheck {
  const problems: string[] = [];
  if (body.trim() === '') problems.push('Write the text of the message.');
  if (body.length > MAX_TEMPLATE_BODY) {
    problems.push(
      `The text is ${group(body.length)} characters; WhatsApp allows ${group(MAX_TEMPLATE_BODY)}. ` +
        `Everything from position ${group(MAX_TEMPLATE_BODY + 1)} on is over the limit: shorten it by ${group(body.length - MAX_TEMPLATE_BODY)}.`,
    );
  }
  const parsed = parseBody(body);
  if (!parsed.ok) problems.push(parsed.error.message);
  else {
    const kinds = placeholderKindProblem(parsed.placeholders);
    if (kinds) problems.push(kinds);
  }
  return {
    placeholders: parsed.ok ? parsed.placeholders : null,
    problem: problems.length > 0 ? problems.join(' ') : null,
  };
}

/**
 * The platform numbers positional placeholders {{1}}, {{2}}, … without gaps, takes named ones in
 * lowercase, and accepts one kind per template.
 */
function placeholderKindProblem(placeholders: readonly Placeholder[]): string | null {
  const positional = placeholders.filter((p) => p.style === 'positional');
  const named = placeholders.filter((p) => p.style !== 'positional');
  const firstNamed = named[0];
  const firstPositional = positional[0];
  if (firstNamed && firstPositional) {
    const later = firstNamed.index > firstPositional.index ? firstNamed : firstPositional;
    return (
      `${later.raw} at position ${later.index + 1} mixes named and numbered placeholders: ` +
      'WhatsApp accepts either numbers like {{1}} or names like {ticket_ID} in one template, not both.'
    );
  }
  for (const p of positional) {
    if (p.key.length > 1 && p.key.startsWith('0'))
      return `${p.raw} at position ${p.index + 1}: write numbers without leading zeros, like {{1}}.`;
  }
  const numbers = [...new Set(positional.map((p) => Number(p.key)))].sort((a, b) => a - b);
  for (let n = 1; n <= numbers.length; n++) {
    if (numbers[n - 1] !== n) {
      const first = positional.find((p) => Number(p.key) === numbers[n - 1]);
      const where = first ? ` (${first.raw} at position ${first.index + 1})` : '';
      return `Numbered placeholders go {{1}}, {{2}}, {{3}}… without gaps, but {{${n}}} is missing${where}.`;
    }
  }
  for (const p of placeholders) {
    if (p.style === 'platform-named' && !PLATFORM_NAME.test(p.key))
      return (
        `${p.raw} at position ${p.index + 1}: WhatsApp’s named placeholders use lowercase letters, digits and _ ` +
        `(like {{${p.key.toLowerCase()}}}), or write {${p.key}}.`
      );
  }
  return null;
}

function checkMapping(
  placeholders: readonly Placeholder[],
  given: Readonly<Record<string, PlaceholderSource>>,
  knownFields: ReadonlySet<string>,
  errors: Record<string, string>,
): Record<string, PlaceholderSource> {
  const known = [...BUILTIN_FIELDS, ...knownFields];
  const sameName = (key: string) => known.find((f) => f.toLowerCase() === key.toLowerCase());
  const mapping: Record<string, PlaceholderSource> = {};
  for (const key of distinctKeys(placeholders)) {
    const first = placeholders.find((p) => p.key === key);
    const shown = first
      ? `${first.raw} (position ${first.index + 1})`
      : placeholderSyntax({ key, style: 'named' });
    const source = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
    if (source === undefined) {
      const field = sameName(key);
      if (field !== undefined) mapping[key] = { kind: 'field', field };
      else
        errors[`mapping.${key}`] =
          `${shown} is an unknown placeholder: no contact has a field “${key}”. ` +
          'Map it to a contact field or give it a fixed text.';
      continue;
    }
    if (source.kind === 'fixed') {
      const value = cleanLine(source.value).trim();
      if (!hasVisibleText(value))
        errors[`mapping.${key}`] =
          `${shown} is mapped to an empty fixed text. Type the text, or map it to a contact field.`;
      else mapping[key] = { kind: 'fixed', value };
      continue;
    }
    const field = source.field.trim();
    if (isBuiltinField(field) || knownFields.has(field)) {
      mapping[key] = { kind: 'field', field };
      continue;
    }
    const near = sameName(field);
    errors[`mapping.${key}`] =
      `${shown} maps to the field “${field}”, which no contact has (it may have been deleted). ` +
      (near ? `Did you mean “${near}”? ` : '') +
      'Pick another field or a fixed text.';
  }
  return mapping;
}

function optionalText(
  value: string | null,
  max: number,
  key: string,
  label: string,
  errors: Record<string, string>,
): string | null {
  const text = value === null ? '' : cleanLine(value).trim();
  if (text.length > max) errors[key] = `${label} is ${text.length} characters; WhatsApp allows ${max}.`;
  return text === '' ? null : text;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const group = (n: number): string => n.toLocaleString('en-US');
