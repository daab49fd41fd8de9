import type { Message } from '../contract/model';
import type { SearchQuery, SearchResults } from '../contract/search';
import type { IndexedMessage } from '../store/search/message-index';
import { startSearchIndex, type SearchIndex } from '../store/search/search-index';
import type { StoredMessagesChange, WorkspaceStore } from '../store/workspace-store';
import type { Clock, Logger, Scheduler } from './ports';

export interface MessageSearchDeps {
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  log: Logger;
  /** Starts the index on the workspace folder (a worker thread); tests may pass their own. */
  startIndex?: (dir: string) => SearchIndex;
}

/** A workspace this big gets its index ready in the background shortly after opening. */
const WARM_UP_MESSAGES = 1000;
const WARM_UP_AFTER = 15_000;
/** A catch-up of at most this many messages is finished before a search answers. */
const WAIT_FOR_MESSAGES = 20_000;
/**
 * A catch-up waits for the worker after posting this many messages: reading histories is faster than
 * indexing them, and without a wait the thread's queue held every history at once (100+ MB at 500k).
 */
const POST_AHEAD = 20_000;
/** Changes after which the index is saved again (it is saved at close too). */
const SAVE_EVERY = 500;

/**
 * Full-text search over every conversation of the open workspace. The index lives in a worker thread and
 * on disk (store/search); this service decides when it starts (on the first search, or shortly after a
 * big workspace opens: never before the first screen), brings it up to date with the store (a contact
 * whose message count differs from the index's is indexed again, a contact gone is dropped), and passes
 * new, removed and forgotten messages on as the store tells them (`onMessagesChanged`).
 */
export class MessageSearch {
  private index: SearchIndex | null = null;
  private caughtUp: Promise<void> | null = null;
  /** Resolves once the catch-up knows how much it has to do. */
  private measured: Promise<void> = Promise.resolve();
  private wasMeasured: () => void = () => undefined;
  private progress: { done: number; total: number } | null = null;
  private unsaved = 0;
  private closed = false;
  private readonly warmUp: { cancel(): void } | null;
  private readonly unfollow: () => void;

  constructor(private readonly deps: MessageSearchDeps) {
    const { store } = deps;
    this.warmUp = atLeastMessages(store, WARM_UP_MESSAGES)
      ? deps.scheduler.at(deps.clock.now() + WARM_UP_AFTER, () => void this.ready().catch(() => undefined))
      : null;
    this.unfollow = store.onMessagesChanged?.((change) => this.follow(change)) ?? (() => undefined);
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const ready = this.ready();
    await this.measured;
    // A big catch-up (a first build) answers with what is in, and says so; a small one is waited for.
    if ((this.progress?.total ?? 0) <= WAIT_FOR_MESSAGES) await ready;
    const index = this.index;
    if (!index) return { hits: [], more: false, preparing: null };
    const found = await index.search(query);
    const { store } = this.deps;
    return {
      hits: found.hits.filter((hit) => store.contact(hit.contactId) !== undefined),
      more: found.more,
      preparing: this.progress ? { ...this.progress } : null,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unfollow();
    this.warmUp?.cancel();
    const index = this.index;
    if (!index) return;
    try {
      await this.caughtUp?.catch(() => undefined);
      if (this.unsaved > 0) await index.save();
    } catch (error) {
      this.deps.log.warn('Could not save the search index', { error: String(error) });
    } finally {
      await index.close();
    }
  }

  /** Starts the index once; resolves when it has caught up with the store. */
  private ready(): Promise<void> {
    if (this.caughtUp) return this.caughtUp;
    if (this.closed) return Promise.resolve();
    this.warmUp?.cancel();
    const index = (this.deps.startIndex ?? startSearchIndex)(this.deps.store.dir);
    this.index = index;
    this.progress = { done: 0, total: 0 };
    this.measured = new Promise((done) => (this.wasMeasured = done));
    this.caughtUp = this.catchUp(index)
      .catch((error: unknown) => {
        this.deps.log.warn('Could not prepare the search index', { error: String(error) });
        this.progress = null;
      })
      .finally(() => this.wasMeasured());
    return this.caughtUp;
  }

  /**
   * Indexes again what the index lacks: a contact whose count differs from the store's (messages that
   * arrived after the last save, an import undone while closed), all of them after a damaged or
   * missing file. Reads only the histories that changed; never stats every file.
   */
  private async catchUp(index: SearchIndex): Promise<void> {
    const { store, log } = this.deps;
    const loaded = await index.load();
    if (loaded.problem && loaded.problem !== 'missing')
      log.warn('Rebuilding the search index', { reason: loaded.problem });
    const counts = new Map(loaded.counts);
    const contacts = store.contacts();
    const known = new Set(contacts.map((contact) => contact.id));
    for (const contactId of counts.keys()) if (!known.has(contactId)) index.removeContact(contactId);
    const behind = contacts.filter(
      (contact) => store.activity(contact.id).messageCount !== (counts.get(contact.id) ?? 0),
    );
    const progress = {
      done: 0,
      total: behind.reduce((sum, contact) => sum + store.activity(contact.id).messageCount, 0),
    };
    this.progress = progress;
    this.wasMeasured();
    let ahead = 0;
    for (const contact of behind) {
      if (this.closed) return;
      // A message stored while the history was being read would be lost by the replace: read again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const messages = await store.allMessages(contact.id).catch(() => null);
        if (!messages) break;
        index.replaceContact(contact.id, messages.map(indexed));
        if (store.activity(contact.id).messageCount === messages.length) break;
      }
      progress.done += store.activity(contact.id).messageCount;
      this.unsaved++;
      ahead += store.activity(contact.id).messageCount;
      if (ahead >= POST_AHEAD) {
        ahead = 0;
        await index.settled();
      }
    }
    this.progress = null;
    if (this.unsaved > 0 && !this.closed) {
      this.unsaved = 0;
      await index.save();
    }
  }

  /** New, removed and forgotten messages, as the store tells them. */
  private follow(change: StoredMessagesChange): void {
    switch (change.kind) {
      case 'added':
        return this.changed((index) => index.add(change.messages.map(indexed)), change.messages.length);
      case 'removed':
        return this.changed(
          (index) => index.removeMessages(change.contactId, [...change.ids]),
          change.ids.length,
        );
      case 'forgotten':
        return this.changed((index) => index.removeContact(change.contactId), 1);
    }
  }

  private changed(apply: (index: SearchIndex) => void, count: number): void {
    const index = this.index;
    // Not started yet: the counts tell the index what it missed when it starts.
    if (!index || this.closed) return;
    apply(index);
    this.unsaved += count;
    if (this.unsaved >= SAVE_EVERY && !this.progress) {
      this.unsaved = 0;
      index
        .save()
        .catch((error: unknown) =>
          this.deps.log.warn('Could not save the search index', { error: String(error) }),
        );
    }
  }
}

function indexed(message: Message): IndexedMessage {
  return {
    id: message.id,
    contactId: message.contactId,
    at: message.at,
    direction: message.direction,
    text: message.text,
  };
}

/** Whether the workspace holds at least `count` messages, counting only until it knows. */
function atLeastMessages(store: WorkspaceStore, count: number): boolean {
  let messages = 0;
  for (const contact of store.contacts()) {
    messages += store.activity(contact.id).messageCount;
    if (messages >= count) return true;
  }
  return false;
}
