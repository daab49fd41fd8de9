import type { Contact, Label } from '../contract/model';
import { MAX_LABELS_PER_CONTACT } from '../contract/labels';

/**
 * The contact with labels added and removed, in the settings' order; the same object when nothing
 * changes (so a multi-apply writes only the contacts it really changes). Ids no longer in `known` (a
 * label deleted in the settings) are dropped as the contact is touched.
 */
export function relabelled(
  contact: Contact,
  add: readonly string[],
  remove: readonly string[],
  known: readonly Label[],
): Contact {
  const before = contact.labels ?? [];
  const wanted = new Set([...before, ...add]);
  for (const id of remove) wanted.delete(id);
  const after = known.map((label) => label.id).filter((id) => wanted.has(id));
  if (after.length === before.length && after.every((id, i) => id === before[i])) return contact;
  const { labels: _old, ...rest } = contact;
  return after.length === 0 ? rest : { ...rest, labels: after };
}

/** Whether the contact would carry more labels than a row can show. */
export function tooManyLabels(contact: Contact): boolean {
  return (contact.labels?.length ?? 0) > MAX_LABELS_PER_CONTACT;
}

/** The labels of a contact that still exist, in the settings' order (for rows, the header, filters). */
export function labelsOf(contact: Pick<Contact, 'labels'>, known: readonly Label[]): Label[] {
  const ids = contact.labels;
  if (!ids || ids.length === 0) return [];
  return known.filter((label) => ids.includes(label.id));
}

/** What is wrong with the owner's label list, in their words; null when it can be saved. */
export function labelListProblem(labels: readonly Label[]): string | null {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const label of labels) {
    if (ids.has(label.id)) return `Two labels share the id “${label.id}”.`;
    ids.add(label.id);
    const name = label.name.trim().toLocaleLowerCase();
    if (names.has(name)) return `There are two labels called “${label.name.trim()}”. Give one another name.`;
    names.add(name);
  }
  return null;
}
