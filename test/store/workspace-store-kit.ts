import path from 'node:path';
import type { Message } from '../../main/contract/model';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore, type OpenWorkspaceOptions } from '../../main/store/open-workspace';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { T0 } from './store-test-kit';

/** What the workspace-store-*.test.ts files share: how a store is opened and where its files are. */

/** Stores are opened with a summary delay no test waits for, unless a test asks for the timer. */
export function open(dir: string, overrides: Partial<OpenWorkspaceOptions> = {}): Promise<WorkspaceStore> {
  return openWorkspaceStore(dir, {
    now: () => T0,
    summaryDelayMs: 60_000,
    summaryMaxDelayMs: 60_000,
    ...overrides,
  });
}

export const logOf = (dir: string, contactId: string) =>
  path.join(dir, 'messages', `${logFileStem(contactId)}.jsonl`);
export const activityFile = (dir: string) => path.join(dir, 'activity.json');

export async function appendAll(store: WorkspaceStore, messages: readonly Message[]): Promise<void> {
  for (const m of messages) await store.appendMessage(m);
}
