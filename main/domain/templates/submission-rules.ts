import type {
  TemplateButtonSpec,
  TemplateCategory,
  TemplateMediaFormat,
  TemplateSubmissionDraft,
} from '../../contract/model';
import { cleanLine, cleanText } from '../clean-text';
import { outgoingMediaType } from '../outgoing-media';
import { maxMediaBytes } from '../media-rules';
import { parseBody, type Placeholder, type Segment } from './placeholders';
import { checkBody } from './template-draft';
import { readButtons } from './submission-buttons';
export { exampleUrl } from './submission-buttons';

/**
 * WhatsApp's rules for a new template, checked BEFORE it is submitted. Pure: the form runs it (field by
 * field), main runs it again and refuses what the form would refuse. The platform's rules, from
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 * - name: lowercase letters, digits and underscores, at most 512 characters;
 * - body: required, at most 1,024 characters; parameters are {{1}}, {{2}}… in order without gaps
 *   (positional) or {{lowercase_name}} (named), one kind per template (`parameter_format`); a parameter
 *   may not start or end the body, two may not stand side by side, and each needs an example;
 * - header: text of at most 60 characters with at most one parameter (with its example), or an image,
 *   video or document with a sample file (uploaded for a `header_handle`);
 * - footer: at most 60 characters, no parameters;
 * - buttons: see submission-buttons.ts;
 * - authentication templates use WhatsApp's preset text and a code button, so they are not written here.
 */

export const MAX_NAME = 512;
export const MAX_HEADER_TEXT = 60;
export const MAX_FOOTER_TEXT = 60;
export const MAX_BODY_TEXT = 1024;

const NAME = /^[a-z0-9_]+$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
const PLATFORM_NAMED = /^[a-z_][a-z0-9_]*$/;

export type ParameterFormat = 'named' | 'positional';

export interface ParameterExample {
  key: string; // "first_name" or "1"
  example: string;
}

export type TemplateHeaderSpec =
  { format: 'text'; text: string; example: ParameterExample | null } | { format: TemplateMediaFormat };

/** A template ready to be submitted: every text in the platform's syntax, every example present. */
export interface TemplateSpec {
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: ParameterFormat;
  /** The body as WhatsApp takes it: placeholders as {{1}} or {{name}}, no CareWindow escapes. */
  body: string;
  /** One per distinct placeholder, in order of first appearance. */
  bodyExamples: ParameterExample[];
  header: TemplateHeaderSpec | null;
  footer: string | null;
  buttons: TemplateButtonSpec[];
}

export type SubmissionCheck =
  { ok: true; spec: TemplateSpec } | { ok: false; errors: Record<string, string> };

/** Checks the whole form; every problem is keyed by the field that fixes it ("examples.1", "buttons.2"). */
export function checkSubmission(draft: TemplateSubmissionDraft): SubmissionCheck {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the template a name, like order_ready.';
  else if (name.length > MAX_NAME)
    errors.name = `The name is ${name.length} characters; WhatsApp allows ${MAX_NAME}.`;
  else if (!NAME.test(name))
    errors.name = `“${clip(name)}” cannot be a template name: use only lowercase letters, digits and _, like order_ready.`;

  const language = draft.language.trim();
  if (!LANGUAGE.test(language))
    errors.language = `“${clip(language)}” is not a language code: use one like en_US, en or nl.`;

  if (draft.category === 'authentication')
    errors.category =
      'WhatsApp writes the text of authentication templates itself (a one-time code with a copy button). Create it in WhatsApp Manager, or choose utility or marketing.';

  const body = readBody(draft.body, draft.examples, errors);
  const header = readHeader(draft, body?.format ?? null, errors);
  const footer = cleanLine(draft.footer).trim();
  if (footer.length > MAX_FOOTER_TEXT)
    errors.footer = `The footer is ${footer.length} characters; WhatsApp allows ${MAX_FOOTER_TEXT}.`;
  else if (/[{}]/.test(footer))
    errors.footer = 'A footer cannot hold placeholders: WhatsApp shows it exactly as written.';
  const buttons = readButtons(draft.buttons, errors);

  if (Object.keys(errors).length > 0 || body === null) return { ok: false, errors };
  return {
    ok: true,
    spec: {
      name,
      language,
      category: draft.category,
      parameterFormat: body.format,
      body: body.text,
      bodyExamples: body.examples,
      header,
      footer: footer === '' ? null : footer,
      buttons,
    },
  };
}

