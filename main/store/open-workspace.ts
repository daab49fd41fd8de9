import path from 'node:path';
import type { DataProblem } from '../contract/model';
import { ActivitySummaries } from './activity-summaries';
import { CONTACTS_JOURNAL, ContactBook } from './contact-book';
import { journalDamage } from './journal-damage';
import { JournalFile } from './journal-file';
import { recoverContacts } from './contact-recovery';
import { COST_TERMS_FILE, CostTermsShelf } from './cost-terms-file';
import { openDurableJson, type DurableJsonOptions } from './durable-json-file';
import { FileWorkspaceStore } from './file-workspace-store';
import { logDamageReporter, newerHistoryReporter } from './log-damage';
import { MessageHistory } from './message-history';
import { SendsLedger } from './sends-ledger';
import { KeyedQueues } from './serial-queue';
import { saveFailed } from './storage-error';
import { nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';
import { realTimer, type StoreTimer } from './store-timer';
import { SEND_LEDGER_FILE, SendLedger, TEMPLATES_FILE, TemplateShelf } from './templates-file';
import type { WorkspaceStore } from './workspace-store';
import { CONTACTS_FILE, SETTINGS_FILE } from './workspace-files';

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
  /** After an unclean close, when the summaries not yet used are checked against their histories (default 3 s). */
  summaryCheckAfterMs?: number;
  /** Parsed conversations kept in memory (default 8). */
  historyCacheSize?: number;
}

/**
 * Opens (creating if needed) one workspace folder:
 *   contacts.json, settings.json, activity.json   small lowdb files, written atomically with a .bak
 *   contacts.journal.jsonl                        contact changes since contacts.json was written whole
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
  const contactsOutcome = contactsFile.file.outcome.kind;
  const contacts = await ContactBook.open(
    contactsFile.low,
    new JournalFile(path.join(dir, CONTACTS_JOURNAL), fs, contactsFile.file.path),
    {
      exists: contactsOutcome !== 'missing' && contactsOutcome !== 'emptied',
      writable: () => contactsFile.file.writable,
    },
  );
  if (contacts.damagedLines > 0) problems.push(journalDamage(contactsFile.file.path, contacts.damagedLines));
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
    // The order of each history is kept with its activity summary, opened just below.
    orderOf: (id, size) => summaries?.orderOf(id, size),
    learnOrder: (id, size, order) => summaries?.learnOrder(id, size, order),
  });
  let summaries: ActivitySummaries | undefined = undefined;
  const perContact = new KeyedQueues();
  summaries = await ActivitySummaries.open({
    dir,
    contactIds: () => contacts.all().map((c) => c.id),
    history,
    durable,
    timing: {
      delayMs: options.summaryDelayMs ?? 1000,
      maxDelayMs: options.summaryMaxDelayMs ?? 10_000,
      checkAfterMs: options.summaryCheckAfterMs ?? 3000,
    },
    timer: options.timer ?? realTimer(options.now),
    perContact,
  });
  problems.push(...summaries.file.problems);

  const parts = { book: contacts, settingsLow: settingsFile.low, messages: history, summaries, perContact };
  return new FileWorkspaceStore(dir, problems, parts, templates);
}

/** A path relative to the workspace (messages/<id>.jsonl, corrupt/…), or '' for none. */
function inside(dir: string, file: string): string {
  return file === '' ? '' : path.relative(dir, file);
}
