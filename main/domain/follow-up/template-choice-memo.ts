import type { Contact, Template } from '../../contract/model';
import { fillForSend, type SendFill } from '../templates/send-parts';
import { chooseTemplate, type TemplateUse } from './choose-template';

/** What chooseTemplate and the fill of its template depend on besides the contact record. */
interface ChoiceKey {
  readonly templates: readonly Template[];
  readonly lastUsed: TemplateUse | null;
  readonly defaultTemplateId: string | null;
}

/** The template one click would send to a contact, and that template filled for them. */
export interface TemplateChoiceFill {
  readonly template: Template | null;
  readonly fill: SendFill | null;
}

interface Entry extends ChoiceKey, TemplateChoiceFill {}

/**
 * Remembers the follow-up template chosen for each contact record and its fill. Choosing sorts the
 * library and fills templates for every contact each time the list is built (most of the 10,000 rows are
 * closed windows); the answer depends only on the contact record, the library, the contact's last-used
 * template and the default, and contact records, the library's array and ledger entries are replaced (never
 * changed in place) when they change, so identity is the key. Weak: a replaced contact record is dropped.
 */
export class TemplateChoiceMemo {
  private readonly byContact = new WeakMap<Contact, Entry>();

  choose(contact: Contact, key: ChoiceKey): TemplateChoiceFill {
    const known = this.byContact.get(contact);
    if (
      known &&
      known.templates === key.templates &&
      known.lastUsed === key.lastUsed &&
      known.defaultTemplateId === key.defaultTemplateId
    ) {
      return known;
    }
    const { template } = chooseTemplate({ contact, ...key });
    const fill = template ? fillForSend(template, contact) : null;
    const entry: Entry = {
      templates: key.templates,
      lastUsed: key.lastUsed,
      defaultTemplateId: key.defaultTemplateId,
      template,
      fill,
    };
    this.byContact.set(contact, entry);
    return entry;
  }
}
