import type { Low } from 'lowdb';
import { z } from 'zod';
import { Id, Template, Timestamp } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { SavedInMemory } from './saved-in-memory';

export const TemplatesFile = z.object({
  schemaVersion: z.number().int().positive(),
  templates: z.array(Template),
});
export type TemplatesFile = z.infer<typeof TemplatesFile>;

export const TEMPLATES_FILE: JsonFileKind<TemplatesFile> = {
  fileName: 'templates.json',
  label: 'Your message templates',
  version: 1,
  migrations: {},
  schema: TemplatesFile,
  defaults: () => ({ schemaVersion: 1, templates: [] }),
  describe: (data) => (data.templates.length === 1 ? '1 template' : `${data.templates.length} templates`),
  emptyRecovery:
    'CareWindow started with no templates. Your contacts and messages are untouched; add your templates again.',
  backup: true,
};

/** A send waiting for the provider's answer: written before the provider is called, removed after. */
export const InFlightSend = z.object({ contactId: Id, messageId: Id, at: Timestamp });
export type InFlightSend = z.infer<typeof InFlightSend>;

/** The template last sent to a contact (name + language: the platform's identity of a template). */
export const TemplateUse = z.object({
  name: z.string().max(512),
  language: z.string().max(20),
  at: Timestamp,
});
export type TemplateUse = z.infer<typeof TemplateUse>;

export const SendLedgerFile = z.object({
  schemaVersion: z.number().int().positive(),
  inFlight: z.array(InFlightSend),
  lastTemplate: z.record(z.string(), TemplateUse),
});
export type SendLedgerFile = z.infer<typeof SendLedgerFile>;

export const SEND_LEDGER_FILE: JsonFileKind<SendLedgerFile> = {
  fileName: 'template-sends.json',
  label: 'The record of template sends in progress',
  version: 1,
  migrations: {},
  schema: SendLedgerFile,
  defaults: () => ({ schemaVersion: 1, inFlight: [], lastTemplate: {} }),
  describe: (data) =>
    `${data.inFlight.length} send(s) in progress, last templates of ${Object.keys(data.lastTemplate).length} contacts`,
  emptyRecovery:
    'Follow-ups suggest your default template until you send again. Every message and follow-up already sent is in the history as before.',
  backup: true,
};

/** The template library (templates.json). */
export class TemplateShelf {
  private readonly file: SavedInMemory<TemplatesFile>;

  constructor(low: Low<TemplatesFile>) {
    this.file = new SavedInMemory(low);
  }

  all(): readonly Template[] {
    return this.file.data.templates;
  }

  get(id: string): Template | undefined {
    return this.file.data.templates.find((t) => t.id === id);
  }

  /** `valid` must already match Template: one invalid record would make the file unreadable. */
  save(valid: Template): Promise<void> {
    return this.file.change((data) => {
      const exists = data.templates.some((t) => t.id === valid.id);
      const templates = exists
        ? data.templates.map((t) => (t.id === valid.id ? valid : t))
        : [...data.templates, valid];
      return { ...data, templates };
    });
  }

  remove(id: string): Promise<void> {
    return this.file.change((data) => ({ ...data, templates: data.templates.filter((t) => t.id !== id) }));
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}

/**
 * Template sends in progress and the last template each contact got (template-sends.json). A send is
 * recorded here before the provider is called, so a restart in between is noticed and never resent.
 */
export class SendLedger {
  private readonly file: SavedInMemory<SendLedgerFile>;

  constructor(low: Low<SendLedgerFile>) {
    this.file = new SavedInMemory(low);
  }

  inFlight(): readonly InFlightSend[] {
    return this.file.data.inFlight;
  }

  lastTemplate(contactId: string): TemplateUse | undefined {
    const { lastTemplate } = this.file.data;
    return Object.prototype.hasOwnProperty.call(lastTemplate, contactId)
      ? lastTemplate[contactId]
      : undefined;
  }

  begin(send: InFlightSend): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      inFlight: [...data.inFlight.filter((s) => s.messageId !== send.messageId), send],
    }));
  }

  /** Ends a send; `used` records the template as this contact's last one (a send that went out). */
  finish(messageId: string, used: { contactId: string; use: TemplateUse } | null): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      inFlight: data.inFlight.filter((s) => s.messageId !== messageId),
      lastTemplate: used ? { ...data.lastTemplate, [used.contactId]: used.use } : data.lastTemplate,
    }));
  }

  /** Drops a deleted contact's sends in progress and last template (twice: see ContactBook.forget). */
  async forget(contactId: string): Promise<void> {
    const without = (data: SendLedgerFile): SendLedgerFile => ({
      ...data,
      inFlight: data.inFlight.filter((s) => s.contactId !== contactId),
      lastTemplate: Object.fromEntries(Object.entries(data.lastTemplate).filter(([id]) => id !== contactId)),
    });
    await this.file.change(without);
    await this.file.change(without);
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}
