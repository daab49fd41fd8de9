import type { CareWindowApi } from '../../../main/contract/ipc';
import type { ContactRow } from '../../../main/contract/model';
import { ListIndex } from '../list/list-index';
import { withDefaults, type StateCell } from './app-state';
import { afterPaint } from './after-paint';
import { errorMessage } from './errors';
import type { Ticker } from './ticker';

export interface LoadingDeps {
  cell: StateCell;
  api: CareWindowApi;
  ticker: Ticker;
  /** Reloads the open conversation after the workspace was reloaded under it. */
  reopenConversation: (contactId: string) => void;
  /** Shows a failure once the app is on screen (before that, the whole screen says it failed). */
  reportError: (error: unknown) => void;
}

/** Rows in the first answer: a tall window's list and then some (64 px rows). */
export const FIRST_ROWS = 60;
/** Rows per chunk of the rest, streamed after the first paint. */
export const CHUNK_ROWS = 2000;

/**
 * Loads what the first screen needs, and reloads it when the workspace changes. A generation number
 * guards every answer: a reload, or the store stopping, makes older answers land nowhere. The contact
 * list comes as the counts and the first rows, then the rest in chunks once the first screen is painted
 * (`ListIndex` keeps the order and the counts right meanwhile).
 */
export class Loading {
  /** The rows in list order and the counts; `cell.rows` is always `index.rows`. */
  private index = ListIndex.empty();
  /** Bumped by every (re)load and by stop(), so a late answer never overwrites newer data. */
  private generation = 0;
  /** Row changes that arrive while the list is loading, applied on top of it. */
  private pendingRows: Map<string, ContactRow> | null = null;
  /** Contacts deleted while the list is loading, taken out of it once it arrives. */
  private pendingRemoved = new Set<string>();

  constructor(private readonly deps: LoadingDeps) {}

  async load(): Promise<void> {
    const { cell, api, ticker } = this.deps;
    const generation = ++this.generation;
    this.pendingRows = new Map();
    this.pendingRemoved = new Set();
    try {
      const [first, settings, workspace, mainNow] = await Promise.all([
        api.contacts.firstScreen({ limit: FIRST_ROWS }),
        api.settings.get(),
        api.workspace.info(),
        api.clock.now(),
      ]);
      if (generation !== this.generation) return;
      ticker.syncTo(mainNow);
      let index = ListIndex.firstScreen(first.rows, first.counts);
      // The open contact may not be among the first rows: fetched alone, so it stays open.
      const wasSelected = cell.get().selectedId;
      const kept = wasSelected === null ? null : await this.rowOf(index, wasSelected);
      if (generation !== this.generation) return;
      if (kept !== null) index = index.withRows([kept]);
      index = index.withRows([...this.pendingRows.values()]).withoutRows([...this.pendingRemoved]);
      this.pendingRows = null;
      this.index = index;
      const state = cell.get();
      const selectedId = kept !== null && index.rows.has(kept.contact.id) ? kept.contact.id : null;
      const reopen = selectedId !== null && state.status === 'ready';
      cell.set({
        status: 'ready',
        loadError: null,
        rows: index.rows,
        settings: withDefaults(settings),
        workspace,
        selectedId,
        conversation: selectedId === null ? null : state.conversation,
      });
      if (reopen) this.deps.reopenConversation(selectedId);
      if (!index.complete) afterPaint(() => void this.stream(generation));
      void this.loadExtras(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.pendingRows = null;
      if (cell.get().status === 'ready') this.deps.reportError(error);
      else cell.set({ status: 'failed', loadError: errorMessage(error) });
    }
  }

  /** Answers still on their way are dropped. */
  stop(): void {
    this.generation += 1;
  }

  /** The list in order with its counts, for the sidebar; a new object only when the rows change. */
  view(): ListIndex {
    return this.current();
  }

  upsertRows(rows: readonly ContactRow[]): void {
    if (rows.length === 0) return;
    if (this.pendingRows !== null) for (const row of rows) this.pendingRows.set(row.contact.id, row);
    this.index = this.current().withRows(rows);
    this.deps.cell.set({ rows: this.index.rows });
  }

  /**
   * Makes sure a contact's row is here before its conversation opens (a search hit or a notification
   * can name a contact whose chunk has not arrived yet).
   */
  async ensureRow(contactId: string): Promise<void> {
    if (this.current().rows.has(contactId)) return;
    const generation = this.generation;
    const row = await this.rowOf(this.current(), contactId);
    if (row !== null && generation === this.generation && !this.current().rows.has(contactId))
      this.upsertRows([row]);
  }

  /** Contacts deleted in main (or an import undone): gone from the list, even from a load under way. */
  removeRows(contactIds: readonly string[]): void {
    if (contactIds.length === 0) return;
    for (const id of contactIds) {
      this.pendingRows?.delete(id);
      if (this.pendingRows !== null) this.pendingRemoved.add(id);
    }
    this.index = this.current().withoutRows(contactIds);
    const next = this.index.rows;
    const selectedId = this.deps.cell.get().selectedId;
    const selectedGone = selectedId !== null && contactIds.includes(selectedId);
    this.deps.cell.set(selectedGone ? { rows: next, selectedId: null, conversation: null } : { rows: next });
  }

  /** The rest of the list, a chunk at a time, until the last one or a reload. */
  private async stream(generation: number): Promise<void> {
    const { cell, api } = this.deps;
    let after: string | null = null;
    try {
      for (;;) {
        const page = await api.contacts.page({ after, limit: CHUNK_ROWS });
        if (generation !== this.generation) return;
        this.index = this.current().withChunk(page.rows, page.counts, page.next === null);
        cell.set({ rows: this.index.rows });
        if (page.next === null) return;
        after = page.next;
      }
    } catch (error) {
      if (generation === this.generation) this.deps.reportError(error);
    }
  }

  /** The index, rebuilt whole if the rows were replaced from outside it. */
  private current(): ListIndex {
    const rows = this.deps.cell.get().rows;
    if (rows !== this.index.rows) this.index = ListIndex.complete([...rows.values()]);
    return this.index;
  }

  private async rowOf(index: ListIndex, contactId: string): Promise<ContactRow | null> {
    const known = index.rows.get(contactId);
    if (known !== undefined || index.complete) return known ?? null;
    try {
      return await this.deps.api.contacts.get(contactId);
    } catch {
      // Deleted meanwhile: nothing to open.
      return null;
    }
  }

  /**
   * Templates and notifications. Loaded apart from the first screen and allowed to fail: the list works
   * without them, and their events fill them in later.
   */
  private async loadExtras(generation: number): Promise<void> {
    const { cell, api } = this.deps;
    const [templates, centre] = await Promise.allSettled([api.templates.list(), api.notifications.centre()]);
    if (generation !== this.generation) return;
    if (templates.status === 'fulfilled') cell.set({ templates: templates.value });
    if (centre.status === 'fulfilled') cell.set({ notificationCentre: centre.value });
  }
}
