import type { CareWindowApi } from '../../../main/contract/ipc';
import type { ContactRow } from '../../../main/contract/model';
import { withDefaults, type StateCell } from './app-state';
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

/**
 * Loads what the first screen needs, and reloads it when the workspace changes. A generation number
 * guards every answer: a reload, or the store stopping, makes older answers land nowhere.
 */
export class Loading {
  /** Bumped by every (re)load and by stop(), so a late answer never overwrites newer data. */
  private generation = 0;
  /** Row changes that arrive while the list is loading, applied on top of it. */
  private pendingRows: Map<string, ContactRow> | null = null;

  constructor(private readonly deps: LoadingDeps) {}

  async load(): Promise<void> {
    const { cell, api, ticker } = this.deps;
    const generation = ++this.generation;
    this.pendingRows = new Map();
    try {
      const [rows, settings, workspace, mainNow] = await Promise.all([
        api.contacts.list(),
        api.settings.get(),
        api.workspace.info(),
        api.clock.now(),
      ]);
      if (generation !== this.generation) return;
      ticker.syncTo(mainNow);
      const byId = new Map(rows.map((row) => [row.contact.id, row]));
      for (const [id, row] of this.pendingRows) byId.set(id, row);
      this.pendingRows = null;
      const state = cell.get();
      const selectedId = state.selectedId !== null && byId.has(state.selectedId) ? state.selectedId : null;
      const reopen = selectedId !== null && state.status === 'ready';
      cell.set({
        status: 'ready',
        loadError: null,
        rows: byId,
        settings: withDefaults(settings),
        workspace,
        selectedId,
        conversation: selectedId === null ? null : state.conversation,
      });
      if (reopen) this.deps.reopenConversation(selectedId);
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

  upsertRows(rows: readonly ContactRow[]): void {
    if (rows.length === 0) return;
    if (this.pendingRows !== null) for (const row of rows) this.pendingRows.set(row.contact.id, row);
    const next = new Map(this.deps.cell.get().rows);
    for (const row of rows) next.set(row.contact.id, row);
    this.deps.cell.set({ rows: next });
  }

  /** Contacts deleted in main (or an import undone): gone from the list, even from a load under way. */
  removeRows(contactIds: readonly string[]): void {
    if (contactIds.length === 0) return;
    const next = new Map(this.deps.cell.get().rows);
    for (const id of contactIds) {
      next.delete(id);
      this.pendingRows?.delete(id);
    }
    const selectedId = this.deps.cell.get().selectedId;
    const selectedGone = selectedId !== null && contactIds.includes(selectedId);
    this.deps.cell.set(selectedGone ? { rows: next, selectedId: null, conversation: null } : { rows: next });
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
