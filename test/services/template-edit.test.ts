import { describe, expect, it } from 'vitest';
import type { TemplateDraft } from '../../main/contract/model';
import { buttonMappingKey } from '../../main/domain/templates/send-parts';
import { platformTemplate } from '../support/templates';
import { T0 } from './harness';
import { HOUR, ScriptedProvider, useSessions } from './outbox-kit';

/**
 * Editing a template the owner submitted from CareWindow, in the template form, which shows neither the
 * photo header nor the buttons' kinds: saving must not lose them, or the next send goes out without its
 * photo and without the order number in the button's web address.
 */

const sessions = useSessions();

const SUFFIX = buttonMappingKey(0);

const submitted = platformTemplate(T0 - 10 * HOUR, {
  buttons: ['Track order', 'Yes'],
  mapping: {
    '1': { kind: 'field', field: 'first_name' },
    [SUFFIX]: { kind: 'field', field: 'order_id' },
  },
  remoteId: '1234567890',
  submittedAt: T0 - 10 * HOUR,
  headerMedia: {
    kind: 'image',
    sample: 'template-samples/tpl-1.jpg',
    fileName: 'bike.jpg',
    mimeType: 'image/jpeg',
  },
  buttonSpecs: [
    { type: 'url', text: 'Track order', url: 'https://shop.example/orders/{{1}}', example: 'A1' },
    { type: 'quick_reply', text: 'Yes' },
  ],
  examples: { '1': 'Ann' },
});

/** What the template form sends for it: the text parts and the body's mapping only. */
const formDraft = (patch: Partial<TemplateDraft> = {}): TemplateDraft => ({
  name: submitted.name,
  language: submitted.language,
  category: submitted.category,
  status: submitted.status,
  body: 'Hi {{1}}, your order is ready to collect.',
  header: null,
  footer: submitted.footer,
  buttons: submitted.buttons,
  mapping: { '1': { kind: 'field', field: 'first_name' } },
  ...patch,
});

async function withSubmitted() {
  const { session } = await sessions.start(new ScriptedProvider());
  await session.store.saveTemplate(submitted);
  return session;
}

describe('editing a submitted template', () => {
  it('keeps its photo header, button kinds, URL suffix source and submission when the form saves it', async () => {
    const session = await withSubmitted();

    const saved = await session.templates.save(formDraft(), 'tpl-1');

    const stored = session.store.template('tpl-1');
    expect(stored).toEqual(saved);
    expect(stored).toMatchObject({
      body: 'Hi {{1}}, your order is ready to collect.',
      headerMedia: submitted.headerMedia,
      buttonSpecs: submitted.buttonSpecs,
      mapping: submitted.mapping,
      remoteId: '1234567890',
      submittedAt: T0 - 10 * HOUR,
      examples: { '1': 'Ann' },
    });
  });

  it('drops the photo when a text header replaces it, and the kinds when the button labels change', async () => {
    const session = await withSubmitted();

    const saved = await session.templates.save(
      formDraft({ header: 'Your order', buttons: ['Track it', 'Yes'] }),
      'tpl-1',
    );

    expect(saved.header).toBe('Your order');
    expect(saved.headerMedia).toBeUndefined();
    expect(saved.buttonSpecs).toBeUndefined();
    expect(saved.mapping).toEqual({ '1': { kind: 'field', field: 'first_name' } });
    expect(saved.remoteId).toBe('1234567890');
  });
});
