import path from 'node:path';
import type { Low } from 'lowdb';
import { Contact, Message, Settings, Template, type Activity, type DataProblem } from '../contract/model';
import { AppError } from '../contract/errors';
import { CostTerms } from '../contract/costs';
import { COST_TERMS_FILE, CostTermsShelf } from './cost-terms-file';
import { activityOf, withMessage } from '../domain/activity';
import { ActivitySummaries } from './activity-summaries';
import { ContactBook } from './contact-book';
import { recoverContacts } from './contact-recovery';
import { openDurableJson, type DurableJsonOptions } from './durable-json-file';
import { logDamageReporter, newerHistoryReporter } from './log-damage';
import { MessageHistory } from './message-history';
import { StatusEvent } from './message-log';
import { SendsLedger } from './sends-ledger';
import { saveFailed } from './storage-error';
import { KeyedQueues, SerialQueue } from './serial-queue';
import { nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';
import { realTimer, type StoreTimer } from './store-timer';
import { validated } from './validated';
import type { SentMessage } from '../domain/pricing/billed-send';
import type { HistoryQuery, MessageChange, WorkspaceStore } from './workspace-store';
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
  /** Runs the summaries' batched write (default: real time); tests pass their fake clock. */
  timer?: StoreTimer;
  /** Parsed conversations kept in memory (default 8). */
  historyCacheSize?: number;
}

/**
 * Opens (creating if needed) one workspace folder:
 *   contacts.json, settings.json, activity.json   small lowdb files, written atomically with a .bak
 *   templates.json, template-sends.json           the template library; sends in progress + last template used
 *   rate-card.json                                the owner's rate card and package allowance
 *   sends/<yyyy-mm>.jsonl                         every send and its billing, for the Costs view
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
    // Only where: the owner's words name customers, and a log is not the place for personal data.
    log.warn('Reported a data problem', {
      file: inside(dir, problem.file),
      movedTo: inside(dir, problem.movedTo),
    });
  };
  const corruptDir = path.join(dir, 'corrupt');
  const durable: DurableJsonOptions = { fs, now: options.now, corruptDir, log };

  const contactsFile = await openDurableJson(dir, CONTACTS_FILE, durable);
  const settingsFile = await openDurableJson(dir, SETTINGS_FILE, durable);
  const contacts = new ContactBook(contactsFile.low);
  const contactProblems = await recoverContacts({
    outcome: contactsFile.file.outcome,
    problems: contactsFile.file.problems,
    file: contactsFile.file.path,
    book: contacts,
    messagesDir,
    fs,
    now: options.now,
  });
  problems.push(...contactProblems, ...settingsFile.file.problems);
  const templatesFile = await openDurableJson(dir, TEMPLATES_FILE, durable);
  const ledgerFile = await openDurableJson(dir, SEND_LEDGER_FILE, durable);
  problems.push(...templatesFile.file.problems, ...ledgerFile.file.problems);
  const costTermsFile = await openDurableJson(dir, COST_TERMS_FILE, durable);
  problems.push(...costTermsFile.file.problems);
  const templates = {
    shelf: new TemplateShelf(templatesFile.low),
    ledger: new SendLedger(ledgerFile.low),
    costs: new CostTermsShelf(costTermsFile.low),
    sends: await SendsLedger.open(dir, { fs, log }),
  };

  const nameOf = (id: string): string | undefined => contacts.get(id)?.name;
  const history = new MessageHistory({
    dir: messagesDir,
    fs,
    cacheSize: options.historyCacheSize ?? 8,
    reportDamage: logDamageReporter({ corrupt: { dir: corruptDir, fs, now: options.now }, nameOf, report }),
    reportNewer: newerHistoryReporter({ nameOf, report }),
  });
  const summaries = await ActivitySummaries.open({
    dir,
    contactIds: contacts.all().map((c) => c.id),
    history,
    durable,
    timing: { delayMs: options.summaryDelayMs ?? 1000, maxDelayMs: options.summaryMaxDelayMs ?? 10_000 },
    timer: options.timer ?? realTimer(options.now),
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
    private readonly library: {
      shelf: TemplateShelf;
      ledger: SendLedger;
      costs: CostTermsShelf;
      sends: SendsLedger;
    },
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
      const owner = this.book.get(valid.contactId);
      const size = await this.messages.append(valid, owner ? { phone: owner.phone, name: owner.name } : {});
      await this.library.sends.recordStored(valid, {
        phone: owner?.phone ?? null,
        lastInboundAt: this.summaries.get(valid.contactId).lastInboundAt,
        templates: this.library.shelf.all(),
      });
      const activity = withMessage(this.summaries.get(valid.contactId), valid);
      this.summaries.set(valid.contactId, activity, size);
      return activity;
    });
  }

  async updateMessage(
    contactId: string,
    messageId: string,
    change: MessageChange,
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
      if (message.direction === 'outbound') {
        await this.library.sends.recordStatus(
          message.at,
          message.id,
          message.status,
          message.pricing ?? null,
        );
      }
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

  sendsBetween(from: number, to: number): Promise<SentMessage[]> {
    return this.library.sends.between(from, to);
  }

  costTerms(): CostTerms {
    return this.library.costs.get();
  }

  async saveCostTerms(terms: CostTerms): Promise<void> {
    this.assertOpen();
    await this.library.costs.save(validated(CostTerms, terms, 'your rate card'));
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
      this.library.costs.idle(),
      this.library.sends.idle(),
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

/** A path relative to the workspace (messages/<id>.jsonl, corrupt/…), or '' for none. */
function inside(dir: string, file: string): string {
  return file === '' ? '' : path.relative(dir, file);
}