interface BodyReading {
  text: string;
  format: ParameterFormat;
  examples: ParameterExample[];
}

function readBody(
  raw: string,
  examples: Readonly<Record<string, string>>,
  errors: Record<string, string>,
): BodyReading | null {
  const typed = cleanText(raw);
  if (typed.trim() === '') {
    errors.body = 'Write the text of the message.';
    return null;
  }
  // CareWindow's own checks first: braces, positions, one kind of placeholder, {{1}} without gaps.
  const checked = checkBody(typed);
  if (checked.problem !== null) {
    errors.body = checked.problem;
    return null;
  }
  const parsed = parseBody(typed);
  if (!parsed.ok) return null;
  const segments = parsed.segments;
  const placeholders = parsed.placeholders;
  for (const p of placeholders) {
    // {ticket_id} is CareWindow's way of writing {{ticket_id}}; WhatsApp takes lowercase names only.
    if (p.style === 'named' && !PLATFORM_NAMED.test(p.key)) {
      errors.body = `${p.raw} at position ${p.index + 1}: WhatsApp’s placeholder names use lowercase letters, digits and _, like {{${p.key.toLowerCase()}}}.`;
      return null;
    }
  }
  if (segments.some((s) => s.kind === 'text' && /[{}]/.test(s.text))) {
    errors.body = 'WhatsApp reads braces only as placeholders: take out the \\{ and \\} in the text.';
    return null;
  }
  const text = platformText(segments);
  if (text.length > MAX_BODY_TEXT) {
    errors.body = `The text is ${text.length} characters as WhatsApp counts it; it allows ${MAX_BODY_TEXT}.`;
    return null;
  }
  const placement = placementProblem(segments);
  if (placement) {
    errors.body = placement;
    return null;
  }
  const format: ParameterFormat = placeholders.some((p) => p.style === 'positional') ? 'positional' : 'named';
  const keys = [...new Set(placeholders.map((p) => p.key))];
  const read: ParameterExample[] = [];
  for (const key of keys) {
    const example = cleanLine(Object.hasOwn(examples, key) ? (examples[key] ?? '') : '').trim();
    const shown = `{{${key}}}`;
    if (example === '')
      errors[`examples.${key}`] =
        `Give an example for ${shown}: WhatsApp’s reviewers read the message with it.`;
    else if (/[{}]/.test(example))
      errors[`examples.${key}`] = `The example for ${shown} cannot contain braces.`;
    else read.push({ key, example });
  }
  return { text, format, examples: read };
}

/** No placeholder first or last, none directly after another (only spaces between counts as directly). */
function placementProblem(segments: readonly Segment[]): string | null {
  const meaningful = segments.filter((s) => s.kind === 'placeholder' || s.text.trim() !== '');
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  if (first?.kind === 'placeholder')
    return `The text cannot start with a placeholder (${first.placeholder.raw}): WhatsApp refuses that. Write a few words before it.`;
  if (last?.kind === 'placeholder')
    return `The text cannot end with a placeholder (${last.placeholder.raw}): WhatsApp refuses that. Add a few words or a full stop after it.`;
  for (let i = 1; i < meaningful.length; i++) {
    const a = meaningful[i - 1];
    const b = meaningful[i];
    if (a?.kind === 'placeholder' && b?.kind === 'placeholder')
      return `${a.placeholder.raw} and ${b.placeholder.raw} stand side by side: WhatsApp needs some text between two placeholders.`;
  }
  return null;
}

