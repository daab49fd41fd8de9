import { AppError } from '../contract/errors';
import type { Contact, MediaDownload, MediaProblem, Message, MessageMedia } from '../contract/model';
import {
  isAllowedMedia,
  isRetryableMediaProblem,
  maxMediaBytes,
  mediaProblemText,
  nextMediaAttempt,
  storedMediaName,
} from '../domain/media-rules';
import { writeMediaFile } from '../store/media-files';
import type { PendingDownloads } from '../store/pending-downloads-file';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Cancellable, Clock, Logger, MediaSource, Scheduler } from './ports';

export interface MediaDownloadsDeps {
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  log: Logger;
  /** The connected account's media (the Cloud API provider); null when none is connected. */
  source: () => MediaSource | null;
  /** A message's media changed (pushed to the renderer). */
  changed: (message: Message, contact: Contact) => void;
  /** pending-downloads.json: what the next start resumes. */
  pending: PendingDownloads;
}

/**
 * Brings inbound media files into the workspace. The message is already stored with its download
 * 'pending' (services/inbound-content.ts), so nothing is lost while the file comes or when it cannot:
 * each attempt ends in a change record on the message (done with the file, or the failure in plain
 * words). Failures that may pass (a dropped connection) are tried again automatically after growing waits
 * (domain/media-rules.ts MEDIA_RETRY_DELAYS), then the download is 'failed'; the owner can always try
 * again by hand (`conversation.retryMedia`). One attempt per message at a time. Each download is listed
 * in pending-downloads.json from its first attempt until it ends, so one left queued, under way or
 * waiting for a retry when the app quit goes on at the next start (`resume`).
 */
