import { AppError } from '../contract/errors';
import type { ContactRow, LabelChange, Settings } from '../contract/model';
import { MAX_LABELS_PER_CONTACT } from '../contract/labels';
import { relabelled, tooManyLabels } from '../domain/labels';
import type { ContactsService } from './contacts';

export interface LabelsDeps {
  contacts: Pick<ContactsService, 'changeMany'>;
  settings: () => Pick<Settings, 'labels'>;
}

/**
 * Putting labels on contacts and taking them off, for one contact or a whole multi-selection, in one
 * write. The label list itself (names, colours) is a setting, edited with the other settings.
 */
export class LabelsService {
  constructor(private readonly deps: LabelsDeps) {}

  /** Rows of the contacts that changed; contacts already labelled so are left alone (no write). */
  async apply(change: LabelChange): Promise<ContactRow[]> {
    const known = this.deps.settings().labels;
    const ids = new Set(known.map((label) => label.id));
    const unknown = [...change.add, ...change.remove].find((id) => !ids.has(id));
    if (unknown !== undefined) {
      throw new AppError({
        code: 'invalid-input',
        message: 'That label no longer exists; it may have been deleted in the settings. Choose another.',
      });
    }
    const refused: string[] = [];
    const rows = await this.deps.contacts.changeMany(change.contactIds, (latest) => {
      const next = relabelled(latest, change.add, change.remove, known);
      if (tooManyLabels(next)) {
        refused.push(latest.name);
        return latest;
      }
      return next;
    });
    const [first] = refused;
    if (first !== undefined && rows.length === 0) {
      throw new AppError({
        code: 'invalid-input',
        message: `${first} already has ${MAX_LABELS_PER_CONTACT} labels, the most one contact can carry. Remove one first.`,
      });
    }
    return rows;
  }
}
