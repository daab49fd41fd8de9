import { z } from 'zod';
import { AccountStatus } from './account';
import { BackupOverview } from './backups';
import { CostTerms } from './costs';
import { QuickReply, ScheduledFollowUp } from './answer-faster';
import {
  ContactRow,
  Id,
  Message,
  NotificationCentre,
  Settings,
  Template,
  Timestamp,
  WorkspaceInfo,
} from './model';

/** Every event the main process pushes to the renderer, with the schema of its payload. */
export const events = {
  /** Rows that were added or changed (a message, an edit, a window changing state on its own). */
  'contacts:changed': z.object({ rows: z.array(ContactRow) }),
  /** Contacts deleted (or an import undone): every copy of them (the list, a search index) forgets them. */
  'contacts:removed': z.object({ contactIds: z.array(Id) }),
  /** A message was added to a conversation or its delivery status changed. */
  'conversation:message': z.object({ message: Message }),
  /** The workspace was switched or reloaded: the renderer starts over from `contacts.list`. */
  'workspace:changed': WorkspaceInfo,
  /** The account was connected or disconnected, or a webhook arrived ("last webhook received at"). */
  'account:changed': AccountStatus,
  'settings:changed': Settings,
  /** The rate card or the package allowance changed. */
  'costs:changed': CostTerms,
  'templates:changed': z.object({ templates: z.array(Template) }),
  'notifications:changed': NotificationCentre,
  /** A notification was clicked: show one conversation, or the list filtered to these contacts. */
  'app:navigate': z.object({ contactIds: z.array(Id) }),
  /** The main process's clock jumped (tests and the preview host move it; so can the OS). */
  'clock:changed': z.object({ now: Timestamp }),
  /** A backup was made, removed by the retention rule or restored, or the backup folder changed. */
  'backups:changed': BackupOverview,
  'quickReplies:changed': z.object({ replies: z.array(QuickReply) }),
  /** A follow-up was scheduled, cancelled, sent or dropped. */
  'scheduledFollowUps:changed': z.object({ scheduled: z.array(ScheduledFollowUp) }),
} as const;