export class MediaDownloads {
  private readonly running = new Map<string, Promise<Message | null>>();
  private readonly timers = new Map<string, Cancellable>();
  private resuming: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: MediaDownloadsDeps) {}

  /** A message was stored: fetch its media when it has some waiting. Never throws. */
  received(message: Message): void {
    if (message.media?.download?.state !== 'pending' || !message.media.providerMediaId) return;
    this.kick(message.contactId, message.id);
  }

  /** The owner asks to try a download again now. Resolves with the message as it is afterwards. */
  async retry(contactId: string, messageId: string): Promise<Message> {
    const message = await this.deps.store.findMessage(contactId, messageId);
    if (!message?.media?.providerMediaId || !message.media.download) {
      throw new AppError({ code: 'not-found', message: 'That message has no file to download.' });
    }
    if (message.media.download.state === 'done') return message;
    this.timers.get(messageId)?.cancel();
    this.timers.delete(messageId);
    return (await this.attempt(contactId, messageId)) ?? message;
  }

  /**
   * At start: the downloads the last run left queued, under way or waiting for a retry go on, the due
   * ones now and the others at their moment. Without a connected account they stay listed rather than
   * failing for it: connecting reopens the workspace, and this runs again. Never throws.
   */
  resume(): void {
    if (!this.deps.source()) return;
    this.resuming = this.resumeListed().catch((error: unknown) => {
      this.deps.log.warn('Media downloads could not be resumed', { error: String(error) });
    });
  }

  /** Resolves once no attempt is under way (tests, closing). */
  async idle(): Promise<void> {
    await this.resuming;
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    await this.idle();
    await this.deps.pending.idle();
  }

  private async resumeListed(): Promise<void> {
    const { store, pending, clock } = this.deps;
    for (const { contactId, messageId } of [...pending.list()]) {
      if (this.closed) return;
      const message = store.contact(contactId) ? await store.findMessage(contactId, messageId) : undefined;
      const download = message?.media?.providerMediaId ? message.media.download : undefined;
      if (download?.state !== 'pending') {
        // Ended, or its contact deleted, after the entry was written: nothing left to fetch.
        await pending.remove(messageId);
        continue;
      }
      const due = download.nextAttemptAt;
      if (due !== null && due > clock.now()) this.later(contactId, messageId, due);
      else this.kick(contactId, messageId);
    }
  }

  private later(contactId: string, messageId: string, due: number): void {
    this.timers.get(messageId)?.cancel();
    this.timers.set(
      messageId,
      this.deps.scheduler.at(due, () => {
        this.timers.delete(messageId);
        if (!this.closed) this.kick(contactId, messageId);
      }),
    );
  }

  /** Read through a method: it changes while an attempt awaits. */
  private isClosed(): boolean {
    return this.closed;
  }

  private kick(contactId: string, messageId: string): void {
    this.attempt(contactId, messageId).catch((error: unknown) => {
      this.deps.log.warn('A media download could not be recorded', { error: String(error) });
    });
  }

  private attempt(contactId: string, messageId: string): Promise<Message | null> {
    const under = this.running.get(messageId);
    if (under) return under;
    const run = this.download(contactId, messageId).finally(() => this.running.delete(messageId));
    this.running.set(messageId, run);
    return run;
  }

  private async download(contactId: string, messageId: string): Promise<Message | null> {
    const { store, pending } = this.deps;
    const contact = store.contact(contactId);
    const message = contact ? await store.findMessage(contactId, messageId) : undefined;
    const media = message?.media;
    if (this.closed) return null;
    if (!contact || !message || !media?.providerMediaId || !media.download) {
      await pending.remove(messageId);
      return null;
    }
    if (media.download.state === 'done') {
      await pending.remove(messageId);
      return message;
    }
    // Listed before the first byte is asked for: a quit from here on is resumed at the next start.
    await pending.add({ contactId, messageId });
    const attempts = media.download.attempts + 1;
    const outcome = await this.fetch(message, media, media.providerMediaId);
    const next: MessageMedia = outcome.ok
      ? {
          ...media,
          file: outcome.file,
          size: outcome.size,
          mimeType: outcome.mimeType,
          download: { state: 'done', attempts, error: null, problem: null, nextAttemptAt: null },
        }
      : {
          ...media,
          size: outcome.size ?? media.size ?? null,
          download: this.failed(media, attempts, outcome),
        };
    // Closed meanwhile (the workspace switched): the store is no longer ours to write to.
    if (this.isClosed()) return null;
    const { message: changed } = await store.updateMessage(contactId, messageId, {
      status: message.status,
      media: next,
    });
    this.deps.changed(changed, contact);
    const due = next.download?.nextAttemptAt ?? null;
    if (due !== null) this.later(contactId, messageId, due);
    else await pending.remove(messageId);
    this.deps.log.info('media download', { messageId, state: next.download?.state, attempts });
    return changed;
  }

  private failed(
    media: MessageMedia,
    attempts: number,
    outcome: { problem: MediaProblem; size: number | null },
  ): MediaDownload {
    const { problem } = outcome;
    const nextAttemptAt = isRetryableMediaProblem(problem)
      ? nextMediaAttempt(attempts, this.deps.clock.now())
      : null;
    return {
      state: nextAttemptAt === null ? 'failed' : 'pending',
      attempts,
      error: mediaProblemText(problem, media.kind, outcome.size),
      problem,
      nextAttemptAt,
    };
  }

  private async fetch(
    message: Message,
    media: MessageMedia,
    mediaId: string,
  ): Promise<
    | { ok: true; file: string; size: number; mimeType: string }
    | { ok: false; problem: MediaProblem; size: number | null }
  > {
    const source = this.deps.source();
    if (!source) return { ok: false, problem: 'no-account', size: null };
    const max = maxMediaBytes(media.kind);
    const fetched = await source.fetchMedia(mediaId, ({ mimeType, size }) => {
      if (!isAllowedMedia(media.kind, mimeType)) return 'wrong-type';
      return size !== null && size > max ? 'too-large' : null;
    });
    if (!fetched.ok) return { ok: false, problem: fetched.problem, size: fetched.size };
    const name = storedMediaName(message.id, fetched.mimeType, media.fileName);
    const written = await writeMediaFile(this.deps.store.dir, message.contactId, name, fetched.body, max);
    if (!written.ok) return { ok: false, problem: written.problem, size: written.size };
    return { ok: true, file: written.file, size: written.size, mimeType: fetched.mimeType };
  }
}
