import type { Activity, Contact, ContactRow, Settings, Template } from '../contract/model';
import type { TemplateUse } from '../domain/follow-up/choose-template';

/** Everything a contact's row is made of besides the moment it is for. */
export interface RowInputs {
  readonly contact: Contact;
  readonly activity: Activity;
  readonly rules: Settings;
  readonly templates: readonly Template[];
  readonly lastUsed: TemplateUse | null;
}

interface Entry extends RowInputs {
  readonly row: ContactRow;
  /** The row holds from this moment until `until` (its window's next change): a clock set back rebuilds it. */
  readonly from: number;
  readonly until: number;
}

/**
 * Each contact's row (window, follow-up readiness, waiting) as last built, kept while nothing it is made
 * of changed: the list, its pages and a row pushed after a change all ask for rows, 10,000 at a time, and
 * deciding "follow-up ready" means choosing and filling a template. The store replaces a contact record,
 * an activity summary, the library's array and a last-used entry when they change (never changes them in
 * place), so identity tells what changed; of the settings a row depends on the closing lead and the
 * default template alone, compared by value; time changes a row only at its window's
 * `nextChangeAt` (closing, then closed). The next reminder and the unread count are not kept here: they
 * change on their own and cost nothing to add.
 */
export class ContactRowCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly build: (inputs: RowInputs, now: number) => ContactRow) {}

  row(inputs: RowInputs, now: number): ContactRow {
    const known = this.entries.get(inputs.contact.id);
    if (known && holds(known, inputs, now)) return known.row;
    const row = this.build(inputs, now);
    this.entries.set(inputs.contact.id, {
      ...inputs,
      row,
      from: now,
      until: row.window.nextChangeAt ?? Number.POSITIVE_INFINITY,
    });
    return row;
  }

  /** Forgets a deleted contact's row at once: nothing of a forgotten customer stays behind, in memory either. */
  forget(contactId: string): void {
    this.entries.delete(contactId);
  }

  /** Drops the rows of contacts that are gone (deleted or forgotten), once there are more rows than contacts. */
  keepOnly(contacts: readonly Contact[]): void {
    if (this.entries.size <= contacts.length) return;
    const ids = new Set(contacts.map((c) => c.id));
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }
}

function holds(entry: Entry, inputs: RowInputs, now: number): boolean {
  return (
    entry.contact === inputs.contact &&
    entry.activity === inputs.activity &&
    // The store hands out a copy of the settings each time: a row uses only these two of them.
    entry.rules.closingLeadMinutes === inputs.rules.closingLeadMinutes &&
    entry.rules.defaultTemplateId === inputs.rules.defaultTemplateId &&
    entry.templates === inputs.templates &&
    entry.lastUsed === inputs.lastUsed &&
    entry.from <= now &&
    now < entry.until
  );
}
