import type { MessageSearch } from './message-search';
import type { AnswerFasterFiles } from '../store/answer-faster-files';
import type { Settings } from '../contract/model';
import type { Outbox } from '../store/outbox-file';
import type { UnreadCounts } from '../store/unread-file';
import type { PendingDownloads } from '../store/pending-downloads-file';
import type { ProviderIds } from '../store/provider-ids';
import type { ReminderLog } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Notifier } from './notifier';
import type { Clock, Logger, MessagingProvider, Publisher, Scheduler } from './ports';
import type { TemplateSource } from './template-sync';
import type { TemplateSubmitter } from './template-ports';
import type { MediaShell } from './media-actions';
import type { FilePicker } from './attachments';
import type { MediaSource } from './ports';

/** What one open workspace's services are built from: its files and the host's ports. */
export interface SessionDeps {
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  provider: MessagingProvider;
  log: Logger;
  ids: IdFactory;
  systemLocale: string;
  /** The computer's region (ISO 3166 alpha-2): the first default country of numbers typed without +country. */
  systemCountry?: string | null;
  /** This workspace's reminders.json, opened with the store. */
  reminderLog: ReminderLog;
  notifier: Notifier;
  /** The computer's time zone; defaults to what Intl reports (tests pin it). */
  systemTimeZone?: string;
  /** This workspace's outbox.json and provider-ids.jsonl, opened with the store. */
  outbox: Outbox;
  providerIds: ProviderIds;
  /** This workspace's quick-replies.json, auto-replies.json and scheduled-follow-ups.json. */
  answerFasterFiles: AnswerFasterFiles;
  /** 0 ≤ x < 1, the jitter of send retries; Math.random unless a test pins it. */
  random?: () => number;
  /** The connected account's templates (the Cloud API provider); absent: "not connected". */
  templateSource?: TemplateSource;
  /** Submits templates for approval and reports their status; absent: "not connected". */
  templateSubmitter?: TemplateSubmitter;
  /** The connected account's inbound media (the Cloud API provider); absent: "not connected". */
  mediaSource?: MediaSource;
  /** Opens files and links, and asks where to save (Electron's shell and dialog); absent: refused. */
  mediaShell?: MediaShell;
  /** The main process's open-file dialog, for files the owner sends; absent: only dropped files. */
  filePicker?: FilePicker;
  /** This workspace's unread.json (opened with the store); absent: counted in memory only. */
  unread?: UnreadCounts;
  /** This workspace's pending-downloads.json (opened with the store); absent: not resumed after a restart. */
  pendingDownloads?: PendingDownloads;
  /** The settings were saved (the app-wide "open at login" entry follows the real workspace's). */
  settingsSaved?: (settings: Settings) => void;
  /** The outbox stopped for a reconnect, or went again (the connection status shows it). */
  sendingHoldChanged?: () => void;
  /** Full-text search, watching the store it was opened with; absent: made on `store` (no live updates). */
  search?: MessageSearch;
}

/** What opening a workspace needs: the session's ports, and where the workspaces live. */
export type OpenSessionDeps = Omit<
  SessionDeps,
  'store' | 'reminderLog' | 'outbox' | 'providerIds' | 'answerFasterFiles' | 'search' | 'pendingDownloads'
> & {
  dataRoot: string;
};
