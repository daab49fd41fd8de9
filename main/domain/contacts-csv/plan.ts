import type { ColumnMapping, CsvPreviewRow } from '../../contract/contacts-csv';
import type { Contact, OptIn, OptInEvent } from '../../contract/contact';
import { formatPhone } from '../phone';
import type { CsvTable } from './read-table';
import { readRow, type RowCandidate } from './row-candidate';

/** A contact the import adds: everything but its id, which the service gives it. */
export type NewContact = Omit<Contact, 'id'>;

export interface ImportPlan {
  readonly rows: readonly CsvPreviewRow[];
  readonly added: readonly NewContact[];
  /** Each updated contact as it was and as the import leaves it: undo writes `before` back. */
  readonly updated: readonly { before: Contact; after: Contact }[];
}

export interface PlanContext {
  readonly existing: readonly Contact[];
  readonly defaultCountry: string | null;
  readonly fileName: string;
  readonly now: number;
}

/**
 * What importing the table would do, row by row, without doing it: a new contact, an update of the one
 * already saved with that number, nothing (already saved as it is), a duplicate of an earlier row, or an
 * error with its reason. The first row with a number wins; later ones are reported, never merged silently.
 */
export function planContactsImport(
  table: CsvTable,
  mapping: readonly ColumnMapping[],
  context: PlanContext,
): ImportPlan {
  const byPhone = new Map(context.existing.map((c) => [c.phone, c]));
  const seen = new Map<string, number>();
  const rows: CsvPreviewRow[] = [];
  const added: NewContact[] = [];
  const updated: { before: Contact; after: Contact }[] = [];
  if (!mapping.some((m) => m.field === 'phone')) {
    return {
      rows: [
        {
          line: 1,
          kind: 'error',
          name: '',
          phone: '',
          reason: 'Choose which column holds the phone number.',
        },
      ],
      added,
      updated,
    };
  }
  for (const row of table.rows) {
    const shown = (kind: CsvPreviewRow['kind'], reason: string, name = '', phone = ''): void => {
      rows.push({ line: row.line, kind, name, phone, reason });
    };
    if (row.problem !== null) {
      shown('error', row.problem);
      continue;
    }
    const reading = readRow(row.cells, mapping, context);
    if (!reading.ok) {
      shown('error', reading.reason);
      continue;
    }
    const candidate = reading.candidate;
    const shownPhone = formatPhone(candidate.phone);
    const earlier = seen.get(candidate.phone);
    if (earlier !== undefined) {
      shown(
        'duplicate',
        `Same number as line ${earlier}: this row is skipped.`,
        candidate.name ?? '',
        shownPhone,
      );
      continue;
    }
    seen.set(candidate.phone, row.line);
    const saved = byPhone.get(candidate.phone);
    if (!saved) {
      const contact = newContact(candidate, context.now);
      added.push(contact);
      shown('new', '', contact.name, shownPhone);
      continue;
    }
    const { after, changes } = merged(saved, candidate, context.now);
    if (changes.length === 0) {
      shown('unchanged', `Already saved as ${saved.name}.`, saved.name, shownPhone);
    } else {
      updated.push({ before: saved, after });
      shown('update', `Updates ${saved.name}: ${changes.join(', ')}.`, after.name, shownPhone);
    }
  }
  return { rows, added, updated };
}

function newContact(candidate: RowCandidate, now: number): NewContact {
  const optIn = candidate.optIn ?? { status: 'none', at: null, source: null, proof: '' };
  return {
    name: candidate.name ?? formatPhone(candidate.phone),
    phone: candidate.phone,
    notes: candidate.notes ?? '',
    fields: { ...candidate.fields },
    optIn,
    optInHistory: candidate.optIn ? [consentEvent(candidate.optIn, now)] : [],
    optInRequestedAt: null,
    muted: false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The saved contact with what the row adds. A file never turns an opt-out recorded in CareWindow back
 * into an opt-in (the customer withdrew after the spreadsheet was made); it may record a withdrawal.
 */
function merged(saved: Contact, candidate: RowCandidate, now: number): { after: Contact; changes: string[] } {
  const changes: string[] = [];
  let after: Contact = saved;
  if (candidate.name !== null && candidate.name !== saved.name) {
    after = { ...after, name: candidate.name };
    changes.push('name');
  }
  if (candidate.notes !== null && candidate.notes !== saved.notes) {
    after = { ...after, notes: candidate.notes };
    changes.push('notes');
  }
  const changedFields = Object.entries(candidate.fields).filter(
    ([key, value]) => saved.fields[key] !== value,
  );
  if (changedFields.length > 0) {
    after = { ...after, fields: { ...saved.fields, ...Object.fromEntries(changedFields) } };
    changes.push(
      changedFields.length === 1 ? `field ${changedFields[0]?.[0] ?? ''}` : `${changedFields.length} fields`,
    );
  }
  const optIn = candidate.optIn;
  if (
    optIn &&
    optIn.status !== saved.optIn.status &&
    !(saved.optIn.status === 'opted-out' && optIn.status === 'opted-in')
  ) {
    after = { ...after, optIn, optInHistory: [...saved.optInHistory, consentEvent(optIn, now)] };
    changes.push(optIn.status === 'opted-in' ? 'opt-in' : 'opt-out');
  }
  return { after: changes.length === 0 ? saved : { ...after, updatedAt: now }, changes };
}

function consentEvent(optIn: OptIn, now: number): OptInEvent {
  return { at: optIn.at ?? now, status: optIn.status, source: optIn.source, by: 'owner', note: optIn.proof };
}
