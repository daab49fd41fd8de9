import { useEffect, useSyncExternalStore } from 'react';
import type { CareWindowApi } from '../../../main/contract/ipc';
import type { QuickReply, ScheduledFollowUp } from '../../../main/contract/model';
import { useApi } from './context';

interface Snapshot {
  quickReplies: readonly QuickReply[];
  scheduled: readonly ScheduledFollowUp[];
}

/**
 * Quick replies and scheduled follow-ups as the renderer shows them: loaded once per API, then kept up
 * to date from the main process's events (and reloaded when the workspace changes). Apart from the
 * app store, so the composer, the header and the Follow-ups view read them without the store knowing.
 */
class AnswerFasterState {
  private snapshot: Snapshot = { quickReplies: [], scheduled: [] };
  private readonly listeners = new Set<() => void>();
  private started = false;

  constructor(private readonly api: CareWindowApi) {}

  readonly get = (): Snapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (this.started) return;
    this.started = true;
    this.api.on('quickReplies:changed', ({ replies }) => this.set({ quickReplies: replies }));
    this.api.on('scheduledFollowUps:changed', ({ scheduled }) => this.set({ scheduled }));
    this.api.on('workspace:changed', () => void this.load());
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [quickReplies, scheduled] = await Promise.all([
        this.api.quickReplies.list(),
        this.api.scheduledFollowUps.list(),
      ]);
      this.set({ quickReplies, scheduled });
    } catch {
      // No workspace open yet (the first start): the events fill it in when there is one.
    }
  }

  private set(patch: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}

const byApi = new WeakMap<CareWindowApi, AnswerFasterState>();

function useAnswerFaster(): Snapshot {
  const api = useApi();
  let state = byApi.get(api);
  if (!state) {
    state = new AnswerFasterState(api);
    byApi.set(api, state);
  }
  const current = state;
  useEffect(() => current.start(), [current]);
  return useSyncExternalStore(current.subscribe, current.get);
}

export function useQuickReplies(): readonly QuickReply[] {
  return useAnswerFaster().quickReplies;
}

export function useScheduledFollowUps(): readonly ScheduledFollowUp[] {
  return useAnswerFaster().scheduled;
}

export function useScheduledFor(contactId: string): ScheduledFollowUp | null {
  return useAnswerFaster().scheduled.find((s) => s.contactId === contactId) ?? null;
}
