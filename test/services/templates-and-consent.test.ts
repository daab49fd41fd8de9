import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../../main/domain/consent-keywords';
import { DEMO_TEMPLATE_DRAFTS } from '../../main/services/demo/demo-templates';
import { settle } from './harness';
import {
  closedWindowCustomer,
  contactDraft,
  HOUR,
  ISSUE_BODY,
  rejection,
  templateDraft,
  useApps,
  viaSimulator,
} from './follow-up-kit';

const apps = useApps();

describe('the template library', () => {
  it('saves a template, pushes the list, and keeps it across a restart in a versioned file', async () => {
    const dir = await apps.tempDir();
    const h = await apps.real(dir);
    await h.app.handlers.contacts.create(contactDraft());
    const saved = await h.app.handlers.templates.save(templateDraft());
    expect(saved).toMatchObject({
      name: 'ticket_update',
      language: 'en_US',
      mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
      createdAt: h.clock.now(),
    });
    expect(h.publisher.of('templates:changed').at(-1)).toEqual({ templates: [saved] });

    h.clock.advance(HOUR);
    const edited = await h.app.handlers.templates.save(templateDraft({ status: 'paused' }), saved.id);
    expect(edited).toMatchObject({
      id: saved.id,
      status: 'paused',
      createdAt: saved.createdAt,
      updatedAt: h.clock.now(),
    });

    await h.app.close();
    apps.forget(h.app);
    const file = JSON.parse(
      await readFile(path.join(dir, 'workspaces', 'real', 'templates.json'), 'utf8'),
    ) as unknown;
    expect(file).toMatchObject({ schemaVersion: 1, templates: [{ id: saved.id, status: 'paused' }] });
    const again = await apps.start(dir);
    expect(await again.app.handlers.templates.list()).toEqual([edited]);
  });

  it('refuses bad input with the exact position or field, and saves nothing', async () => {
    const h = await apps.real();
    await h.app.handlers.contacts.create(contactDraft());

    const unbalanced = await rejection(
      h.app.handlers.templates.save(templateDraft({ body: ISSUE_BODY.replace('{ticket_ID}', '{ticket_ID') })),
    );
    expect(unbalanced.code).toBe('invalid-input');
    expect(unbalanced.fields?.body).toMatch(/^Unbalanced brace at position 44/);
    expect(unbalanced.message).toBe(unbalanced.fields?.body);

    const unknown = await rejection(
      h.app.handlers.templates.save(templateDraft({ body: 'Hi {nickname}', mapping: {} })),
    );
    expect(unknown.fields).toEqual({
      'mapping.nickname': expect.stringMatching(
        /^\{nickname\} \(position 4\) is an unknown placeholder/,
      ) as unknown,
    });

    const deleted = await rejection(
      h.app.handlers.templates.save(
        templateDraft({ mapping: { ticket_ID: { kind: 'field', field: 'loyalty_card' } } }),
      ),
    );
    expect(deleted.fields?.['mapping.ticket_ID']).toMatch(
      /maps to the field “loyalty_card”, which no contact has/,
    );

    const long = await rejection(
      h.app.handlers.templates.save(templateDraft({ body: 'x'.repeat(1025), mapping: {} })),
    );
    expect(long.fields?.body).toMatch(
      /1,025 characters; WhatsApp allows 1,024. Everything from position 1,025 on/,
    );

    expect(await h.app.handlers.templates.list()).toEqual([]);
    expect(h.publisher.of('templates:changed')).toEqual([]);
  });

  it('a field deleted from every contact makes the mapping to it invalid at the next save', async () => {
    const h = await apps.real();
    const row = await h.app.handlers.contacts.create(contactDraft());
    const saved = await h.app.handlers.templates.save(templateDraft());
    await h.app.handlers.contacts.update(row.contact.id, contactDraft({ fields: {} }));
    const error = await rejection(h.app.handlers.templates.save(templateDraft(), saved.id));
    expect(error.fields?.['mapping.ticket_ID']).toMatch(/which no contact has \(it may have been deleted\)/);
  });

  it('refuses a second template with the same name and language', async () => {
    const h = await apps.real();
    await h.app.handlers.contacts.create(contactDraft());
    await h.app.handlers.templates.save(templateDraft());
    const error = await rejection(h.app.handlers.templates.save(templateDraft()));
    expect(error.fields?.name).toBe(
      'There is already a template “ticket_update” in en_US. Edit that one, or pick another name.',
    );
  });

  it('removing the default template clears the default', async () => {
    const h = await apps.real();
    await h.app.handlers.contacts.create(contactDraft());
    const saved = await h.app.handlers.templates.save(templateDraft());
    await h.app.handlers.settings.update({ defaultTemplateId: saved.id });
    expect(await h.app.handlers.templates.remove(saved.id)).toBeNull();
    expect((await h.app.handlers.settings.get()).defaultTemplateId).toBeNull();
    expect(h.publisher.of('templates:changed').at(-1)).toEqual({ templates: [] });
    expect((await rejection(h.app.handlers.templates.remove(saved.id))).code).toBe('not-found');
    expect((await rejection(h.app.handlers.templates.save(templateDraft(), saved.id))).code).toBe(
      'not-found',
    );
  });

  it('the demo ships templates in English and Dutch, with a pending and a marketing one', async () => {
    const { app } = await apps.start();
    const templates = await app.handlers.templates.list();
    expect(templates).toHaveLength(DEMO_TEMPLATE_DRAFTS.length);
    expect(templates.length).toBeGreaterThanOrEqual(4);
    expect(templates.length).toBeLessThanOrEqual(6);
    expect(new Set(templates.map((t) => t.language.slice(0, 2)))).toEqual(new Set(['en', 'nl']));
    expect(templates.some((t) => t.status !== 'approved')).toBe(true);
    expect(templates.some((t) => t.category === 'marketing')).toBe(true);
    expect(templates.map((t) => t.name)).toEqual(
      expect.arrayContaining(['ticket_update', 'order_ready', 'appointment_reminder', 'back_in_stock']),
    );
    const issue = templates.find((t) => t.name === 'ticket_update' && t.language === 'en_US');
    expect(issue?.body).toBe(ISSUE_BODY);
  });
});

