import type { Template, TemplateButtonSpec, TemplateMediaFormat } from '../../contract/model';
import { parseBody } from './placeholders';
import { exampleUrl, type TemplateSpec } from './submission-rules';

/**
 * A template as the customer will see it on their phone: the header (a line, or the photo, video or
 * document), the body with every placeholder filled, the footer in grey, and the buttons under the
 * bubble. Pure; the template form shows it filled with the examples, the follow-up dialog with the
 * contact's values.
 */
export interface TemplatePreviewModel {
  header: { kind: 'text'; text: string } | { kind: TemplateMediaFormat; fileName: string | null } | null;
  body: string;
  footer: string | null;
  buttons: {
    type: TemplateButtonSpec['type'];
    text: string;
    /** the link or number it opens */ detail: string;
  }[];
}

/** Replaces each placeholder that has a value; one without keeps its {{…}} so a gap stays visible. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const parsed = parseBody(text);
  if (!parsed.ok) return text;
  return parsed.segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      const value = Object.hasOwn(values, s.placeholder.key) ? values[s.placeholder.key] : undefined;
      return value === undefined || value === '' ? s.placeholder.raw : value;
    })
    .join('');
}

function buttonsOf(
  buttons: readonly TemplateButtonSpec[],
  urlSuffix?: (index: number) => string | undefined,
): TemplatePreviewModel['buttons'] {
  return buttons.map((b, index) => {
    if (b.type === 'url') {
      const example = urlSuffix?.(index) ?? b.example;
      return { type: b.type, text: b.text, detail: exampleUrl({ url: b.url, example }) };
    }
    if (b.type === 'phone_number') return { type: b.type, text: b.text, detail: b.phone };
    return { type: b.type, text: b.text, detail: '' };
  });
}

/** The form's template, filled with its examples (what the reviewers, then customers, see). */
export function previewOfSpec(spec: TemplateSpec, sampleName: string | null): TemplatePreviewModel {
  const examples = Object.fromEntries(spec.bodyExamples.map((e) => [e.key, e.example]));
  const header = spec.header;
  return {
    header:
      header === null
        ? null
        : header.format === 'text'
          ? {
              kind: 'text',
              text: fillPlaceholders(
                header.text,
                header.example ? { [header.example.key]: header.example.example } : {},
              ),
            }
          : { kind: header.format, fileName: sampleName },
    body: fillPlaceholders(spec.body, examples),
    footer: spec.footer,
    buttons: buttonsOf(spec.buttons),
  };
}

/**
 * A library template with its body already filled (the follow-up preview's text). `mediaName` is the
 * header file that will go (chosen for this send, or the stored sample); `urlSuffixes` the contact's
 * value for each URL button's {{1}} by button index (send-parts.ts), `urlSuffix` one for every URL button.
 */
export function previewOfTemplate(
  template: Pick<Template, 'header' | 'footer' | 'buttons' | 'headerMedia' | 'buttonSpecs' | 'examples'>,
  filledBody: string,
  options: {
    mediaName?: string | null;
    urlSuffix?: string;
    urlSuffixes?: Readonly<Record<number, string>>;
  } = {},
): TemplatePreviewModel {
  const media = template.headerMedia ?? null;
  const specs: TemplateButtonSpec[] =
    template.buttonSpecs ?? template.buttons.map((text) => ({ type: 'quick_reply' as const, text }));
  const headerExample = template.examples?.header;
  // The header has one placeholder at most; its example is kept under "header".
  const headerParsed = template.header ? parseBody(template.header) : null;
  const headerValues: Record<string, string> =
    headerExample === undefined || !headerParsed?.ok
      ? {}
      : Object.fromEntries(headerParsed.placeholders.map((p) => [p.key, headerExample]));
  return {
    header: media
      ? { kind: media.kind, fileName: options.mediaName ?? media.fileName }
      : template.header
        ? { kind: 'text', text: fillPlaceholders(template.header, headerValues) }
        : null,
    body: filledBody,
    footer: template.footer,
    buttons: buttonsOf(specs, (index) => options.urlSuffixes?.[index] ?? options.urlSuffix),
  };
}
