import type { Low } from 'lowdb';
import type { ActivitySummaries } from './activity-summaries';
import type { ContactBook } from './contact-book';
import type { CostTermsShelf } from './cost-terms-file';
import type { MessageHistory } from './message-history';
import type { SendsLedger } from './sends-ledger';
import type { KeyedQueues } from './serial-queue';
import type { SendLedger, TemplateShelf } from './templates-file';
import type { SettingsFile } from './workspace-files';

/** The template library's files, as openWorkspaceStore opened them. */
export interface WorkspaceLibrary {
  shelf: TemplateShelf;
  ledger: SendLedger;
  costs: CostTermsShelf;
  sends: SendsLedger;
}

/** The contacts, settings, histories and summaries, and the per-contact queues the summaries share. */
export interface WorkspaceParts {
  book: ContactBook;
  settingsLow: Low<SettingsFile>;
  messages: MessageHistory;
  summaries: ActivitySummaries;
  perContact: KeyedQueues;
}
