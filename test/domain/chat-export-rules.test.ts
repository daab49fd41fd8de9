import { describe, expect, it } from 'vitest';
import { dateOrderOfLocale } from '../../main/domain/chat-export/date-order';
import { parseChatExport } from '../../main/domain/chat-export/parse';

const parse = (text: string, dateOrder?: 'DMY' | 'MDY') =>
  parseChatExport(text, { timeZone: 'UTC', ...(dateOrder ? { dateOrder } : {}) });
const day = (at: number | undefined): string => new Date(at ?? 0).toISOString().slice(0, 10);

describe('date order, decided from the whole file', () => {
  it('is day-first as soon as one first number is above 12, however late in the file', () => {
    const lines = ['01/02/2024, 10:00 - A: a', '02/02/2024, 10:00 - B: b', '13/02/2024, 10:00 - A: c'];
    const parsed = parse(lines.join('\n'));
    expect(parsed.dateOrder.order).toBe('DMY');
    expect(day(parsed.messages[0]?.at)).toBe('2024-02-01');
  });

  it('is month-first when a second number is above 12', () => {
    expect(parse('01/02/2024, 10:00 - A: a\n01/13/2024, 10:00 - B: b').dateOrder.order).toBe('MDY');
  });

  it('follows time order when no number is above 12', () => {
    // Day-first: 1 Jan, 1 Feb, 2 Jan would go back in time; month-first: 1 Jan, 2 Jan, 1 Feb does not.
    const parsed = parse('01/01/2024, 10:00 - A: a\n01/02/2024, 10:00 - B: b\n02/01/2024, 10:00 - A: c');
    expect(parsed.dateOrder).toEqual({ order: 'MDY', ambiguous: false, readings: [] });
  });

  it('is ambiguous, offering both readings, only when nothing in the file can tell', () => {
    const text = '01/02/2024, 10:00 - A: a\n01/02/2024, 11:00 - B: b\n01/02/2024, 12:00 - A: c';
    const parsed = parse(text);
    expect(parsed.dateOrder).toEqual({ order: 'DMY', ambiguous: true, readings: ['DMY', 'MDY'] });
    expect(day(parsed.messages[0]?.at)).toBe('2024-02-01');
    const preferred = parseChatExport(text, { timeZone: 'UTC', preferredOrder: dateOrderOfLocale('en-US') });
    expect(preferred.dateOrder.readings).toEqual(['MDY', 'DMY']);
    const chosen = parse(text, 'MDY');
    expect(chosen.dateOrder.ambiguous).toBe(false);
    expect(day(chosen.messages[0]?.at)).toBe('2024-01-02');
  });

  it('reports lines that are no date in the chosen order, with their line numbers', () => {
    const parsed = parse(
      '13/01/2024, 10:00 - A: a\n01/31/2024, 10:00 - B: b\nmore of b\n14/01/2024, 10:00 - A: c',
    );
    expect(parsed.problems).toEqual([{ line: 2, reason: '“01/31/2024” is not a date when read day first.' }]);
    expect(parsed.messages.map((m) => m.text)).toEqual(['a', 'c']);
  });
});

describe('wall-clock times across daylight saving', () => {
  it('reads a time the clock skipped as after the jump, and a repeated one as the earlier', () => {
    const parsed = parseChatExport(
      '31/03/2024, 01:59 - A: a\n31/03/2024, 02:30 - B: b\n31/03/2024, 03:00 - A: c\n27/10/2024, 02:30 - B: d\n27/10/2024, 03:00 - A: e',
      { timeZone: 'Europe/Amsterdam' },
    );
    expect(parsed.messages.map((m) => new Date(m.at).toISOString())).toEqual([
      '2024-03-31T00:59:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-03-31T01:00:00.000Z',
      '2024-10-27T00:30:00.000Z',
      '2024-10-27T02:00:00.000Z',
    ]);
  });
});

describe('a line that looks like a header but is not one', () => {
  it('keeps a date line without an author inside the message when it is not a WhatsApp notice', () => {
    const parsed = parse(
      '31/12/2024, 10:00 - A: see you on\n31/12/2024, 10:00 - at the door\n31/12/2024, 10:05 - B: ok',
    );
    expect(parsed.messages[0]?.text).toBe('see you on\n31/12/2024, 10:00 - at the door');
  });

  it('reads an authorless notice in the middle of the chat as a notice', () => {
    const parsed = parse(
      '31/12/2024, 10:00 - A: hi\n31/12/2024, 10:01 - Your security code with A changed. Tap to learn more.\n31/12/2024, 10:05 - B: ok',
    );
    expect(parsed.messages[1]).toMatchObject({ author: null, system: true });
  });

  it('does not take a single pasted "Name: " line for a third participant', () => {
    const lines = [
      '31/12/2024, 10:00 - Maria: hi',
      '31/12/2024, 10:01 - Shop: hello',
      '31/12/2024, 10:02 - Maria: my old order said:',
      '31/12/2024, 10:02 - Note: bring the receipt',
      '31/12/2024, 10:03 - Shop: fine',
    ];
    const parsed = parse(lines.join('\n'));
    expect(parsed.participants).toEqual(['Maria', 'Shop']);
    expect(parsed.messages[2]?.text).toBe('my old order said:\n31/12/2024, 10:02 - Note: bring the receipt');
  });

  it('does not take a single pasted line that goes back in time for a message', () => {
    const parsed = parse(
      '31/12/2024, 10:00 - Shop: hello\n31/12/2024, 10:02 - Maria: order of\n01/06/2024, 09:00 - Note: x',
    );
    expect(parsed.messages).toHaveLength(2);
    expect(parsed.messages[1]?.text).toBe('order of\n01/06/2024, 09:00 - Note: x');
  });

  it('says so when a file is not a chat export at all, and names a stray first line', () => {
    expect(parse('name,phone\nMaria,+3161234').problems).toEqual([
      { line: 1, reason: 'This is not a WhatsApp chat export: no line starts with a date and a time.' },
      { line: 1, reason: 'Not part of any message: no date and time before it.' },
      { line: 2, reason: 'Not part of any message: no date and time before it.' },
    ]);
  });
});

describe('linear time', () => {
  /** A 10 MB export: the parser's work is counted per line, so twice the file is exactly twice the work. */
  function generated(lines: number): string {
    const out: string[] = [];
    for (let i = 0; i < lines; i++) {
      const minute = i % 60;
      const hour = Math.floor(i / 60) % 24;
      const who = i % 2 === 0 ? 'Maria 🌷' : 'Shop';
      out.push(
        i % 7 === 6
          ? 'a second line with 31/12/2024, 10:00 in it'
          : `${(Math.floor(i / 1440) % 28) + 1}/02/2024, ${hour}:${String(minute).padStart(2, '0')} - ${who}: message number ${i} with some words in it, like a real one.`,
      );
    }
    return out.join('\n');
  }

  it('reads each line once as a header, and a 10 MB file gives every message', () => {
    const small = generated(10_000);
    const big = generated(130_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(10_000_000);
    const a = parse(small);
    const b = parse(big);
    expect(a.work).toEqual({ lines: 10_000, headerReads: 10_000 });
    expect(b.work).toEqual({ lines: 130_000, headerReads: 130_000 });
    expect(b.messages).toHaveLength(130_000 - Math.floor(130_000 / 7));
    expect(b.problems).toEqual([]);
  });
});
