import type { PlaceholderSource } from '../../../main/contract/model';

/** `{ticket_ID}` and the platform's `{{1}}`: both styles name a placeholder by what is inside. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}|\{\s*([A-Za-z0-9_]+)\s*\}/g;

/** The placeholders a template body uses, each once, in the order they first appear. */
export function findPlaceholders(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const key = match[1] ?? match[2];
    if (key !== undefined) found.add(key);
  }
  return [...found];
}

/** The contact fields every contact has, offered first when mapping a placeholder. */
export const BUILT_IN_FIELDS: ReadonlyArray<{ field: string; label: string }> = [
  { field: 'name', label: 'Name' },
  { field: 'first_name', label: 'First name' },
  { field: 'phone', label: 'Phone' },
];

/**
 * A sensible first guess for a new placeholder: {name} → the name, {ticket_ID} → the custom field
 * ticket_ID, {{1}} → the name (the platform's first variable is nearly always the customer's name).
 */
export function guessSource(placeholder: string): PlaceholderSource {
  if (BUILT_IN_FIELDS.some((f) => f.field === placeholder)) return { kind: 'field', field: placeholder };
  if (/^\d+$/.test(placeholder)) return { kind: 'field', field: placeholder === '1' ? 'name' : '' };
  return { kind: 'field', field: placeholder };
}

/** "{ticket_ID}" as the owner wrote it in the body (numbered ones in the platform's style). */
export function placeholderLabel(placeholder: string): string {
  // The main process names a missing placeholder as written in the body ("{ticket_ID}", "{{1}}").
  if (placeholder.startsWith('{')) return placeholder;
  return /^\d+$/.test(placeholder) ? `{{${placeholder}}}` : `{${placeholder}}`;
}
