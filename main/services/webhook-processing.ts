import type { InboxEntry, InboxJournal } from '../store/inbox-journal';
import type { Logger } from './ports';

/**
 * Turns one verified payload into stored events. The Cloud API provider implements it (`deliver`); it
 * resolves once every event is stored and rejects when one could not be, so the entry is kept for later.
 */
export interface PayloadSink {
  deliver(body: string): Promise<void>;
}

export interface ProcessingResult {
  processed: number;
  /** Entries left for the next run because storing their events failed. */
  left: number;
}

/**
 * The step from "verified payload in the inbox journal" to "events stored": independent of HTTP, so the
 * local receiver and (later) a hosted relay feed it alike. Entries are processed one at a time in journal
 * order and marked processed only afterwards, so a crash in between processes the entry again at the next
 * start, which is harmless (messages are deduplicated on their wamid, statuses only move forward).
 *
 * On the first entry that fails the run stops and leaves it and everything after it for the next run (the
 * next webhook or the next start): what fails is storing (a full disk), which every later entry would hit
 * too, and stopping keeps the journal's order.
 */
export class WebhookProcessing {
  private running: Promise<ProcessingResult> | null = null;
  private again = false;

  constructor(
    private readonly journal: InboxJournal,
    private readonly sink: PayloadSink,
    private readonly log: Logger,
  ) {}

  /**
   * Processes every unprocessed entry. Calls while a run is going on are folded into one more run after
   * it, so a burst of webhooks costs at most two passes, never one per webhook running side by side.
   */
  run(): Promise<ProcessingResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.loop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** For the receiver: start processing, without waiting. Failures are logged, never thrown. */
  kick(): void {
    this.run().catch((err: unknown) => {
      this.log.error('webhook processing failed', { error: err instanceof Error ? err.name : 'unknown' });
    });
  }

  private async loop(): Promise<ProcessingResult> {
    const total: ProcessingResult = { processed: 0, left: 0 };
    for (;;) {
      this.again = false;
      const result = await this.pass(this.journal.unprocessed());
      total.processed += result.processed;
      total.left = result.left;
      if (result.left > 0 || !this.calledMeanwhile()) return total;
    }
  }

  /** Whether run() was called while the last pass was going on (read through a method: it changes). */
  private calledMeanwhile(): boolean {
    return this.again;
  }

  private async pass(entries: InboxEntry[]): Promise<ProcessingResult> {
    let processed = 0;
    for (const [index, entry] of entries.entries()) {
      try {
        await this.sink.deliver(entry.body);
      } catch (err) {
        this.log.error('a webhook could not be stored; it stays in the inbox journal', {
          seq: entry.seq,
          error: err instanceof Error ? err.message : 'unknown',
        });
        return { processed, left: entries.length - index };
      }
      await this.journal.markProcessed(entry.seq);
      processed++;
    }
    return { processed, left: 0 };
  }
}
