import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChatExport, type ParsedChatExport } from '../../main/domain/chat-export/parse';

const AMS = 'Europe/Amsterdam';
const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../fixtures/chat-exports', name), 'utf8');
const parse = (text: string, zone = AMS): ParsedChatExport => parseChatExport(text, { timeZone: zone });
const iso = (at: number): string => new Date(at).toISOString();

describe('iOS export, day-first, BOM and marks', () => {
  const parsed = parse(fixture('ios-day-first.txt'));

  it('finds both participants exactly as printed and no problems', () => {
    expect(parsed.participants).toEqual(['Maria Jansen', 'Bloemenwinkel Oost']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.dateOrder).toEqual({ order: 'DMY', ambiguous: false, readings: [] });
  });

  it('marks the encryption notice the customer "wrote" as a notice', () => {
    expect(parsed.messages[0]).toMatchObject({ author: 'Maria Jansen', system: true, line: 1 });
    expect(parsed.messages.filter((m) => m.system)).toHaveLength(1);
  });

  it('reads times in the given zone, seconds included', () => {
    expect(iso(parsed.messages[1]?.at ?? 0)).toBe('2024-01-03T08:15:02.000Z');
    expect(iso(parseChatExport(fixture('ios-day-first.txt'), { timeZone: 'UTC' }).messages[1]?.at ?? 0)).toBe(
      '2024-01-03T09:15:02.000Z',
    );
  });

  it('keeps a following line, and one that only looks like a date, in the message', () => {
    expect(parsed.messages[2]?.text).toBe(
      'Yes, from Thursday.\nShall I keep one for you?\n13/01/2024, 10:00 works for me too',
    );
  });

  it('keeps emoji and right-to-left text, and reads attachments and placeholders', () => {
    expect(parsed.messages[1]?.text).toBe('Is the blue one back in stock? 👋🏽');
    expect(parsed.messages[3]).toMatchObject({
      text: '',
      media: { kind: 'image', fileName: '00000012-PHOTO-2024-01-13-10-05-09.jpg' },
    });
    expect(parsed.messages[4]?.text).toBe('שלום, תודה רבה');
    expect(parsed.messages[5]?.media).toEqual({ kind: 'image', fileName: null });
  });

  it('keeps an empty message', () => {
    expect(parsed.messages[6]).toMatchObject({ author: 'Maria Jansen', text: '', media: null });
    expect(parsed.messages).toHaveLength(7);
  });
});

describe('Android export, month-first 12-hour clock', () => {
  const parsed = parse(fixture('android-month-first.txt'));

  it('reads the order from the file, every meridiem form and a notice without an author', () => {
    expect(parsed.dateOrder.order).toBe('MDY');
    expect(parsed.messages[0]).toMatchObject({ author: null, system: true });
    expect(parsed.messages.map((m) => iso(m.at))).toEqual([
      '2024-12-31T22:58:00.000Z',
      '2024-12-31T22:59:00.000Z',
      '2024-12-31T23:00:00.000Z',
      '2024-12-31T23:01:00.000Z',
      '2024-12-31T23:02:00.000Z',
      '2025-01-01T12:15:00.000Z',
    ]);
  });

  it('keeps authors with odd hyphens, " - " and ZWJ sequences exactly', () => {
    expect(parsed.participants).toEqual(['+31 6\u20111234\u20115678', 'Shop - Centre']);
    expect(parsed.messages[5]?.text).toBe('👩‍👩‍👧 family photo coming');
  });

  it('reads an attached file with its caption, and a placeholder', () => {
    expect(parsed.messages[3]).toMatchObject({
      text: 'Look at this',
      media: { kind: 'image', fileName: 'IMG-20250101-WA0001.jpg' },
    });
    expect(parsed.messages[4]?.media).toEqual({ kind: 'other', fileName: null });
  });
});

describe('other variants', () => {
  it('reads Finnish dots, "klo" and mixed line endings', () => {
    const parsed = parse(fixture('finnish-klo.txt'), 'Europe/Helsinki');
    expect(parsed.participants).toEqual(['Matti', 'Kauppa']);
    expect(parsed.messages.map((m) => iso(m.at))).toEqual([
      '2024-12-31T21:59:00.000Z',
      '2024-12-31T22:01:00.000Z',
      '2024-12-31T22:02:00.000Z',
    ]);
    expect(parsed.messages[2]?.media).toEqual({ kind: 'other', fileName: null });
  });

  it('reads year-first dates with seconds and a German attachment line', () => {
    const parsed = parse(fixture('year-first.txt'), 'Europe/Berlin');
    expect(parsed.dateOrder.order).toBe('YMD');
    expect(parsed.messages[2]).toMatchObject({
      author: 'Anna',
      media: { kind: 'document', fileName: 'Rechnung.pdf' },
    });
  });

  it.each([
    ['[1/2/24, 9:05:00 AM] A: x', '2024-01-02T09:05:00.000Z'],
    ['[1/2/24, 9:05:00 PM] A: x', '2024-01-02T21:05:00.000Z'],
    ['1/2/24, 12:05 pm - A: x', '2024-01-02T12:05:00.000Z'],
    ['1/2/24, 12:05 AM - A: x', '2024-01-02T00:05:00.000Z'],
    ['1/2/24, 9:05\u00a0p.m. - A: x', '2024-01-02T21:05:00.000Z'],
    ['1/2/24, 9:05\u202fa. m. - A: x', '2024-01-02T09:05:00.000Z'],
    ['1/2/24, 9:05 p. m. - A: x', '2024-01-02T21:05:00.000Z'],
    ['1/2/24 9:05 PM - A: x', '2024-01-02T21:05:00.000Z'],
    ['\u200f1/2/24, 9:05 PM - A: x', '2024-01-02T21:05:00.000Z'],
  ])('reads %j as a month-first 12-hour header', (line, expected) => {
    const parsed = parseChatExport(`${line}\n12/31/24, 9:00 AM - A: y`, { timeZone: 'UTC' });
    expect(parsed.problems).toEqual([]);
    expect(iso(parsed.messages[0]?.at ?? 0)).toBe(expected);
  });

  it('reads "Name:" at the end of a line as an empty message', () => {
    const parsed = parse('31/12/2024, 10:00 - Maria:\n31/12/2024, 10:01 - Shop: ok');
    expect(parsed.messages[0]).toMatchObject({ author: 'Maria', text: '' });
  });

  it('reads an author name containing ": " when every message of that author starts with it', () => {
    const parsed = parse(
      '31/12/2024, 10:00 - Shop: Oost: Hello\n31/12/2024, 10:01 - Maria: Hi: there\n31/12/2024, 10:02 - Shop: Oost: Bye\n31/12/2024, 10:03 - Maria: ok',
    );
    expect(parsed.participants).toEqual(['Shop: Oost', 'Maria']);
    expect(parsed.messages[2]?.text).toBe('Bye');
  });
});
