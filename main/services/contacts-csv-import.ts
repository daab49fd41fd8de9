import { AppError } from '../contract/errors';
import {
  MAX_CONTACTS_CSV_BYTES,
  MAX_PREVIEW_ROWS,
  type ContactsCsvPreview,
  type ContactsCsvRequest,
  type CsvPreviewRow,
  type ImportDone,
  type ImportUndone,
} from '../contract/contacts-csv';
import type { Contact } from '../contract/model';
import { guessMapping } from '../domain/contacts-csv/columns';
import { decodeCsvBytes } from '../domain/contacts-csv/decode';
import { planContactsImport, type ImportPlan } from '../domain/contacts-csv/plan';
import { readCsvTable } from '../domain/contacts-csv/read-table';
import type { WorkspaceStore } from '../store/workspace-store';
import type { IdFactory } from './ids';
import type { Clock, Publisher } from './ports';

export interface ContactsCsvImportDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  publisher: Publisher;
  /** The owner's country, for numbers written without a country code. */
  defaultRegion: () => string | null;
  /** Called after contacts were added or changed, so the rows are pushed and watched. */
  changed: (contact: Contact) => void;
}

/** A preview is kept this long for the owner to apply; after that the file is read again. */
const PREVIEW_KEPT = 3;

/** What apply wrote, so undo can put it back: the updated contacts as they were, the added ones' ids. */
interface AppliedImport {
  readonly importId: string;
  readonly before: readonly Contact[];
  readonly written: readonly Contact[];
  readonly addedIds: ReadonlySet<string>;
}

/**
 * The contacts CSV import: preview (nothing written), apply (one write of every added and updated
 * contact, or none), undo (one write putting back what apply changed). Only the last import can be undone,
 * and only while nothing it touched has changed since: undo must never throw away the owner's later work.
 */
export class ContactsCsvImport {
  private readonly previews = new Map<string, { preview: ContactsCsvPreview; plan: ImportPlan }>();
  private last: AppliedImport | null = null;

  constructor(private readonly deps: ContactsCsvImportDeps) {}

  preview(request: ContactsCsvRequest): ContactsCsvPreview {
    const bytes = Buffer.from(request.bytesBase64, 'base64');
    if (bytes.length > MAX_CONTACTS_CSV_BYTES) {
      throw new AppError({
        code: 'invalid-input',
        message: 'This file is bigger than 5 MB: split it, or save only the columns you need.',
      });
    }
    const { text, encoding } = decodeCsvBytes(bytes);
    const table = readCsvTable(text);
    if (table.headers.length === 0) {
      throw new AppError({
        code: 'invalid-input',
        message: 'This file is empty: choose the CSV of your contact list.',
      });
    }
    const mapping = (request.mapping ?? guessMapping(table.headers)).filter(
      (m) => m.column < table.headers.length,
    );
    const defaultCountry = request.defaultCountry ?? this.deps.defaultRegion();
    const plan = planContactsImport(table, mapping, {
      existing: this.deps.store.contacts(),
      defaultCountry,
      fileName: request.fileName,
      now: this.deps.clock.now(),
    });
    const count = (kind: CsvPreviewRow['kind']) => plan.rows.filter((r) => r.kind === kind).length;
    const problemsFirst = [...plan.rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
    const preview: ContactsCsvPreview = {
      previewId: this.deps.ids(),
      fileName: request.fileName,
      encoding,
      delimiter: table.delimiter,
      headers: [...table.headers],
      mapping,
      defaultCountry,
      counts: {
        new: count('new'),
        update: count('update'),
        unchanged: count('unchanged'),
        duplicate: count('duplicate'),
        error: count('error'),
      },
      rows: problemsFirst.slice(0, MAX_PREVIEW_ROWS),
    };
    this.previews.set(preview.previewId, { preview, plan });
    while (this.previews.size > PREVIEW_KEPT) this.previews.delete(this.previews.keys().next().value ?? '');
    return preview;
  }

  async apply(previewId: string): Promise<ImportDone> {
    const kept = this.previews.get(previewId);
    if (!kept) {
      throw new AppError({
        code: 'not-found',
        message: 'This preview is no longer available: choose the file again.',
      });
    }
    const { plan } = kept;
    const { store, clock } = this.deps;
    // The preview was made against the contacts as they were then: a change since would be overwritten.
    const stale =
      plan.updated.some(({ before }) => store.contact(before.id)?.updatedAt !== before.updatedAt) ||
      plan.added.some((c) => store.contactByPhone(c.phone) !== undefined);
    if (stale) {
      throw new AppError({
        code: 'conflict',
        message: 'Your contacts changed since this preview. Nothing was imported: preview the file again.',
      });
    }
    if (plan.added.length === 0 && plan.updated.length === 0) {
      throw new AppError({
        code: 'invalid-input',
        message: 'Nothing to import: every row is already saved or has an error.',
      });
    }
    const added = plan.added.map((c): Contact => ({ ...c, id: this.deps.ids() }));
    const written = [...added, ...plan.updated.map((u) => u.after)];
    await store.saveContacts(written, []);
    this.previews.delete(previewId);
    const importId = this.deps.ids();
    this.last = {
      importId,
      before: plan.updated.map((u) => u.before),
      written,
      addedIds: new Set(added.map((c) => c.id)),
    };
    for (const contact of written) this.deps.changed(contact);
    return { importId, at: clock.now(), added: added.length, updated: plan.updated.length };
  }

  async undo(importId: string): Promise<ImportUndone> {
    const last = this.last;
    if (last?.importId !== importId) {
      throw new AppError({
        code: 'not-found',
        message: 'Only the last import can be undone, right after it.',
      });
    }
    const { store } = this.deps;
    const changedSince = last.written.filter(
      (c) =>
        store.contact(c.id)?.updatedAt !== c.updatedAt ||
        (last.addedIds.has(c.id) && store.activity(c.id).messageCount > 0),
    );
    if (changedSince.length > 0) {
      const names = changedSince
        .slice(0, 3)
        .map((c) => c.name)
        .join(', ');
      throw new AppError({
        code: 'conflict',
        message: `The import cannot be undone: ${names} changed or got messages since. Edit those contacts by hand.`,
      });
    }
    await store.saveContacts(last.before, [...last.addedIds]);
    this.last = null;
    for (const contact of last.before) this.deps.changed(contact);
    if (last.addedIds.size > 0)
      this.deps.publisher.publish('contacts:removed', { contactIds: [...last.addedIds] });
    return { importId, removed: last.addedIds.size, restored: last.before.length };
  }
}

const ORDER: CsvPreviewRow['kind'][] = ['error', 'duplicate', 'update', 'new', 'unchanged'];
const rank = (row: CsvPreviewRow): number => ORDER.indexOf(row.kind);
