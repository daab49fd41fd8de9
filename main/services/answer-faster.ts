import type { Contact, ContactRow, Message } from '../contract/model';
import type { NoticeDraft } from '../domain/reminders/notices';
import type { AnswerFasterFiles } from '../store/answer-faster-files';
import type { WorkspaceStore } from '../store/workspace-store';
import { AutoReplyService } from './auto-replies';
import type { FollowUpService } from './follow-ups';
import type { IdFactory } from './ids';
import type { OutboxService } from './outbox';
import type { Clock, Logger, Publisher, Scheduler } from './ports';
import { QuickRepliesService } from './quick-replies';
import { ScheduledFollowUps } from './scheduled-follow-ups';
import type { SessionDeps } from './session-deps';

export interface AnswerFasterDeps {
  files: AnswerFasterFiles;
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  log: Logger;
  ids: IdFactory;
  systemTimeZone?: string;
  outbox: Pick<OutboxService, 'submit'>;
  followUps: Pick<FollowUpService, 'send'>;
  rowFor: (contact: Contact) => ContactRow;
  note: (draft: NoticeDraft) => void;
}

/** Quick replies, the greeting and away messages, and scheduled follow-ups of one open workspace. */
export class AnswerFaster {
  readonly quickReplies: QuickRepliesService;
  readonly autoReplies: AutoReplyService;
  readonly scheduled: ScheduledFollowUps;

  constructor(private readonly deps: AnswerFasterDeps) {
    const { files, store, clock, log, ids, publisher } = deps;
    this.quickReplies = new QuickRepliesService({ shelf: files.quickReplies, ids, publisher });
    this.autoReplies = new AutoReplyService({
      shelf: files.autoReplies,
      store,
      clock,
      ids,
      log,
      outbox: deps.outbox,
      rowFor: deps.rowFor,
      ...(deps.systemTimeZone ? { systemTimeZone: deps.systemTimeZone } : {}),
    });
    this.scheduled = new ScheduledFollowUps({
      shelf: files.scheduled,
      store,
      clock,
      scheduler: deps.scheduler,
      publisher,
      log,
      followUps: deps.followUps,
      rowFor: deps.rowFor,
      note: deps.note,
    });
  }

  /** A customer's message was stored (once): a scheduled follow-up may be dropped, a reply may be due. */
  received(message: Message): void {
    this.scheduled.received(message);
    this.autoReplies.received(message);
  }

  /** Resolves once the automatic replies and scheduled follow-ups under way are done (tests, closing). */
  async idle(): Promise<void> {
    await Promise.all([this.autoReplies.idle(), this.scheduled.idle()]);
    await this.deps.files.idle();
  }

  async close(): Promise<void> {
    await this.scheduled.close();
    await this.autoReplies.idle();
    await this.deps.files.idle();
  }
}

/** Builds it from a session's files, ports and services (one line in workspace-session.ts). */
export function answerFasterFor(
  deps: SessionDeps,
  session: {
    outbox: Pick<OutboxService, 'submit'>;
    followUps: Pick<FollowUpService, 'send'>;
    contacts: { rowFor: (contact: Contact) => ContactRow };
    reminders: { note: (draft: NoticeDraft) => void };
  },
): AnswerFaster {
  return new AnswerFaster({
    files: deps.answerFasterFiles,
    store: deps.store,
    clock: deps.clock,
    scheduler: deps.scheduler,
    publisher: deps.publisher,
    log: deps.log,
    ids: deps.ids,
    ...(deps.systemTimeZone ? { systemTimeZone: deps.systemTimeZone } : {}),
    outbox: session.outbox,
    followUps: session.followUps,
    rowFor: (contact) => session.contacts.rowFor(contact),
    note: (draft) => session.reminders.note(draft),
  });
}
