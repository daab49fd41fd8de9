import { QuickReplyDraft, type QuickReply } from '../contract/answer-faster';
import { AppError } from '../contract/errors';
import { MAX_QUICK_REPLIES } from '../store/quick-replies-file';
import type { QuickReplyShelf } from '../store/quick-replies-file';
import type { IdFactory } from './ids';
import type { Publisher } from './ports';

/** The owner's saved answers: listed for the `/` picker, managed in the settings. */
export class QuickRepliesService {
  constructor(private readonly deps: { shelf: QuickReplyShelf; ids: IdFactory; publisher: Publisher }) {}

  list(): QuickReply[] {
    return [...this.deps.shelf.list()];
  }

  async save(draft: QuickReplyDraft, id?: string): Promise<QuickReply> {
    const parsed = QuickReplyDraft.safeParse(draft);
    if (!parsed.success) {
      const fields = Object.fromEntries(
        parsed.error.issues.map((i) => [String(i.path[0] ?? 'text'), i.message]),
      );
      throw new AppError({
        code: 'invalid-input',
        message: Object.values(fields)[0] ?? 'Check the quick reply.',
        fields,
      });
    }
    const { shortcut, text } = parsed.data;
    const replies = this.deps.shelf.list();
    if (id !== undefined && !replies.some((r) => r.id === id))
      throw new AppError({ code: 'not-found', message: 'This quick reply no longer exists. Add it again.' });
    const clash = replies.find((r) => r.id !== id && r.shortcut.toLowerCase() === shortcut.toLowerCase());
    if (clash) {
      const message = `Another quick reply already uses /${clash.shortcut}. Choose another word.`;
      throw new AppError({ code: 'invalid-input', message, fields: { shortcut: message } });
    }
    if (id === undefined && replies.length >= MAX_QUICK_REPLIES)
      throw new AppError({
        code: 'invalid-input',
        message: `You have ${MAX_QUICK_REPLIES} quick replies, the most CareWindow keeps. Delete one first.`,
      });
    const reply: QuickReply = { id: id ?? this.deps.ids(), shortcut, text };
    await this.deps.shelf.put(reply);
    this.changed();
    return reply;
  }

  async remove(id: string): Promise<null> {
    await this.deps.shelf.remove(id);
    this.changed();
    return null;
  }

  private changed(): void {
    this.deps.publisher.publish('quickReplies:changed', { replies: this.list() });
  }
}