describe('opt-out and opt-in through the customer’s own words', () => {
  it('STOP opts the contact out at once, is marked in the conversation, and blocks the follow-up', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), { ago: 2 * HOUR });
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: '  stop ',
      at: h.clock.now(),
    });
    await settle();

    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optIn).toEqual({
      status: 'opted-out',
      at: h.clock.now(),
      source: 'whatsapp',
      proof: 'Wrote “stop” on WhatsApp.',
    });
    expect(row.contact.optInHistory.at(-1)).toEqual({
      at: h.clock.now(),
      status: 'opted-out',
      source: 'whatsapp',
      by: 'customer',
      note: 'Wrote “stop” on WhatsApp.',
    });
    const pushed = h.publisher
      .of('contacts:changed')
      .flatMap((p) => p.rows)
      .filter((r) => r.contact.id === contactId);
    expect(pushed.at(-1)?.contact.optIn.status).toBe('opted-out');
    const last = (await h.app.handlers.conversation.history(contactId, { limit: 5 })).messages.at(-1);
    expect(last).toMatchObject({ direction: 'inbound', text: '  stop ', consent: 'opted-out' });

    h.clock.advance(25 * HOUR);
    expect((await h.app.handlers.contacts.get(contactId)).window.followUp).toBe('opted-out');
    expect((await rejection(h.app.handlers.followUps.send(contactId, templateId))).refusal).toBe('opted-out');
    expect(h.app.simulator?.sent).toEqual([]);
  });

  it('“stop by tomorrow?” is an ordinary message', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'stop by tomorrow?',
      at: h.clock.now(),
    });
    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optIn.status).toBe('opted-in');
    expect(
      (await h.app.handlers.conversation.history(contactId, { limit: 5 })).messages.at(-1)?.consent,
    ).toBeNull();
  });

  it('the list of opt-out words comes from the settings', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await h.app.handlers.settings.update({ optOutKeywords: ['HALT'] });
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'STOP',
      at: h.clock.now(),
    });
    expect((await h.app.handlers.contacts.get(contactId)).contact.optIn.status).toBe('opted-in');
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'halt',
      at: h.clock.now(),
    });
    expect((await h.app.handlers.contacts.get(contactId)).contact.optIn.status).toBe('opted-out');
  });

  it('an opt-out list that would leave customers no way to stop, or that holds START, is refused', async () => {
    const h = await apps.real();
    const empty = await rejection(h.app.handlers.settings.update({ optOutKeywords: [] }));
    expect(empty.fields?.optOutKeywords).toMatch(/at least one opt-out word/);
    const start = await rejection(h.app.handlers.settings.update({ optOutKeywords: ['STOP', 'start'] }));
    expect(start.fields?.optOutKeywords).toMatch(
      /“start” is the word customers write to receive messages again/,
    );
    expect((await h.app.handlers.settings.get()).optOutKeywords).toEqual(DEFAULT_OPT_OUT_KEYWORDS);
  });

  it('START asks; only the owner’s confirmation opts the customer in again', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), { ago: 2 * HOUR });
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'STOP',
      at: h.clock.now(),
    });
    h.clock.advance(HOUR);
    const startAt = h.clock.now();
    await h.app.simulator?.deliver({ from: '+31612345678', profileName: null, text: 'Start', at: startAt });

    let row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optIn.status).toBe('opted-out');
    expect(row.contact.optInRequestedAt).toBe(startAt);
    expect(
      (await h.app.handlers.conversation.history(contactId, { limit: 5 })).messages.at(-1)?.consent,
    ).toBe('opt-in-requested');
    h.clock.advance(25 * HOUR);
    expect((await h.app.handlers.followUps.preview(contactId)).refusal).toMatchObject({
      code: 'opted-out',
      fix: { action: 'confirm-opt-in' },
    });

    row = await h.app.handlers.contacts.confirmOptIn(contactId);
    expect(row.contact.optIn).toMatchObject({ status: 'opted-in', at: startAt, source: 'whatsapp' });
    expect(row.contact.optInRequestedAt).toBeNull();
    expect(row.contact.optInHistory.map((e) => [e.status, e.by])).toEqual([
      ['opted-in', 'owner'],
      ['opted-out', 'customer'],
      ['opted-in', 'owner'],
    ]);
    expect(row.window.followUp).toBe('ready');
    await h.app.handlers.followUps.send(contactId, templateId);

    const error = await rejection(h.app.handlers.contacts.confirmOptIn(contactId));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/has not asked to receive messages/);
  });

  it('START from someone already opted in changes nothing', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'START',
      at: h.clock.now(),
    });
    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optInRequestedAt).toBeNull();
    expect(row.contact.optInHistory).toHaveLength(1);
  });

  it('STOP from an unknown number creates the contact already opted out', async () => {
    const h = await apps.real();
    await h.app.simulator?.deliver({
      from: '+31687654321',
      profileName: 'Jan',
      text: 'AFMELDEN',
      at: h.clock.now(),
    });
    const [row] = await h.app.handlers.contacts.list();
    expect(row?.contact).toMatchObject({ name: 'Jan', optIn: { status: 'opted-out' } });
  });
});
