import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../main/contract/model';
import {
  checkBody,
  validateTemplateDraft,
  type TemplateContext,
} from '../../main/domain/templates/template-draft';
import { ISSUE_BODY, templateDraft } from '../support/templates';

const draft = templateDraft;

const context: TemplateContext = { knownFields: new Set(['ticket_ID', 'order_number']), others: [] };

function errorsOf(d: TemplateDraft, ctx: TemplateContext = context): Record<string, string> {
  const result = validateTemplateDraft(d, ctx);
  if (result.ok) throw new Error('expected the draft to be refused');
  return result.errors;
}

describe('a valid template', () => {
  it('is accepted as it is, trimmed', () => {
    const result = validateTemplateDraft(
      draft({ name: ' ticket_update ', header: '  ', buttons: ['OK', ' '] }),
      context,
    );
    expect(result).toEqual({
      ok: true,
      template: {
        name: 'ticket_update',
        language: 'en_US',
        category: 'utility',
        status: 'approved',
        body: ISSUE_BODY,
        header: null,
        footer: null,
        buttons: ['OK'],
        mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
      },
    });
  });

  it('maps an unmapped placeholder to the field of the same name (any case) and drops stale entries', () => {
    const result = validateTemplateDraft(
      draft({
        body: 'Hi {{first_name}}, ticket {{ticket_id}} at {{1}}'.replace(' at {{1}}', ''),
        mapping: { gone: { kind: 'fixed', value: 'x' } },
      }),
      context,
    );
    expect(result.ok && result.template.mapping).toEqual({
      first_name: { kind: 'field', field: 'first_name' },
      ticket_id: { kind: 'field', field: 'ticket_ID' },
    });
  });

  it('accepts a body of exactly 1,024 characters and escaped braces', () => {
    const body = `\\{${'x'.repeat(1020)}\\}`;
    expect(body).toHaveLength(1024);
    expect(validateTemplateDraft(draft({ body, mapping: {} }), context).ok).toBe(true);
  });
});

