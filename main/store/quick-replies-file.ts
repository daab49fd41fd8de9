import type { Low } from 'lowdb';
import { z } from 'zod';
import { QuickReply } from '../contract/answer-faster';
import type { JsonFileKind } from './json-file-kind';
import { SavedInMemory } from './saved-in-memory';

/** Room for far more saved answers than anyone scrolls through with `/`. */
export const MAX_QUICK_REPLIES = 500;

export const QuickRepliesFile = z.object({
  schemaVersion: z.number().int().positive(),
  replies: z.array(QuickReply).max(MAX_QUICK_REPLIES),
});
export type QuickRepliesFile = z.infer<typeof QuickRepliesFile>;

export const QUICK_REPLIES_FILE: JsonFileKind<QuickRepliesFile> = {
  fileName: 'quick-replies.json',
  label: 'Your quick replies',
  version: 1,
  migrations: {},
  schema: QuickRepliesFile,
  defaults: () => ({ schemaVersion: 1, replies: [] }),
  describe: (data) => `${data.replies.length} quick replies`,
  emptyRecovery:
    'CareWindow started without your quick replies. Add them again in the settings; your contacts and messages are untouched.',
  backup: true,
};

/** quick-replies.json: the owner's saved answers, held in memory and saved whole on every change. */
export class QuickReplyShelf {
  private readonly file: SavedInMemory<QuickRepliesFile>;

  constructor(low: Low<QuickRepliesFile>) {
    this.file = new SavedInMemory(low);
  }

  list(): readonly QuickReply[] {
    return this.file.data.replies;
  }

  /** Adds the reply, or replaces the one with its id. `valid` must already match QuickReply. */
  put(valid: QuickReply): Promise<void> {
    return this.file.change((data) => {
      const at = data.replies.findIndex((r) => r.id === valid.id);
      const replies = at < 0 ? [...data.replies, valid] : data.replies.with(at, valid);
      return { ...data, replies };
    });
  }

  remove(id: string): Promise<void> {
    return this.file.change((data) => ({ ...data, replies: data.replies.filter((r) => r.id !== id) }));
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}
