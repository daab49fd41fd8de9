import type { Contact, ContactRow } from '../contract/model';
import { rowOf } from '../domain/contact-row';
import type { WorkspaceStore } from '../store/workspace-store';
import { inIdOrder } from './contact-pages';

type Source = Pick<WorkspaceStore, 'contacts' | 'activity' | 'activityRevision' | 'settings'>;

interface Kept {
  readonly contacts: readonly Contact[];
  readonly revision: number;
  readonly closingLeadMinutes: number;
  /** The rows hold from this moment until `until` (the earliest window change): a clock set back rebuilds. */
  readonly from: number;
  readonly until: number;
  readonly rows: readonly ContactRow[];
  /** The same rows by contact id, sorted at the first chunk of the list that asks (contact-pages.ts). */
  byId?: readonly ContactRow[];
}

/**
 * Every contact's row with its window as the rules alone decide it (no follow-up readiness, reminder or
 * unread count): what orders and counts the list, and tells the watcher when each window changes. Opening
 * a workspace needs them twice (the watcher, then the first screen) and the list's chunks once each, so
 * they are kept while the contact list (the store replaces its array on any change), the summaries (their
 * revision), the closing lead and the time before the first window changes all stay the same.
 */
export class WindowRows {
  private kept: Kept | null = null;

  constructor(private readonly store: Source) {}

  /** Drops the rows kept (a contact was forgotten: nothing of it stays behind, in memory either). */
  clear(): void {
    this.kept = null;
  }

  at(now: number): readonly ContactRow[] {
    return this.keptAt(now).rows;
  }

  /** The rows of `at(now)` in contact-id order, sorted once while they are kept. */
  inIdOrder(now: number): readonly ContactRow[] {
    const kept = this.keptAt(now);
    kept.byId ??= inIdOrder(kept.rows);
    return kept.byId;
  }

  private keptAt(now: number): Kept {
    const { store } = this;
    const contacts = store.contacts();
    const revision = store.activityRevision();
    const rules = store.settings();
    const kept = this.kept;
    if (
      kept &&
      kept.contacts === contacts &&
      kept.revision === revision &&
      kept.closingLeadMinutes === rules.closingLeadMinutes &&
      kept.from <= now &&
      now < kept.until
    ) {
      return kept;
    }
    let until = Number.POSITIVE_INFINITY;
    const rows = contacts.map((contact) => {
      const row = rowOf(contact, store.activity(contact.id), rules, now);
      const next = row.window.nextChangeAt;
      if (next !== null && next < until) until = next;
      return row;
    });
    this.kept = { contacts, revision, closingLeadMinutes: rules.closingLeadMinutes, from: now, until, rows };
    return this.kept;
  }
}