describe('refused at save time, with the exact position or field', () => {
  it('unbalanced braces: the position of the brace', () => {
    const errors = errorsOf(draft({ body: ISSUE_BODY.replace('{ticket_ID}', '{ticket_ID') }));
    expect(errors.body).toMatch(/^Unbalanced brace at position 44: “\{” is never closed with “\}”/);
    expect(Object.keys(errors)).toEqual(['body']);
  });

  it('a stray closing brace', () => {
    expect(errorsOf(draft({ body: 'Open until 18:00 } see you', mapping: {} })).body).toMatch(/position 18/);
  });

  it('an unknown placeholder: not mapped and no contact field of that name', () => {
    const errors = errorsOf(draft({ body: 'Hi {nickname}, {ticket_ID}' }));
    expect(errors).toEqual({
      'mapping.nickname':
        '{nickname} (position 4) is an unknown placeholder: no contact has a field “nickname”. Map it to a contact field or give it a fixed text.',
    });
  });

  it('a positional placeholder must be mapped', () => {
    expect(errorsOf(draft({ body: 'Order {{1}} is ready', mapping: {} }))['mapping.1']).toMatch(
      /^\{\{1\}\} \(position 7\) is an unknown placeholder/,
    );
  });

  it('a mapping to a deleted field (no contact has it, not built in)', () => {
    const errors = errorsOf(draft(), { knownFields: new Set(['order_number']), others: [] });
    expect(errors['mapping.ticket_ID']).toBe(
      '{ticket_ID} (position 44) maps to the field “ticket_ID”, which no contact has (it may have been deleted). Pick another field or a fixed text.',
    );
  });

  it('suggests the field with the same name in another case', () => {
    const errors = errorsOf(draft({ mapping: { ticket_ID: { kind: 'field', field: 'ticket_id' } } }));
    expect(errors['mapping.ticket_ID']).toContain('Did you mean “ticket_ID”?');
  });

  it('built-in fields are always known', () => {
    const result = validateTemplateDraft(
      draft({
        body: '{{1}} {{2}} {{3}}',
        mapping: {
          '1': { kind: 'field', field: 'name' },
          '2': { kind: 'field', field: 'first_name' },
          '3': { kind: 'field', field: 'phone' },
        },
      }),
      { knownFields: new Set(), others: [] },
    );
    expect(result.ok).toBe(true);
  });

  it('an empty fixed text', () => {
    const errors = errorsOf(draft({ mapping: { ticket_ID: { kind: 'fixed', value: '  ' } } }));
    expect(errors['mapping.ticket_ID']).toMatch(/empty fixed text/);
  });

  it('a body over the platform limit of 1,024 characters, naming where the excess starts', () => {
    const body = `${ISSUE_BODY} ${'x'.repeat(1024)}`;
    const errors = errorsOf(draft({ body }));
    expect(errors.body).toBe(
      `The text is ${body.length.toLocaleString('en-US')} characters; WhatsApp allows 1,024. Everything from position 1,025 on is over the limit: shorten it by ${(body.length - 1024).toLocaleString('en-US')}.`,
    );
  });

  it('an empty body', () => {
    expect(errorsOf(draft({ body: '   ', mapping: {} })).body).toBe('Write the text of the message.');
  });

  it.each([
    [
      'mixed numbered and named',
      'Hi {first_name}, order {{1}}',
      /\{\{1\}\} at position 24 mixes named and numbered/,
    ],
    ['a gap in the numbers', 'Order {{1}} on {{3}}', /\{\{2\}\} is missing \(\{\{3\}\} at position 16\)/],
    ['numbers not starting at 1', 'Order {{2}}', /\{\{1\}\} is missing/],
    ['a leading zero', 'Order {{01}}', /\{\{01\}\} at position 7: write numbers without leading zeros/],
    [
      'capitals in the platform style',
      'Ticket {{ticket_ID}}',
      /\{\{ticket_ID\}\} at position 8: WhatsApp’s named placeholders use lowercase/,
    ],
  ])('platform rules for placeholders: %s', (_label, body, message) => {
    expect(errorsOf(draft({ body, mapping: { '1': { kind: 'fixed', value: 'a' } } })).body).toMatch(message);
  });

  it.each([
    ['Ticket Update', 'name', /lowercase letters, digits and _/],
    ['', 'name', /Enter the template’s name/],
  ])('name “%s”', (name, key, message) => {
    expect(errorsOf(draft({ name }))[key]).toMatch(message);
  });

  it.each(['english', 'EN', 'en-US', 'nl_nl', ''])('language “%s”', (language) => {
    expect(errorsOf(draft({ language })).language).toMatch(/is not a language code: use one like en_US/);
  });

  it('a second template with the same name and language', () => {
    const errors = errorsOf(draft(), { ...context, others: [{ name: 'ticket_update', language: 'en_US' }] });
    expect(errors.name).toBe(
      'There is already a template “ticket_update” in en_US. Edit that one, or pick another name.',
    );
    expect(
      validateTemplateDraft(draft({ language: 'nl' }), {
        ...context,
        others: [{ name: 'ticket_update', language: 'en_US' }],
      }).ok,
    ).toBe(true);
  });

  it('header, footer and buttons over their limits', () => {
    const errors = errorsOf(
      draft({ header: 'h'.repeat(61), footer: 'f'.repeat(61), buttons: ['A button that is far too long'] }),
    );
    expect(errors.header).toBe('The header is 61 characters; WhatsApp allows 60.');
    expect(errors.footer).toBe('The footer is 61 characters; WhatsApp allows 60.');
    expect(errors['buttons.0']).toMatch(/Button 1 .* is 29 characters; WhatsApp allows 25/);
  });

  it('reports every field at once', () => {
    const errors = errorsOf(draft({ name: 'X', language: 'x', body: 'Hi {x' }));
    expect(Object.keys(errors).sort()).toEqual(['body', 'language', 'name']);
  });
});

describe('the body on its own (what the template form shows while the owner types)', () => {
  it.each([
    ['Hello \\{name}', 'A closing brace at position 13 has no opening brace.'],
    ['x {{1}} {1}', '“{1}” at position 9 is not a placeholder'],
    ['{{ 1 }}', '“{{ 1 }}” at position 1 is not a placeholder'],
    ['Hi {{1}}, about {ticket_ID}', 'mixes named and numbered placeholders'],
    ['', 'Write the text of the message.'],
  ])('“%s” is refused with the words a save is refused with', (body, words) => {
    const checked = checkBody(body);
    expect(checked.problem).toContain(words);
    expect(errorsOf(draft({ body, mapping: {} })).body).toBe(checked.problem);
  });

  it('lists no placeholders for a body that cannot be read, and every occurrence of one that can', () => {
    expect(checkBody('Hello \\{name}').placeholders).toBeNull();
    expect(checkBody('x {{1}} {1}').placeholders).toBeNull();
    expect(checkBody('{name}, {{ticket_id}} and {name} \\{not_one\\}').placeholders).toEqual([
      { key: 'name', style: 'named', raw: '{name}', index: 0 },
      { key: 'ticket_id', style: 'platform-named', raw: '{{ticket_id}}', index: 8 },
      { key: 'name', style: 'named', raw: '{name}', index: 26 },
    ]);
    expect(checkBody(ISSUE_BODY)).toMatchObject({ problem: null });
  });
});
