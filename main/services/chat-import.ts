import { AppError } from '../contract/errors';
import {
  MAX_CHAT_EXPORT_BYTES,
  type ChatExportRequest,
  type ChatImportDone,
  type ChatImportPreview,
  type ChatImportUndone,
} from '../contract/chat-import';
import type { Contact, Message } from '../contract/model';
import { dateOrderOfLocale } from '../domain/chat-export/date-order';
import { parseChatExport } from '../domain/chat-export/parse';
import { unconsentedContact } from '../domain/new-contact';
import { numberCountry } from '../domain/phone';
import { isValidTimeZone, systemTimeZone } from '../domain/zoned-time';
import { openChatExport } from '../store/chat-export-archive';
import { MediaFolder } from '../store/media-folder';
import { nodeFs } from '../store/store-fs';
import type { WorkspaceStore } from '../store/workspace-store';
import { contactFor, guessShop, plannedMessages } from './chat-import-plan';
import { blockedBecause, readingsOf } from './chat-import-questions';
import type { IdFactory } from './ids';
import type { Clock } from './ports';

export interface ChatImportDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  defaultRegion: () => string | null;
  /** The owner's time zone: a phone's times are read in it unless the owner says otherwise. */
  timeZone: () => string;
  locale: () => string;
  /** Called after a contact gained or lost messages, or was made, so its row is pushed and watched. */
  changed: (contact: Contact) => void;
  /**
   * Deletes a contact the import made, with everything about it (reminders, queued sends), telling the
   * renderer: on undo, or when apply fails after making it.
   */
  forgetContact: (contactId: string) => Promise<void>;
}

interface Plan {
  preview: ChatImportPreview;
  contact: Contact | null;
  contactId: string;
  messages: Message[];
  media: Map<string, Uint8Array>;
}

interface AppliedImport {
  contactId: string;
  createdContact: boolean;
  messageIds: Set<string>;
  mediaFiles: string[];
}

/** Previews kept for the owner to apply: the last few, since each holds a whole file. */
const PREVIEWS_KEPT = 3;
const PROBLEMS_SHOWN = 200;
const SAMPLE = 5;

/**
 * Importing a WhatsApp chat export: preview (nothing written), apply (the contact if new, the media, then
 * every message in one append: all of it, or nothing), undo (exactly what apply added). Imported messages
 * are history only: Message.imported keeps them from opening or restarting a window (domain/activity.ts).
 * Undo is for the imports of this session: the record of what one added is kept in memory.
 */
export class ChatImportService {
  private readonly previews = new Map<string, Plan>();
  private readonly applied = new Map<string, AppliedImport>();
  private readonly media: MediaFolder;

  constructor(private readonly deps: ChatImportDeps) {
    this.media = new MediaFolder(deps.store.dir, nodeFs);
  }