/** The body as the platform takes it: every placeholder as {{key}}, escapes resolved. */
function platformText(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : `{{${s.placeholder.key}}}`)).join('');
}

function readHeader(
  draft: TemplateSubmissionDraft,
  bodyFormat: ParameterFormat | null,
  errors: Record<string, string>,
): TemplateHeaderSpec | null {
  switch (draft.headerFormat) {
    case 'none':
      return null;
    case 'text':
      return readTextHeader(draft, bodyFormat, errors);
    default:
      return readMediaHeader(draft.headerFormat, draft, errors);
  }
}

function readTextHeader(
  draft: TemplateSubmissionDraft,
  bodyFormat: ParameterFormat | null,
  errors: Record<string, string>,
): TemplateHeaderSpec | null {
  const typed = cleanLine(draft.headerText).trim();
  if (typed === '') {
    errors.headerText = 'Write the header, or choose “No header”.';
    return null;
  }
  const parsed = parseBody(typed);
  if (!parsed.ok) {
    errors.headerText = parsed.error.message;
    return null;
  }
  const text = platformText(parsed.segments);
  if (text.length > MAX_HEADER_TEXT) {
    errors.headerText = `The header is ${text.length} characters; WhatsApp allows ${MAX_HEADER_TEXT}.`;
    return null;
  }
  const [only, second] = parsed.placeholders;
  if (second) {
    errors.headerText = 'A header can hold one placeholder at most.';
    return null;
  }
  if (!only) return { format: 'text', text, example: null };
  const problem = headerPlaceholderProblem(only, bodyFormat);
  if (problem) {
    errors.headerText = problem;
    return null;
  }
  const example = cleanLine(draft.headerExample).trim();
  if (example === '') {
    errors.headerExample = `Give an example for ${only.raw} in the header.`;
    return null;
  }
  return { format: 'text', text, example: { key: only.key, example } };
}

function headerPlaceholderProblem(p: Placeholder, bodyFormat: ParameterFormat | null): string | null {
  const positional = p.style === 'positional';
  if (positional && p.key !== '1')
    return `The header’s placeholder is numbered on its own: write {{1}}, not ${p.raw}.`;
  if (!positional && !PLATFORM_NAMED.test(p.key))
    return `${p.raw}: WhatsApp’s placeholder names use lowercase letters, digits and _.`;
  if (bodyFormat !== null && (bodyFormat === 'positional') !== positional)
    return 'Use the same kind of placeholder in the header as in the text: numbers like {{1}} or names like {{name}}.';
  return null;
}

function readMediaHeader(
  format: TemplateMediaFormat,
  draft: TemplateSubmissionDraft,
  errors: Record<string, string>,
): TemplateHeaderSpec | null {
  const sample = draft.headerSample;
  const word = format === 'image' ? 'photo' : format;
  if (sample === null) {
    errors.headerSample = `Choose a sample ${word}: WhatsApp’s reviewers look at it.`;
    return null;
  }
  const type = outgoingMediaType(sample.fileName);
  const fits =
    type !== null && type.kind === format && (format !== 'document' || type.mimeType === 'application/pdf');
  if (!fits) {
    errors.headerSample = `“${clip(sample.fileName)}” is not a ${MEDIA_TYPES[format]}.`;
    return null;
  }
  if (sample.size > maxMediaBytes(format)) {
    errors.headerSample = `“${clip(sample.fileName)}” is too large: WhatsApp takes a ${word} of at most ${maxMediaBytes(format) / (1024 * 1024)} MB.`;
    return null;
  }
  if (sample.received < sample.size) {
    errors.headerSample = `“${clip(sample.fileName)}” has not been read completely yet. Choose it again.`;
    return null;
  }
  return { format };
}

const MEDIA_TYPES: Record<TemplateMediaFormat, string> = {
  image: 'JPEG or PNG photo',
  video: 'MP4 or 3GP video',
  document: 'PDF document',
};

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
