import type { WorkspaceKind } from '../contract/model';
import { clearStaging } from '../store/attachment-files';
import { openAnswerFasterFiles } from '../store/answer-faster-files';
import { openWorkspaceStore } from '../store/open-workspace';
import { openOutbox } from '../store/outbox-file';
import { openPendingDownloads } from '../store/pending-downloads-file';
import { ProviderIds } from '../store/provider-ids';
import { openReminderLog } from '../store/reminder-log';
import { openUnreadCounts } from '../store/unread-file';
import { removeWorkspace, workspaceDir } from '../store/workspace-paths';
import { seedDemoWorkspace } from './demo/seed-demo';
import { MessageSearch } from './message-search';
import type { OpenSessionDeps, SessionDeps } from './session-deps';

/** The files one workspace's session is built on, opened together (the rest of SessionDeps is the host's). */
export type SessionFiles = Pick<
  SessionDeps,
  | 'store'
  | 'reminderLog'
  | 'outbox'
  | 'providerIds'
  | 'answerFasterFiles'
  | 'unread'
  | 'search'
  | 'pendingDownloads'
>;

/**
 * Opens a workspace's files. The demo is wiped and seeded afresh each time, so it always shows every
 * window state around the current time.
 */
export async function openSessionFiles(kind: WorkspaceKind, deps: OpenSessionDeps): Promise<SessionFiles> {
  const { dataRoot, clock, log, ids } = deps;
  const dir = workspaceDir(dataRoot, kind);
  if (kind === 'demo') await removeWorkspace(dataRoot, 'demo');
  const store = await openWorkspaceStore(dir, { now: () => clock.now(), log });
  // Pieces of files dropped but never finished in the last run: nothing refers to them.
  await clearStaging(dir).catch(() => undefined);
  if (kind === 'demo') await seedDemoWorkspace(store, clock.now(), ids);
  // It follows the store's messages from here on: the demo's seeded ones are counted at its catch-up.
  const search = new MessageSearch({ store, clock, scheduler: deps.scheduler, log });
  const reminderLog = await openReminderLog(dir, { now: () => clock.now(), log });
  const outbox = await openOutbox(dir, { now: () => clock.now(), log });
  const providerIds = await ProviderIds.open(dir, { now: () => clock.now() });
  const unread = await openUnreadCounts(dir, { now: () => clock.now(), log });
  const answerFasterFiles = await openAnswerFasterFiles(dir, { now: () => clock.now(), log });
  const pendingDownloads = await openPendingDownloads(dir, { now: () => clock.now(), log });
  return { store, reminderLog, outbox, providerIds, answerFasterFiles, unread, search, pendingDownloads };
}
