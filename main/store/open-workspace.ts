import path from 'node:path';
import type { Low } from 'lowdb';
import type { z } from 'zod';
import {
  Contact,
  Message,
  Settings,
  Template,
  type Activity,
  type DataProblem,
  type MessageStatus,
} from '../contract/model';
import { AppError } from '../contract/errors';
import { activityOf, withMessage } from '../domain/activity';
import { ActivitySummaries } from './activity-summaries';
import { ContactBook } from './contact-book';
import { openDurableJson, type DurableJsonOptions } from './durable-json-file';
import { logDamageReporter } from './log-damage';
import { MessageHistory } from './message-history';
import { StatusEvent } from './message-log';
import { saveFailed } from './storage-error';
import { KeyedQueues, SerialQueue } from './serial-queue';
import { nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';
import type { HistoryQuery, WorkspaceStore } from './workspace-store';
import { CONTACTS_FILE, SETTINGS_FILE, type SettingsFile } from './workspace-files';
import {
  InFlightSend,
  SEND_LEDGER_FILE,
  SendLedger,
  TEMPLATES_FILE,
  TemplateShelf,
  TemplateUse,
} from './templates-file';

export interface OpenWorkspaceOptions {
  now: () => number;
  log?: StoreLog;
  /** The file operations to use; tests pass one that fails like a full disk. */
  fs?: StoreFs;
  /** Quiet time before activity summaries are written (default 1 s). */
  summaryDelayMs?: number;
  /** Longest summaries wait under constant traffic (default 10 s). */
  summaryMaxDelayMs?: number;
  /** Parsed conversations kept in memory (default 8). */
  historyCacheSize?: number;
}

/**
 * Opens (creating if needed) one workspace folder:
 *   contacts.json, settings.json, activity.json   small lowdb files, written atomically with a .bak
 *   templates.json, template-sends.json           the template library; sends in progress + last template used
 *   messages/<contact>.jsonl                      each contact's history, append-only
 *   corrupt/                                      damaged files, kept as evidence
 * Files that could not be read are in `problems`; the workspace opens anyway with what could be saved.
 */
export async function openWorkspaceStore(
  dir: string,
  options: OpenWorkspaceOptions,
): Promise<WorkspaceStore> {
  const fs = options.fs ?? nodeFs;
  const log = options.log ?? silentLog;
  const messagesDir = path.join(dir, 'messages');
  await fs.mkdir(messagesDir, { recursive: true }).catch((err: unknown) => {
    throw saveFailed(messagesDir, err);
  });

  const problems: DataProblem[] = [];
  const report = (problem: DataProblem): void => {
    problems.push(problem);
    log.warn(`${problem.message} ${problem.recovery}`, problem);
  };
  const corruptDir = path.join(dir, 'corrupt');
  const durable: DurableJsonOptions = { fs, now: options.now, corruptDir, log };

  const contactsFile = await openDurableJson(dir, CONTACTS_FILE, durable);
  const settingsFile = await openDurableJson(dir, SETTINGS_FILE, durable);
  problems.push(...contactsFile.file.problems, ...settingsFile.file.problems);
  const contacts = new ContactBook(contactsFile.low);
  const templatesFile = await openDurableJson(dir, TEMPLATES_FILE, durable);
  const ledgerFile = await openDurableJson(dir, SEND_LEDGER_FILE, durable);
  problems.push(...templatesFile.file.problems, ...ledgerFile.file.problems);
  const templates = { shelf: new TemplateShelf(templatesFile.low), ledger: new SendLedger(ledgerFile.low) };

  const history = new MessageHistory({
    dir: messagesDir,
    fs,
    cacheSize: options.historyCacheSize ?? 8,
    reportDamage: logDamageReporter({
      corrupt: { dir: corruptDir, fs, now: options.now },
      nameOf: (id) => contacts.get(id)?.name,
      report,
    }),
  });
  const summaries = await ActivitySummaries.open({
    dir,
    contactIds: contacts.all().map((c) => c.id),
    history,
    durable,
    timing: { delayMs: options.summaryDelayMs ?? 1000, maxDelayMs: options.summaryMaxDelayMs ?? 10_000 },
  });
  problems.push(...summaries.file.problems);

  return new FileWorkspaceStore(dir, problems, contacts, settingsFile.low, history, summaries, templates);
}

class FileWorkspaceStore implements WorkspaceStore {
  private closed = false;
  /** One queue per contact: its history file and its summary change together, one operation at a time. */
  private readonly perContact = new KeyedQueues();
  private readonly settingsQueue = new SerialQueue();
  private currentSettings: Settings;

  constructor(
    readonly dir: string,
    readonly problems: DataProblem[],
    private readonly book: ContactBook,
    private readonly settingsLow: Low<SettingsFile>,
    private readonly messages: MessageHistory,
    private readonly summaries: ActivitySummaries,
    private readonly library: { shelf: TemplateShelf; ledger: SendLedger },
  ) {
    this.currentSettings = settingsLow.data.settings;
  }

  contacts(): readonly Contact[] {
    return this.book.all();
  }

  contact(id: string): Contact | undefined {
    return this.book.get(id);
  }

  contactByPhone(e164: string): Contact | undefined {
    return this.book.getByPhone(e164);
  }

  async saveContact(contact: Contact): Promise<void> {
    this.assertOpen();
    await this.book.save(validated(Contact, contact, 'this contact'));
  }

  settings(): Settings {
    return { ...this.currentSettings };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.assertOpen();
    const valid = validated(Settings, settings, 'the settings');
    return this.settingsQueue.run(async () => {
      const previous = this.settingsLow.data;
      this.settingsLow.data = { schemaVersion: previous.schemaVersion, settings: valid };
      try {
        await this.settingsLow.write();
      } catch (err) {
        this.settingsLow.data = previous;
        throw err;
      }
      this.currentSettings = valid;
    });
  }

  activity(contactId: string): Activity {
    return this.summaries.get(contactId);
  }

  async appendMessage(message: Message): Promise<Activity> {
    this.assertOpen();
    const valid = validated(Message, message, 'this message');
    return this.perContact.run(valid.contactId, async () => {
      await this.summaries.ensure(valid.contactId);
      const size = await this.messages.append(valid);
      const activity = withMessage(this.summaries.get(valid.contactId), valid);
      this.summaries.set(valid.contactId, activity, size);
      return activity;
    });
  }

  async updateMessage(
    contactId: string,
    messageId: string,
    change: { status: MessageStatus; providerId?: string | null; error?: string | null },
  ): Promise<{ message: Message; activity: Activity }> {
    this.assertOpen();
    const event = validated(StatusEvent, { t: 's', id: messageId, ...change }, 'this status change');
    return this.perContact.run(contactId, async () => {
      await this.summaries.ensure(contactId);
      const conversation = await this.messages.conversation(contactId);
      const before = conversation.find(messageId);
      if (!before) {
        throw new AppError({
          code: 'not-found',
          message: 'That message is no longer in this conversation, so its status could not be updated.',
        });
      }
      const size = await this.messages.appendStatus(contactId, event);
      const message = conversation.applyStatus(event) ?? before;
      // Only a failed outbound message counts differently in the summary (it never kept a window alive).
      const failedChanged = (before.status === 'failed') !== (message.status === 'failed');
      const current = this.summaries.get(contactId);
      const activity =
        message.direction === 'outbound' && failedChanged ? activityOf(conversation.inLogOrder()) : current;
      this.summaries.set(contactId, activity, size);
      return { message, activity };
    });
  }

  async history(contactId: string, query: HistoryQuery): Promise<{ messages: Message[]; hasMore: boolean }> {
    this.assertOpen();
    return this.perContact.run(contactId, async () =>
      (await this.messages.conversation(contactId)).page(query),
    );
  }

  async findMessage(contactId: string, messageId: string): Promise<Message | undefined> {
    this.assertOpen();
    return this.perContact.run(contactId, async () =>
      (await this.messages.conversation(contactId)).find(messageId),
    );
  }

  templates(): readonly Template[] {
    return this.library.shelf.all();
  }

  template(id: string): Template | undefined {
    return this.library.shelf.get(id);
  }

  async saveTemplate(template: Template): Promise<void> {
    this.assertOpen();
    await this.library.shelf.save(validated(Template, template, 'this template'));
  }

  async removeTemplate(id: string): Promise<void> {
    this.assertOpen();
    await this.library.shelf.remove(id);
  }

  inFlightSends(): readonly InFlightSend[] {
    return this.library.ledger.inFlight();
  }

  async beginSend(send: InFlightSend): Promise<void> {
    this.assertOpen();
    await this.library.ledger.begin(validated(InFlightSend, send, 'the record of this send'));
  }

  async finishSend(messageId: string, used: { contactId: string; use: TemplateUse } | null): Promise<void> {
    this.assertOpen();
    const use = used ? validated(TemplateUse, used.use, 'the record of this template') : null;
    await this.library.ledger.finish(messageId, used && use ? { contactId: used.contactId, use } : null);
  }

  lastTemplateUse(contactId: string): TemplateUse | undefined {
    return this.library.ledger.lastTemplate(contactId);
  }

  async flush(): Promise<void> {
    await this.perContact.idle();
    await this.summaries.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([
      this.perContact.idle(),
      this.book.idle(),
      this.settingsQueue.idle(),
      this.library.shelf.idle(),
      this.library.ledger.idle(),
    ]);
    await this.summaries.close();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new AppError({
        code: 'internal',
        message: 'This workspace was closed; open it again to continue.',
      });
    }
  }
}

/**
 * Checks what the services hand in against the schema of the file it goes to: one invalid record would
 * make the whole file unreadable at the next start.
 */
function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const detail = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid';
  throw new AppError({ code: 'invalid-input', message: `CareWindow could not save ${what} (${detail}).` });
}
