import type { Outbox } from '../store/outbox-file';
import type { ProviderIds } from '../store/provider-ids';
import type { ReminderLog } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Notifier } from './notifier';
import type { Clock, Logger, MessagingProvider, Publisher, Scheduler } from './ports';
import type { TemplateSource } from './template-sync';

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
  /** This workspace's reminders.json, opened with the store. */
  reminderLog: ReminderLog;
  notifier: Notifier;
  /** The computer's time zone; defaults to what Intl reports (tests pin it). */
  systemTimeZone?: string;
  /** This workspace's outbox.json and provider-ids.jsonl, opened with the store. */
  outbox: Outbox;
  providerIds: ProviderIds;
  /** 0 ≤ x < 1, the jitter of send retries; Math.random unless a test pins it. */
  random?: () => number;
  /** The connected account's templates (the Cloud API provider); absent: "not connected". */
  templateSource?: TemplateSource;
  /** The outbox stopped for a reconnect, or went again (the connection status shows it). */
  sendingHoldChanged?: () => void;
}

/** What opening a workspace needs: the session's ports, and where the workspaces live. */
export type OpenSessionDeps = Omit<SessionDeps, 'store' | 'reminderLog' | 'outbox' | 'providerIds'> & {
  dataRoot: string;
};
