import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlaceholderSource } from '../../main/contract/model';
import { fieldValue, fillTemplate, firstNameOf } from '../../main/domain/templates/fill';
import { escapeText, parseBody, renderBody, type Segment } from '../../main/domain/templates/placeholders';

const ISSUE_BODY =
  'We have a new update regarding your ticket {ticket_ID}. Please respond if you want to continue support.';

const maria = {
  name: 'Maria Jansen',
  phone: '+31612345678',
  fields: { ticket_ID: 'T-1042', order_number: '58213' },
};
const field = (name: string): PlaceholderSource => ({ kind: 'field', field: name });

function keysOf(body: string) {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.placeholders.map((p) => [p.key, p.style, p.raw, p.index]);
}

function errorOf(body: string) {
  const parsed = parseBody(body);
  if (parsed.ok) throw new Error(`expected “${body}” to be refused`);
  return parsed.error;
}

describe('parsing placeholders in both styles', () => {
  it('reads the issue’s {ticket_ID}', () => {
    expect(keysOf(ISSUE_BODY)).toEqual([['ticket_ID', 'named', '{ticket_ID}', 43]]);
  });

  it('reads the platform’s {{1}} and {{ticket_id}} next to CareWindow’s {name}', () => {
    expect(keysOf('Hi {first_name}, order {{1}} / {{ticket_id}} / {{12}}')).toEqual([
      ['first_name', 'named', '{first_name}', 3],
      ['1', 'positional', '{{1}}', 23],
      ['ticket_id', 'platform-named', '{{ticket_id}}', 31],
      ['12', 'positional', '{{12}}', 47],
    ]);
  });

  it('keeps every occurrence of a repeated placeholder', () => {
    expect(keysOf('{a} and {a} and {{a}}').map(([key]) => key)).toEqual(['a', 'a', 'a']);
  });

  it('text without braces is one text segment', () => {
    expect(parseBody('Just text, 100% plain.')).toEqual({
      ok: true,
      segments: [{ kind: 'text', text: 'Just text, 100% plain.' }],
      placeholders: [],
    });
  });
});

