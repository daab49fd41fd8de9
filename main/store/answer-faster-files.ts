import type { DataProblem } from '../contract/model';
import { AUTO_REPLIES_FILE, AutoReplyShelf } from './auto-replies-file';
import { QUICK_REPLIES_FILE, QuickReplyShelf } from './quick-replies-file';
import { openInFolder, type FolderFileOptions } from './saved-in-memory';
import { SCHEDULED_FOLLOW_UPS_FILE, ScheduledFollowUpShelf } from './scheduled-follow-ups-file';

/** A workspace's quick replies, automatic replies and scheduled follow-ups: three small files. */
export interface AnswerFasterFiles {
  quickReplies: QuickReplyShelf;
  autoReplies: AutoReplyShelf;
  scheduled: ScheduledFollowUpShelf;
  problems: readonly DataProblem[];
  idle(): Promise<void>;
}

export async function openAnswerFasterFiles(
  dir: string,
  options: FolderFileOptions,
): Promise<AnswerFasterFiles> {
  const quick = await openInFolder(dir, QUICK_REPLIES_FILE, options);
  const auto = await openInFolder(dir, AUTO_REPLIES_FILE, options);
  const scheduled = await openInFolder(dir, SCHEDULED_FOLLOW_UPS_FILE, options);
  const files = {
    quickReplies: new QuickReplyShelf(quick.low),
    autoReplies: new AutoReplyShelf(auto.low),
    scheduled: new ScheduledFollowUpShelf(scheduled.low),
  };
  return {
    ...files,
    problems: [...quick.file.problems, ...auto.file.problems, ...scheduled.file.problems],
    idle: async () => {
      await Promise.all([files.quickReplies.idle(), files.autoReplies.idle(), files.scheduled.idle()]);
    },
  };
}
