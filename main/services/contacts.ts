import type { ContactPage, ContactPageQuery, FirstScreen } from '../contract/contact-pages';
import { AppError } from '../contract/errors';
import { contactPage, firstScreen } from './contact-pages';
import { ContactRowCache } from './contact-row-cache';
import { WindowRows } from './window-rows';
import { requireContact } from './require-contact';
import { SerialQueue } from '../store/serial-queue';
import type { Contact, ContactDraft, ContactRow, OptIn, OptInEvent } from '../contract/model';
import { validateContactDraft } from '../domain/contact-draft';
import { rowOf } from '../domain/contact-row';
import { TemplateChoiceMemo } from '../domain/follow-up/template-choice-memo';
import { unconsentedContact } from '../domain/new-contact';
import { formatPhone } from '../domain/phone';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Clock } from './ports';

export interface ContactsDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  /** The owner's country, for numbers typed without a country code. */
  defaultRegion: () => string | null;
  /** Called after a contact changed, so the change is pushed and watched. */
  changed: (row: ContactRow) => void;
  /** The reminder service's view of a contact's next reminder (snoozes, reminders already shown). */
  nextReminder?: (contactId: string) => ContactRow['nextReminder'];
  /** Customer messages the owner has not seen yet (the inbox service's unread.json). */
  unread?: (contactId: string) => number;
}

/** Adding and editing contacts: validation, E.164 numbers, one contact per number. */
export class ContactsService {
  private readonly writes = new SerialQueue();
  /** Each contact's follow-up template, chosen once per contact record and library (10,000 rows). */
  private readonly choices = new TemplateChoiceMemo();
  private readonly rows = new ContactRowCache(({ contact, activity, rules, templates, lastUsed }, now) =>
    rowOf(contact, activity, rules, now, null, {
      templates,
      lastUsed,
      defaultTemplateId: rules.defaultTemplateId,
      choices: this.choices,
    }),
  );

  private readonly windowRows: WindowRows;

  constructor(private readonly deps: ContactsDeps) {
    this.windowRows = new WindowRows(deps.store);
  }

  list(): ContactRow[] {
    const contacts = this.deps.store.contacts();
    this.rows.keepOnly(contacts);
    const complete = this.completer();
    return contacts.map(complete);
  }

  /**
   * The first screen (contact-pages.ts): every contact is ordered and counted from a row without its
   * follow-up readiness, next reminder and unread count (only some closed windows need the first to be
   * ordered, none for a count); only the rows returned are completed.
   */
  firstScreen(limit: number): FirstScreen {
    const complete = this.completer();
    return firstScreen(this.windows(), limit, (row) => complete(row.contact));
  }

  /** One chunk of the list in id order, completed as the first screen's rows are. */
  page(query: ContactPageQuery): ContactPage {
    const complete = this.completer();
    const now = this.deps.clock.now();
    return contactPage(
      this.windowRows.at(now),
      query,
      (row) => complete(row.contact),
      this.windowRows.inIdOrder(now),
    );
  }

  /** Each contact's row with its window as the rules alone decide it (window-rows.ts): orders and counts the list. */
  windows(): readonly ContactRow[] {
    return this.windowRows.at(this.deps.clock.now());
  }

  row(id: string): ContactRow {
    const contact = requireContact(this.deps.store, id);
    return this.rowFor(contact);
  }

  /** A deleted contact's row goes with it. */
  forget(contactId: string): void {
    this.rows.forget(contactId);
    this.windowRows.clear();
  }

  /** The contact's whole row now: its window, follow-up readiness, next reminder and unread count. */
  rowFor(contact: Contact): ContactRow {
    return this.completer()(contact);
  }

  /**
   * Builds whole rows for many contacts at one instant: the settings (copied by the store on each call),
   * the library and the clock are read once, not once a contact.
   */
  private completer(): (contact: Contact) => ContactRow {
    const { store, clock } = this.deps;
    const rules = store.settings();
    const templates = store.templates();
    const now = clock.now();
    return (contact) => {
      const inputs = {
        contact,
        activity: store.activity(contact.id),
        rules,
        templates,
        lastUsed: store.lastTemplateUse(contact.id) ?? null,
      };
      const row = this.rows.row(inputs, now);
      const nextReminder = this.deps.nextReminder?.(contact.id) ?? null;
      const unread = this.deps.unread?.(contact.id) ?? 0;
      return nextReminder === null && unread === row.unread ? row : { ...row, nextReminder, unread };
    };
  }

