import { describe, expect, it } from 'vitest';
import type { Contact } from '../../main/contract/model';
import { guessMapping } from '../../main/domain/contacts-csv/columns';
import { parseCsvDate } from '../../main/domain/contacts-csv/csv-date';
import { decodeCsvBytes } from '../../main/domain/contacts-csv/decode';
import { planContactsImport } from '../../main/domain/contacts-csv/plan';
import { readCsvTable } from '../../main/domain/contacts-csv/read-table';
import { contactsCsv } from '../../main/domain/contacts-csv/write-csv';

const NOW = Date.parse('2026-11-24T14:20:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);

function plan(text: string, existing: Contact[] = [], defaultCountry: string | null = 'NL') {
  const table = readCsvTable(text);
  return planContactsImport(table, guessMapping(table.headers), {
    existing,
    defaultCountry,
    fileName: 'klanten.csv',
    now: NOW,
  });
}

const saved = (patch: Partial<Contact> = {}): Contact => ({
  id: 'c1',
  name: 'Maria Jansen',
  phone: '+31612345678',
  notes: '',
  fields: {},
  optIn: { status: 'none', at: null, source: null, proof: '' },
  optInHistory: [],
  optInRequestedAt: null,
  muted: false,
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  ...patch,
});

describe('reading the bytes', () => {
  it.each([
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Naam\nRené €5')]), 'utf-8 with BOM'],
    ['UTF-8 without a BOM', utf8('Naam\nRené €5'), 'utf-8'],
    // é is 0xE9 and € is 0x80 in Windows-1252: neither is valid UTF-8 on its own.
    ['Windows-1252', Uint8Array.from([...utf8('Naam\nRen'), 0xe9, 0x20, 0x80, 0x35]), 'windows-1252'],
  ])('%s', (_, bytes, encoding) => {
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe('Naam\nRené €5');
  });
});

describe('reading the table', () => {
  it('guesses ; and tab as well as , and keeps quoted delimiters and line breaks', () => {
    expect(readCsvTable('Naam;Telefoon\n"Jansen; Maria";0612345678\n').delimiter).toBe(';');
    expect(readCsvTable('Name\tPhone\nMaria\t0612345678\n').delimiter).toBe('\t');
    const table = readCsvTable('Name,Phone\r\n"Maria\nJansen",0612345678\n\nBob,0687654321');
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Maria\nJansen'],
      [5, 'Bob'],
    ]);
  });

  it.each([
    [
      ['Name', 'Phone'],
      ['name', 'phone'],
    ],
    [
      ['Naam', 'Mobiel', 'Toestemming', 'Bron'],
      ['name', 'phone', 'optInDate', 'optInSource'],
    ],
    [
      ['Name', 'Telefon', 'Einwilligung'],
      ['name', 'phone', 'optInDate'],
    ],
    [
      ['Nom', 'Téléphone', 'Consentement'],
      ['name', 'phone', 'optInDate'],
    ],
    [
      ['Nombre', 'Teléfono', 'Notas'],
      ['name', 'phone', 'notes'],
    ],
  ])('guesses the columns of %j', (headers, fields) => {
    expect(guessMapping(headers).map((m) => m.field)).toEqual(fields);
  });

  it('turns other columns into custom fields with valid names', () => {
    expect(guessMapping(['Phone', 'Ticket ID', '2nd order', ''])).toEqual([
      { column: 0, field: 'phone' },
      { column: 1, field: 'custom', key: 'Ticket_ID' },
      { column: 2, field: 'custom', key: 'nd_order' },
      { column: 3, field: 'ignore' },
    ]);
  });
});

