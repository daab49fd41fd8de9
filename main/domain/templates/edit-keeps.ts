import type { Template } from '../../contract/model';
import { buttonMappingKey, urlTakesSuffix } from './send-parts';

/** What the template form edits: everything it does not show comes from `keptOnEdit`. */
type Edited = Pick<Template, 'header' | 'buttons' | 'mapping'>;

/**
 * What an edit in the template form keeps of the saved template, since the form does not show it: what
 * was submitted for approval (the platform's id, when, the examples), the photo, video or document
 * header unless a text header now replaces it, and the buttons' kinds while their labels are unchanged,
 * with each URL button's suffix source (which the form's mapping, read from the body, would drop).
 * Without them an edited template would go out without its header file or button values.
 */
export function keptOnEdit(saved: Template, edited: Edited): Partial<Template> {
  const kept: Partial<Template> = {};
  if (saved.remoteId !== undefined) kept.remoteId = saved.remoteId;
  if (saved.submittedAt !== undefined) kept.submittedAt = saved.submittedAt;
  if (saved.examples !== undefined) kept.examples = saved.examples;
  if (saved.headerMedia !== undefined && edited.header === null) kept.headerMedia = saved.headerMedia;
  const specs = saved.buttonSpecs;
  if (specs !== undefined && sameLabels(specs, edited.buttons)) {
    kept.buttonSpecs = specs;
    const suffixes = specs.flatMap((button, index) => {
      const key = buttonMappingKey(index);
      const source = Object.hasOwn(saved.mapping, key) ? saved.mapping[key] : undefined;
      return source !== undefined && urlTakesSuffix(button) ? [[key, source] as const] : [];
    });
    if (suffixes.length > 0) kept.mapping = { ...edited.mapping, ...Object.fromEntries(suffixes) };
  }
  return kept;
}

function sameLabels(specs: NonNullable<Template['buttonSpecs']>, labels: readonly string[]): boolean {
  return specs.length === labels.length && specs.every((button, i) => button.text === labels[i]);
}
