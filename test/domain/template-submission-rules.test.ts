import { describe, expect, it } from 'vitest';
import { TemplateSubmissionDraft, type TemplateSubmissionInput } from '../../main/contract/model';
import { checkSubmission } from '../../main/domain/templates/submission-rules';
import { previewOfSpec } from '../../main/domain/templates/template-preview';

const draft = (patch: Partial<TemplateSubmissionInput> = {}) =>
  TemplateSubmissionDraft.parse({
    name: 'order_ready',
    language: 'en',
    category: 'utility',
    body: 'Hi {{first_name}}, your order {{order_id}} is ready for pickup.',
    examples: { first_name: 'Ann', order_id: 'A-1042' },
    ...patch,
  });

const errorsOf = (patch: Partial<TemplateSubmissionInput>) => {
  const result = checkSubmission(draft(patch));
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
};

const sample = { sampleId: 's1', fileName: 'shop.jpg', mimeType: 'image/jpeg', size: 1000, received: 1000 };

describe('template submission rules (checked before submitting)', () => {
  it('accepts a well-formed named template and reads it as WhatsApp takes it', () => {
    const result = checkSubmission(
      draft({ footer: 'De Winkel', buttons: [{ type: 'quick_reply', text: 'Thanks' }] }),
    );
    expect(result).toMatchObject({
      ok: true,
      spec: {
        parameterFormat: 'named',
        body: 'Hi {{first_name}}, your order {{order_id}} is ready for pickup.',
        bodyExamples: [
          { key: 'first_name', example: 'Ann' },
          { key: 'order_id', example: 'A-1042' },
        ],
        footer: 'De Winkel',
      },
    });
  });

  it('reads {name} as {{name}} and numbers as positional', () => {
    const named = checkSubmission(
      draft({ body: 'Hi {first_name}, welcome.', examples: { first_name: 'Ann' } }),
    );
    expect(named.ok && named.spec.body).toBe('Hi {{first_name}}, welcome.');
    const positional = checkSubmission(
      draft({ body: 'Hi {{1}}, order {{2}} is ready.', examples: { 1: 'Ann', 2: '7' } }),
    );
    expect(positional.ok && positional.spec.parameterFormat).toBe('positional');
  });

  it.each([
    ['a bad name', { name: 'Order Ready' }, 'name', /lowercase letters, digits and _/],
    ['a name too long', { name: 'a'.repeat(513) }, 'name', /512/],
    ['a bad language', { language: 'english' }, 'language', /language code/],
    ['an authentication template', { category: 'authentication' as const }, 'category', /WhatsApp Manager/],
    ['an empty body', { body: '  ' }, 'body', /Write the text/],
    ['a body too long', { body: `Hi ${'x'.repeat(1030)}.`, examples: {} }, 'body', /1,024/],
    [
      'a placeholder at the start',
      { body: '{{first_name}}, your order is ready.', examples: { first_name: 'Ann' } },
      'body',
      /cannot start with a placeholder/,
    ],
    [
      'a placeholder at the end',
      { body: 'Your order is ready, {{first_name}}', examples: { first_name: 'Ann' } },
      'body',
      /cannot end with a placeholder/,
    ],
    [
      'adjacent placeholders',
      { body: 'Hi {{first_name}} {{last_name}}, ready.', examples: { first_name: 'A', last_name: 'B' } },
      'body',
      /side by side/,
    ],
    [
      'numbers with a gap',
      { body: 'Hi {{1}}, order {{3}} ready.', examples: { 1: 'A', 3: 'B' } },
      'body',
      /without gaps/,
    ],
    [
      'mixed kinds',
      { body: 'Hi {{1}}, order {{order_id}} ready.', examples: { 1: 'A', order_id: 'B' } },
      'body',
      /mixes named and numbered/,
    ],
    ['an uppercase name', { body: 'Hi {{First}}, ready.', examples: { First: 'A' } }, 'body', /lowercase/],
    [
      'a missing example',
      { examples: { first_name: 'Ann' } },
      'examples.order_id',
      /Give an example for \{\{order_id\}\}/,
    ],
    ['a header too long', { headerFormat: 'text' as const, headerText: 'x'.repeat(61) }, 'headerText', /60/],
    [
      'two header placeholders',
      { headerFormat: 'text' as const, headerText: 'For {{a}} and {{b}}' },
      'headerText',
      /one placeholder/,
    ],
    [
      'a header placeholder without example',
      { headerFormat: 'text' as const, headerText: 'Order {{order_id}}' },
      'headerExample',
      /example/,
    ],
    ['a media header without sample', { headerFormat: 'image' as const }, 'headerSample', /sample photo/],
    [
      'a sample of the wrong type',
      { headerFormat: 'video' as const, headerSample: sample },
      'headerSample',
      /MP4/,
    ],
    ['a footer too long', { footer: 'x'.repeat(61) }, 'footer', /60/],
    [
      'too many buttons',
      { buttons: Array.from({ length: 11 }, (_, i) => ({ type: 'quick_reply' as const, text: `B${i}` })) },
      'buttons',
      /at most 10/,
    ],
    [
      'three link buttons',
      {
        buttons: [1, 2, 3].map((i) => ({
          type: 'url' as const,
          text: `L${i}`,
          url: 'https://shop.nl',
          example: '',
        })),
      },
      'buttons',
      /2 link buttons/,
    ],
    [
      'quick replies between links',
      {
        buttons: [
          { type: 'quick_reply' as const, text: 'Yes' },
          { type: 'url' as const, text: 'Site', url: 'https://shop.nl', example: '' },
          { type: 'quick_reply' as const, text: 'No' },
        ],
      },
      'buttons',
      /together/,
    ],
    [
      'a button label too long',
      { buttons: [{ type: 'quick_reply' as const, text: 'x'.repeat(26) }] },
      'buttons.0.text',
      /25/,
    ],
    [
      'a URL placeholder in the middle',
      { buttons: [{ type: 'url' as const, text: 'Track', url: 'https://shop.nl/{{1}}/x', example: 'a' }] },
      'buttons.0.url',
      /very end/,
    ],
    [
      'a URL placeholder without example',
      { buttons: [{ type: 'url' as const, text: 'Track', url: 'https://shop.nl/t/{{1}}', example: '' }] },
      'buttons.0.example',
      /example/,
    ],
    [
      'a bad phone number',
      { buttons: [{ type: 'phone_number' as const, text: 'Call', phone: '020-1234' }] },
      'buttons.0.phone',
      /international/,
    ],
  ])('refuses %s', (_what, patch, field, message) => {
    expect(errorsOf(patch)[field]).toMatch(message);
  });

  it('accepts a photo header with a complete sample, and a URL ending in {{1}}', () => {
    const result = checkSubmission(
      draft({
        headerFormat: 'image',
        headerSample: sample,
        buttons: [{ type: 'url', text: 'Track', url: 'https://shop.nl/t/{{1}}', example: 'A-1042' }],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(previewOfSpec(result.spec, 'shop.jpg')).toEqual({
      header: { kind: 'image', fileName: 'shop.jpg' },
      body: 'Hi Ann, your order A-1042 is ready for pickup.',
      footer: null,
      buttons: [{ type: 'url', text: 'Track', detail: 'https://shop.nl/t/A-1042' }],
    });
  });
});