describe('escaping braces in normal text', () => {
  it('\\{ and \\} are plain braces, never a placeholder', () => {
    const parsed = parseBody('Use code \\{WELCOME\\} at the till');
    expect(parsed).toEqual({
      ok: true,
      segments: [{ kind: 'text', text: 'Use code {WELCOME} at the till' }],
      placeholders: [],
    });
  });

  it('\\\\ is a backslash, so \\\\{name} is a backslash followed by a placeholder', () => {
    expect(keysOf('a\\\\{name}')).toEqual([['name', 'named', '{name}', 3]]);
    const filled = fillTemplate('a\\\\{name}', { name: field('name') }, maria);
    expect(filled).toMatchObject({ ok: true, text: 'a\\Maria Jansen' });
  });

  it('a backslash before anything else stays as it is', () => {
    expect(fillTemplate('C:\\shop\\n', {}, maria)).toMatchObject({ ok: true, text: 'C:\\shop\\n' });
  });

  it.each([
    ['a lone opening brace', 'Price {5 euro', 7, /Unbalanced brace at position 7/],
    [
      'a lone closing brace',
      'Thanks for your order } see you soon',
      23,
      /closing brace at position 23 has no opening/,
    ],
    ['a smiley', 'See you :}', 10, /position 10/],
    [
      '{{ closed with one brace',
      'Order {{1} is ready',
      7,
      /Unbalanced brace at position 7: “\{\{” is never closed/,
    ],
    ['a space in a name', 'Dear {first name}', 6, /“\{first name\}” at position 6 is not a placeholder/],
    ['an empty pair', 'Hi {}', 4, /at position 4 is not a placeholder/],
    ['a number in single braces', 'Item {1}', 6, /at position 6 is not a placeholder/],
    ['triple braces', 'x {{{1}}}', 3, /Unbalanced brace at position 3/],
    ['a brace inside a placeholder', '{a{b}}', 1, /Unbalanced brace at position 1/],
    ['an unclosed one at the end', 'Ticket {ticket_ID', 8, /position 8/],
    [
      'the issue body with a missing brace',
      ISSUE_BODY.replace('ID}', 'ID'),
      44,
      /Unbalanced brace at position 44/,
    ],
  ])('refuses %s with its exact position', (_label, body, position, message) => {
    const error = errorOf(body);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(message);
    expect(error.message).toContain('\\{');
  });

  it('positions count like a JavaScript string (an emoji is two), so the caret lands on the brace', () => {
    const body = '👋 Hi {';
    expect(errorOf(body).position).toBe(body.indexOf('{') + 1);
  });
});

describe('filling', () => {
  it.each([
    ['Maria Jansen', 'Maria'],
    ['  José   de la Cruz ', 'José'],
    ['+31 6 1234 5678', null],
    ['', null],
  ])('the first name of “%s” is %s (the renderer names customers by it too)', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });

  it('fills the issue’s template from the contact’s custom field', () => {
    expect(fillTemplate(ISSUE_BODY, { ticket_ID: field('ticket_ID') }, maria)).toEqual({
      ok: true,
      text: 'We have a new update regarding your ticket T-1042. Please respond if you want to continue support.',
      parameters: [{ name: 'ticket_ID', value: 'T-1042' }],
    });
  });

  it('fills a repeated placeholder everywhere, and reports it missing once', () => {
    const body = '{ticket_ID}: update on {ticket_ID} ({{ticket_ID}})';
    expect(fillTemplate(body, { ticket_ID: field('ticket_ID') }, maria)).toMatchObject({
      ok: true,
      text: 'T-1042: update on T-1042 (T-1042)',
      parameters: [{ name: 'ticket_ID', value: 'T-1042' }],
    });
    const empty = { ...maria, fields: {} };
    expect(fillTemplate(body, { ticket_ID: field('ticket_ID') }, empty)).toEqual({
      ok: false,
      missing: [{ placeholder: '{ticket_ID}', field: 'ticket_ID' }],
      partial: body,
      broken: null,
    });
  });

  it('an unknown (unmapped) placeholder is missing with no field; a field the contact lacks names it', () => {
    const result = fillTemplate(
      'Hi {{1}}, {{2}} {{3}}',
      { '1': field('first_name'), '2': field('loyalty_id') },
      maria,
    );
    expect(result).toEqual({
      ok: false,
      missing: [
        { placeholder: '{{2}}', field: 'loyalty_id' },
        { placeholder: '{{3}}', field: null },
      ],
      partial: 'Hi Maria, {{2}} {{3}}',
      broken: null,
    });
  });

  it('sends positional values by number, named ones in order of first appearance', () => {
    const mapping = { '1': field('first_name'), '2': field('order_number') };
    expect(fillTemplate('Order {{2}} for {{1}}', mapping, maria)).toMatchObject({
      parameters: [
        { name: '1', value: 'Maria' },
        { name: '2', value: '58213' },
      ],
    });
    const named = { ticket_ID: field('ticket_ID'), first_name: field('first_name') };
    expect(fillTemplate('{ticket_ID} for {first_name}', named, maria)).toMatchObject({
      parameters: [
        { name: 'ticket_ID', value: 'T-1042' },
        { name: 'first_name', value: 'Maria' },
      ],
    });
  });

  it('fixed values fill, blank ones are missing', () => {
    expect(
      fillTemplate('At {{shop}}', { shop: { kind: 'fixed', value: 'Studio Noord' } }, maria),
    ).toMatchObject({
      ok: true,
      text: 'At Studio Noord',
    });
    expect(fillTemplate('At {{shop}}', { shop: { kind: 'fixed', value: '  ' } }, maria)).toMatchObject({
      ok: false,
      missing: [{ placeholder: '{{shop}}', field: null }],
    });
  });

  it('a value with braces is inserted as text and never read as a placeholder', () => {
    const tricky = { ...maria, fields: { ticket_ID: '{name} \\{x' } };
    expect(fillTemplate('T: {ticket_ID}', { ticket_ID: field('ticket_ID') }, tricky)).toMatchObject({
      ok: true,
      text: 'T: {name} \\{x',
    });
  });

  it('an unreadable body is reported, not filled', () => {
    expect(fillTemplate('Hi {', {}, maria)).toMatchObject({
      ok: false,
      missing: [],
      broken: { position: 4 },
    });
  });

  it.each([
    ['name', 'Maria Jansen'],
    ['first_name', 'Maria'],
    ['phone', '+31612345678'],
    ['ticket_ID', 'T-1042'],
    ['ticket_id', null],
    ['toString', null],
  ])('field %s → %s', (name, value) => {
    expect(fieldValue(maria, name)).toBe(value);
  });

  it('a name that is only a phone number is no name; values are put on one line', () => {
    const unnamed = {
      name: '+31 6 12345678',
      phone: '+31612345678',
      fields: { note: ' two\nlines\tand  gaps ' },
    };
    expect(fieldValue(unnamed, 'first_name')).toBeNull();
    expect(fieldValue(unnamed, 'name')).toBeNull();
    expect(fieldValue(unnamed, 'note')).toBe('two lines and gaps');
  });
});

describe('properties of the placeholder language', () => {
  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
  const segment: fc.Arbitrary<Segment> = fc.oneof(
    fc
      .string({ unit: fc.constantFrom('a', ' ', '{', '}', '\\', 'é', '👋', '\n', '1'), maxLength: 8 })
      .filter((t) => t !== '')
      .map((text) => ({ kind: 'text' as const, text })),
    name.map((key) => ({
      kind: 'placeholder' as const,
      placeholder: { key, style: 'named' as const, raw: '', index: 0 },
    })),
    name.map((key) => ({
      kind: 'placeholder' as const,
      placeholder: { key, style: 'platform-named' as const, raw: '', index: 0 },
    })),
    fc.integer({ min: 1, max: 99 }).map((n) => ({
      kind: 'placeholder' as const,
      placeholder: { key: String(n), style: 'positional' as const, raw: '', index: 0 },
    })),
  );

  /** Adjacent text segments merged, placeholders reduced to key + style: what a body means. */
  const meaning = (segments: readonly Segment[]) => {
    const out: (string | [string, string])[] = [];
    for (const s of segments) {
      if (s.kind === 'text') {
        const last = out.at(-1);
        if (typeof last === 'string') out[out.length - 1] = last + s.text;
        else out.push(s.text);
      } else out.push([s.placeholder.key, s.placeholder.style]);
    }
    return out;
  };

  it('rendering segments and parsing them back gives the same text and placeholders', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        const parsed = parseBody(renderBody(segments));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(meaning(parsed.segments)).toEqual(meaning(segments));
      }),
    );
  });

  it('any text, escaped, is exactly that text with no placeholder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(fillTemplate(escapeText(text), {}, maria)).toEqual({ ok: true, text, parameters: [] });
      }),
    );
  });

  it('any body either parses or names a position inside it; parsing never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '{', '}', '\\', '1', ' ', '_'), maxLength: 30 }),
        (body) => {
          const parsed = parseBody(body);
          if (!parsed.ok) {
            expect(parsed.error.position).toBeGreaterThanOrEqual(1);
            expect(parsed.error.position).toBeLessThanOrEqual(body.length);
            expect(['{', '}']).toContain(body.charAt(parsed.error.position - 1));
          }
        },
      ),
    );
  });

  it('a body with no unescaped brace always parses, with its text unchanged except escapes', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\\', '%', '$'), maxLength: 30 }),
        (body) => {
          const parsed = parseBody(body);
          expect(parsed.ok).toBe(true);
        },
      ),
    );
  });
});
