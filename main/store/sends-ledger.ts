import path from 'node:path';
import { z } from 'zod';
import {
  MessagePricing,
  MessageStatus,
  TemplateCategory,
  type Message,
  type Template,
} from '../contract/model';
import type { SentMessage } from '../domain/pricing/billed-send';
import { recipientOf } from '../domain/pricing/recipient';
import { appendDurably, readLines } from './inbox-journal';
import { rewriteDurably } from './rewrite-durably';
import { SerialQueue } from './serial-queue';
import { saveFailed } from './storage-error';
import { nodeFs, type StoreFs, type StoreLog } from './store-fs';

/**
 * The sends ledger: one line per outbound message and one per change of its status, so the Costs view
 * reads a month's sends from one small file instead of every customer's history. Guarantees:
 *   - append-only JSON Lines under `sends/`, one file per UTC month of the send (`2026-10.jsonl`); a
 *     status line goes to the file of its send, so a month is complete in its own file.
 *   - every line is fsynced before the call resolves, one writer at a time (a queue).
 *   - it is derived data: the history stays the record of what was sent. A line that could not be written
 *     is logged, never turned into a failed send; a damaged line is skipped when read.
 */
export const SENDS_DIR = 'sends';

const SendLine = z.object({
  t: z.literal('send'),
  id: z.string(),
  c: z.string(),
  at: z.number(),
  kind: z.enum(['text', 'template']),
  template: z.object({ name: z.string(), category: TemplateCategory.nullable() }).nullable(),
  status: MessageStatus,
  region: z.string().nullable(),
  lastInboundAt: z.number().nullable(),
});

const StatusLine = z.object({
  t: z.literal('status'),
  id: z.string(),
  status: MessageStatus,
  pricing: MessagePricing.nullable(),
});

const Line = z.discriminatedUnion('t', [SendLine, StatusLine]);
type SendLine = z.infer<typeof SendLine>;

const pad = (n: number) => String(n).padStart(2, '0');
/** The file of a send: its UTC month. */
const fileMonth = (at: number) => {
  const d = new Date(at);
  return `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}`;
};

export class SendsLedger {
  private readonly queue = new SerialQueue();

  private constructor(
    private readonly dir: string,
    private readonly fs: StoreFs,
    private readonly log: StoreLog,
  ) {}

  static async open(workspaceDir: string, options: { fs?: StoreFs; log: StoreLog }): Promise<SendsLedger> {
    const fs = options.fs ?? nodeFs;
    const dir = path.join(workspaceDir, SENDS_DIR);
    await fs.mkdir(dir, { recursive: true }).catch((err: unknown) => {
      throw saveFailed(dir, err);
    });
    return new SendsLedger(dir, fs, options.log);
  }

  /**
   * Records an outbound message as it was stored, with what its price depends on at that moment: the
   * template's category, the recipient's country and the window it was sent in.
   */
  recordStored(
    message: Message,
    context: { phone: string | null; lastInboundAt: number | null; templates: readonly Template[] },
  ): Promise<void> {
    if (message.direction !== 'outbound' || (message.kind !== 'text' && message.kind !== 'template')) {
      return Promise.resolve();
    }
    const { template } = message;
    const category =
      template === null
        ? null
        : (context.templates.find((t) => t.name === template.name && t.language === template.language)
            ?.category ?? null);
    return this.recordSend({
      id: message.id,
      contactId: message.contactId,
      sentAt: message.at,
      kind: message.kind,
      templateName: template?.name ?? null,
      templateCategory: category,
      status: message.status,
      pricing: message.pricing ?? null,
      region: context.phone === null ? null : recipientOf(context.phone).region,
      lastInboundAt: context.lastInboundAt,
    });
  }

  /** Records an outbound message as it was stored. */
  recordSend(send: SentMessage): Promise<void> {
    const line: SendLine = {
      t: 'send',
      id: send.id,
      c: send.contactId,
      at: send.sentAt,
      kind: send.kind,
      template:
        send.templateName === null ? null : { name: send.templateName, category: send.templateCategory },
      status: send.status,
      region: send.region,
      lastInboundAt: send.lastInboundAt,
    };
    return this.append(send.sentAt, line);
  }

  /**
   * Records an outbound message's new status and what the platform billed, in the file of its send. Nothing
   * when neither changed: platforms resend the same status, and the Costs view would show the same.
   */
  recordStatus(before: Message, after: Message): Promise<void> {
    const pricing = after.pricing ?? null;
    if (before.status === after.status && sameJson(before.pricing ?? null, pricing)) return Promise.resolve();
    return this.append(after.at, { t: 'status', id: after.id, status: after.status, pricing });
  }

  /** The sends from `from` up to `to`, each with its latest status and pricing, oldest first. */
  async between(from: number, to: number): Promise<SentMessage[]> {
    await this.queue.idle();
    const sends = new Map<string, SentMessage>();
    for (const month of monthsBetween(from, to)) {
      for (const raw of await readLines(this.fs, path.join(this.dir, `${month}.jsonl`))) {
        const line = Line.safeParse(raw);
        if (!line.success) continue;
        const { data } = line;
        if (data.t === 'send') {
          sends.set(data.id, sentOf(data));
        } else {
          const send = sends.get(data.id);
          if (send)
            sends.set(data.id, { ...send, status: data.status, pricing: data.pricing ?? send.pricing });
        }
      }
    }
    return [...sends.values()]
      .filter((s) => s.sentAt >= from && s.sentAt < to)
      .sort((a, b) => a.sentAt - b.sentAt);
  }

  /**
   * Removes a deleted contact's sends (and their status lines) from every month, each file rewritten
   * through a temp file and a rename so a crash leaves the old month or the new one, never half of one.
   * The months' totals lose those sends too: the ledger may not keep what the customer asked to remove.
   */
  forget(contactId: string): Promise<void> {
    return this.queue.run(async () => {
      for (const name of await this.fs.readdir(this.dir)) {
        if (!name.endsWith('.jsonl')) continue;
        const file = path.join(this.dir, name);
        const lines = await readLines(this.fs, file);
        const theirs = new Set(
          lines.flatMap((raw) => {
            const line = SendLine.safeParse(raw);
            return line.success && line.data.c === contactId ? [line.data.id] : [];
          }),
        );
        if (theirs.size === 0) continue;
        const kept = lines.filter((raw) => {
          const line = Line.safeParse(raw);
          return !line.success || !theirs.has(line.data.id);
        });
        await rewriteDurably(this.fs, file, kept.map((l) => JSON.stringify(l) + '\n').join(''));
      }
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private append(at: number, line: z.infer<typeof Line>): Promise<void> {
    const file = path.join(this.dir, `${fileMonth(at)}.jsonl`);
    return this.queue.run(async () => {
      try {
        await appendDurably(this.fs, file, `${JSON.stringify(line)}\n`);
      } catch (error) {
        this.log.warn('Could not record a send for the Costs view', { error: String(error) });
      }
    });
  }
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function sentOf(line: SendLine): SentMessage {
  return {
    id: line.id,
    contactId: line.c,
    sentAt: line.at,
    kind: line.kind,
    templateName: line.template?.name ?? null,
    templateCategory: line.template?.category ?? null,
    status: line.status,
    pricing: null,
    region: line.region,
    lastInboundAt: line.lastInboundAt,
  };
}

/** The UTC months (file names) that overlap [from, to). */
function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  while (cursor < to) {
    months.push(fileMonth(cursor));
    const c = new Date(cursor);
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return months;
}