describe('the preview', () => {
  it('reads local numbers in the default country', () => {
    const result = plan('Naam;Telefoon\nMaria;06 12345678\n');
    expect(result.added.map((c) => c.phone)).toEqual(['+31612345678']);
    expect(plan('Name,Phone\nMaria,06 12345678\n', [], null).rows[0]?.kind).toBe('error');
    expect(plan('Name,Phone\nMaria,030 1234567\n', [], 'DE').rows[0]?.kind).toBe('new');
  });

  it('reports bad rows with their line and the reason', () => {
    const result = plan(
      'Name,Phone,Opt-in date\nMaria,0612345678,2024-03-15\nNo number,,\nBad,12ab,\nLater,0687654321,2099-01-01\nOdd,0611111111,31-02-2024\n',
    );
    expect(result.rows.filter((r) => r.kind === 'error').map((r) => [r.line, r.reason])).toEqual([
      [3, 'No phone number in this row.'],
      [4, '“12ab”: A phone number holds only digits, spaces, dashes and a leading +.'],
      [5, 'The opt-in date 2099-01-01 is in the future.'],
      [6, '“31-02-2024” is not a date: write it as 2024-03-15 or 15-03-2024.'],
    ]);
    expect(result.added).toHaveLength(1);
  });

  it('finds duplicates within the file and against saved contacts', () => {
    const result = plan('Name,Phone\nMaria,0612345678\nMaria again,+31 6 12345678\nBob,0687654321\n', [
      saved({ id: 'bob', name: 'Bob', phone: '+31687654321' }),
    ]);
    expect(result.rows.map((r) => [r.line, r.kind])).toEqual([
      [2, 'new'],
      [3, 'duplicate'],
      [4, 'unchanged'],
    ]);
    expect(result.rows[1]?.reason).toBe('Same number as line 2: this row is skipped.');
  });

  it('records opt-in from the file with the file as proof, and never undoes an opt-out', () => {
    const result = plan(
      'Name,Phone,Opt-in date,Opt-in source\nMaria,0612345678,15-03-2024,winkel\nPiet,0687654321,2024-03-15,website\n',
      [
        saved({
          id: 'piet',
          name: 'Piet',
          phone: '+31687654321',
          optIn: { status: 'opted-out', at: NOW - 5000, source: 'whatsapp', proof: '' },
        }),
      ],
    );
    const [maria] = result.added;
    expect(maria?.optIn).toEqual({
      status: 'opted-in',
      at: Date.UTC(2024, 2, 15, 12),
      source: 'in-store',
      proof: 'Imported from klanten.csv (source: winkel)',
    });
    expect(maria?.optInHistory).toEqual([
      {
        at: Date.UTC(2024, 2, 15, 12),
        status: 'opted-in',
        source: 'in-store',
        by: 'owner',
        note: 'Imported from klanten.csv (source: winkel)',
      },
    ]);
    expect(result.rows[1]?.kind).toBe('unchanged');
  });

  it('updates a saved contact with what the file adds, keeping what it does not say', () => {
    const before = saved({ fields: { city: 'Utrecht' }, notes: 'Regular' });
    const result = plan('Phone,Name,Ticket\n0612345678,Maria J.,T-1\n', [before]);
    expect(result.updated).toEqual([
      {
        before,
        after: { ...before, name: 'Maria J.', fields: { city: 'Utrecht', Ticket: 'T-1' }, updatedAt: NOW },
      },
    ]);
    expect(result.rows[0]?.reason).toBe('Updates Maria Jansen: name, field Ticket.');
  });
});

describe('dates in a spreadsheet', () => {
  it.each([
    ['2024-03-15', Date.UTC(2024, 2, 15, 12)],
    ['15-03-2024', Date.UTC(2024, 2, 15, 12)],
    ['15/03/24', Date.UTC(2024, 2, 15, 12)],
    ['03/25/2024', Date.UTC(2024, 2, 25, 12)],
    ['2024-03-15T10:30:00.123Z', Date.UTC(2024, 2, 15, 10, 30, 0, 123)],
    ['tomorrow', null],
  ])('%s', (text, at) => {
    expect(parseCsvDate(text)).toBe(at);
  });
});

describe('export → import', () => {
  it('gives back the same contacts', () => {
    const contacts = [
      saved({
        name: '=Maria; "the" Jansen',
        fields: { city: 'Zürich', ticket_ID: '-12' },
        notes: 'Line one\nline two',
        optIn: {
          status: 'opted-in',
          at: Date.UTC(2025, 0, 2, 9, 15, 0, 7),
          source: 'website',
          proof: 'form',
        },
      }),
      saved({ id: 'c2', name: 'Ahmed', phone: '+32470123456' }),
    ];
    const csv = contactsCsv(contacts);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const { text } = decodeCsvBytes(utf8(csv));
    const back = plan(text, [], null);
    expect(back.rows.map((r) => r.kind)).toEqual(['new', 'new']);
    expect(
      back.added.map((c) => [c.name, c.phone, c.notes, c.fields, c.optIn.status, c.optIn.at, c.optIn.source]),
    ).toEqual(
      contacts.map((c) => [c.name, c.phone, c.notes, c.fields, c.optIn.status, c.optIn.at, c.optIn.source]),
    );
  });
});