  async preview(request: ChatExportRequest): Promise<ChatImportPreview> {
    const { store } = this.deps;
    const contents = this.contents(request);
    const timeZone = request.timeZone ?? this.deps.timeZone();
    if (!isValidTimeZone(timeZone)) {
      throw new AppError({
        code: 'invalid-input',
        message: `“${timeZone}” is not a time zone this computer knows.`,
      });
    }
    const preferredOrder = dateOrderOfLocale(this.deps.locale());
    const parsed = parseChatExport(contents.text, {
      timeZone,
      preferredOrder,
      ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}),
    });
    const region = this.deps.defaultRegion();
    const { participants } = parsed;
    const shop = request.shopParticipant ?? guessShop(store, participants, region, request.contactId);
    const customer = participants.find((p) => p !== shop) ?? null;
    const target =
      customer === null
        ? null
        : contactFor(store, customer, {
            region,
            ...(request.contactId === undefined ? {} : { contactId: request.contactId }),
            ...(request.phone === undefined ? {} : { phone: request.phone }),
          });
    const previewId = this.deps.ids();
    const contactId = target?.kind === 'matched' ? target.contactId : this.deps.ids();
    const planned = plannedMessages(parsed.messages, {
      contactId,
      shop: shop ?? '',
      importId: previewId,
      mediaPath: (name) => this.media.relativePath(contactId, name),
      media: contents.media,
    });
    const known =
      target?.kind === 'matched'
        ? await store.knownMessageIds(
            contactId,
            planned.messages.map((m) => m.id),
          )
        : new Set<string>();
    const fresh = planned.messages.filter((m) => !known.has(m.id));
    const problems = [...parsed.problems, ...planned.problems].sort((a, b) => a.line - b.line);
    const blocked = blockedBecause(parsed, shop, customer, target, request.dateOrder);
    const preview: ChatImportPreview = {
      previewId,
      fileName: request.fileName,
      participants,
      shopParticipant: shop,
      contact: target === null || target.kind === 'invalid-phone' ? null : target,
      timeZone,
      dateOrder: {
        order: parsed.dateOrder.order,
        ambiguous: parsed.dateOrder.ambiguous && request.dateOrder === undefined,
        readings: readingsOf(parsed, contents.text, timeZone),
      },
      counts: {
        newMessages: fresh.length,
        duplicates: known.size,
        fromCustomer: fresh.filter((m) => m.direction === 'inbound').length,
        fromShop: fresh.filter((m) => m.direction === 'outbound').length,
        notices: planned.notices,
        mediaFiles: planned.mediaNames.size,
      },
      firstAt: parsed.messages[0]?.at ?? null,
      lastAt: parsed.messages.at(-1)?.at ?? null,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      problemCount: problems.length,
      blocked,
      sample: fresh.slice(0, SAMPLE).map((m) => ({
        at: m.at,
        direction: m.direction,
        text: m.text,
        media: m.media ?? null,
      })),
    };
    const media = new Map(
      [...planned.mediaNames].map((name) => [name, contents.media.get(name) ?? new Uint8Array()]),
    );
    const contact =
      target?.kind === 'new'
        ? unconsentedContact(contactId, target.name, target.phone, this.deps.clock.now())
        : null;
    this.keep(previewId, { preview, contact, contactId, messages: fresh, media });
    return preview;
  }

  async apply(previewId: string): Promise<ChatImportDone> {
    const plan = this.previews.get(previewId);
    if (!plan) {
      throw new AppError({
        code: 'not-found',
        message: 'This preview is no longer available. Choose the file again to see a fresh preview.',
      });
    }
    if (plan.preview.blocked !== null)
      throw new AppError({ code: 'invalid-input', message: plan.preview.blocked });
    const { store } = this.deps;
    if (plan.contact && store.contactByPhone(plan.contact.phone)) {
      throw new AppError({
        code: 'conflict',
        message: `${plan.contact.phone} was saved as a contact after this preview. Choose the file again to import into it.`,
      });
    }
    this.previews.delete(previewId);
    if (plan.contact) await store.saveContact(plan.contact);
    let mediaFiles: string[] = [];
    try {
      mediaFiles = await this.media.save(plan.contactId, plan.media);
      const { added } = await store.importMessages(plan.contactId, plan.messages);
      this.applied.set(previewId, {
        contactId: plan.contactId,
        createdContact: plan.contact !== null,
        messageIds: new Set(added.map((m) => m.id)),
        mediaFiles,
      });
      this.changed(plan.contactId);
      return {
        importId: previewId,
        contactId: plan.contactId,
        added: added.length,
        duplicates: plan.preview.counts.duplicates + plan.messages.length - added.length,
        createdContact: plan.contact !== null,
      };
    } catch (err) {
      // Whole or nothing: take back the files and the contact this import made.
      await this.media.remove(mediaFiles).catch(() => undefined);
      if (plan.contact) await this.deps.forgetContact(plan.contact.id).catch(() => undefined);
      throw err;
    }
  }

  async undo(importId: string): Promise<ChatImportUndone> {
    const record = this.applied.get(importId);
    if (!record) {
      throw new AppError({
        code: 'not-found',
        message: 'This import can no longer be undone (the app was restarted, or it was undone already).',
      });
    }
    const { store } = this.deps;
    const activity = await store.removeMessages(record.contactId, record.messageIds);
    await this.media.remove(record.mediaFiles);
    this.applied.delete(importId);
    // The contact goes too when the import made it and nothing else has been said since.
    const removedContact = record.createdContact && activity.messageCount === 0;
    if (removedContact) {
      await this.deps.forgetContact(record.contactId);
    } else {
      this.changed(record.contactId);
    }
    return { importId, removedMessages: record.messageIds.size, removedContact };
  }

  private contents(request: ChatExportRequest): { text: string; media: ReadonlyMap<string, Uint8Array> } {
    if (request.text !== undefined) return { text: request.text, media: new Map() };
    const bytes = Buffer.from(request.bytesBase64 ?? '', 'base64');
    if (bytes.length > MAX_CHAT_EXPORT_BYTES) {
      throw new AppError({ code: 'invalid-input', message: 'This file is bigger than 50 MB.' });
    }
    return openChatExport(bytes);
  }

  private keep(previewId: string, plan: Plan): void {
    this.previews.set(previewId, plan);
    while (this.previews.size > PREVIEWS_KEPT) {
      const oldest = this.previews.keys().next();
      if (oldest.done === true) break;
      this.previews.delete(oldest.value);
    }
  }

  private changed(contactId: string): void {
    const contact = this.deps.store.contact(contactId);
    if (contact) this.deps.changed(contact);
  }
}

/** The service for a workspace session: the owner's zone, locale and country come from its settings. */
export function chatImportService(
  deps: Pick<ChatImportDeps, 'store' | 'clock' | 'ids' | 'changed' | 'forgetContact'> & {
    systemLocale: string;
    systemTimeZone?: string;
  },
): ChatImportService {
  const { store } = deps;
  const locale = () => store.settings().locale ?? deps.systemLocale;
  return new ChatImportService({
    ...deps,
    locale,
    defaultRegion: () => numberCountry(store.settings(), deps.systemLocale),
    timeZone: () => store.settings().timeZone ?? deps.systemTimeZone ?? systemTimeZone(),
  });
}