  /**
   * Changes several contacts in one write to the contacts file (labels for a multi-selection), in the same
   * queue as single changes, so a STOP arriving meanwhile is not undone. Unknown ids are skipped.
   */
  changeMany(ids: readonly string[], change: (latest: Contact) => Contact): Promise<ContactRow[]> {
    return this.writes.run(async () => {
      const changed: Contact[] = [];
      for (const id of new Set(ids)) {
        const latest = this.deps.store.contact(id);
        if (!latest) continue;
        const next = change(latest);
        if (next !== latest) changed.push(next);
      }
      if (changed.length === 0) return [];
      await this.deps.store.saveContacts(changed, []);
      const rows = changed.map((contact) => this.rowFor(contact));
      for (const row of rows) this.deps.changed(row);
      return rows;
    });
  }

  /**
   * Applies a change to the latest version of a contact. Changes run one at a time and each reads the
   * contact inside its turn, so two made at the same moment (a STOP arriving while the owner mutes) both
   * survive. `change` returns the contact unchanged when there is nothing to do.
   */
  change(id: string, change: (latest: Contact) => Contact): Promise<ContactRow> {
    return this.writes.run(async () => {
      const latest = requireContact(this.deps.store, id);
      const next = change(latest);
      return next === latest ? this.rowFor(latest) : this.save(next);
    });
  }

  /** Mutes (or unmutes) reminders for one contact. */
  setMuted(id: string, muted: boolean): Promise<ContactRow> {
    return this.change(id, (latest) =>
      latest.muted === muted ? latest : { ...latest, muted, updatedAt: this.deps.clock.now() },
    );
  }

  create(draft: ContactDraft): Promise<ContactRow> {
    // Inside the queue, so two saves of the same new number cannot both pass the duplicate check.
    return this.writes.run(async () => {
      const now = this.deps.clock.now();
      const valid = this.validate(draft, null);
      return this.save({
        id: this.deps.ids(),
        ...valid,
        optInHistory: consentChange(null, valid.optIn, now),
        optInRequestedAt: null,
        muted: false,
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  /**
   * The owner's edit. `expectedUpdatedAt` is the version the form was opened on: when the contact changed
   * meanwhile (the customer wrote STOP), the edit is refused rather than silently undoing that change.
   */
  update(id: string, draft: ContactDraft, expectedUpdatedAt?: number): Promise<ContactRow> {
    return this.writes.run(async () => {
      const existing = requireContact(this.deps.store, id);
      if (expectedUpdatedAt !== undefined && existing.updatedAt !== expectedUpdatedAt) {
        throw new AppError({
          code: 'conflict',
          message: `${existing.name}’s details changed while you were editing (for example, a message changed their opt-in). Nothing was saved; close the form, check the contact and make your change again.`,
        });
      }
      const valid = this.validate(draft, id);
      const now = this.deps.clock.now();
      const history = [...existing.optInHistory, ...consentChange(existing.optIn, valid.optIn, now)];
      // The owner recording an opt-in answers a pending START request.
      const requested = valid.optIn.status === 'opted-in' ? null : existing.optInRequestedAt;
      return this.save({
        ...existing,
        ...valid,
        optInHistory: history,
        optInRequestedAt: requested,
        updatedAt: now,
      });
    });
  }

  /** The contact for a number that wrote in: the saved one, or a new one (once, however many messages race). */
  contactForInbound(phone: string, profileName: string | null): Promise<Contact> {
    return this.writes.run(async () => {
      const known = this.deps.store.contactByPhone(phone);
      if (known) return known;
      const now = this.deps.clock.now();
      const name = profileName?.trim().slice(0, 120) || formatPhone(phone);
      const contact = unconsentedContact(this.deps.ids(), name, phone, now);
      await this.deps.store.saveContact(contact);
      return contact;
    });
  }

  private validate(draft: ContactDraft, selfId: string | null) {
    const result = validateContactDraft(draft, this.deps.defaultRegion(), this.deps.clock.now());
    if (!result.ok) {
      const [first] = Object.values(result.errors);
      throw new AppError({
        code: 'invalid-input',
        message:
          Object.keys(result.errors).length === 1 && first ? first : 'Some fields need your attention.',
        fields: result.errors,
      });
    }
    const owner = this.deps.store.contactByPhone(result.contact.phone);
    if (owner && owner.id !== selfId) {
      throw new AppError({
        code: 'duplicate-phone',
        message: `This number is already saved for ${owner.name}. Open ${owner.name}?`,
        fields: { phone: `Already saved for ${owner.name}.` },
        contactId: owner.id,
      });
    }
    return result.contact;
  }

  private async save(contact: Contact): Promise<ContactRow> {
    await this.deps.store.saveContact(contact);
    const row = this.rowFor(contact);
    this.deps.changed(row);
    return row;
  }
}

/** The history entry for an owner's change of a contact's consent; none when nothing changed. */
function consentChange(before: OptIn | null, after: OptIn, now: number): OptInEvent[] {
  const same =
    before && before.status === after.status && before.at === after.at && before.source === after.source;
  if (same || (!before && after.status === 'none')) return [];
  return [{ at: now, status: after.status, source: after.source, by: 'owner', note: after.proof }];
}
