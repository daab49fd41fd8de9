import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { UNCONFIRMED_FOLLOW_UP } from '../../main/services/follow-ups';
import {
  closedWindowCustomer,
  contactDraft,
  GatedProvider,
  HOUR,
  rejection,
  templateDraft,
  useApps,
  viaSimulator,
} from './follow-up-kit';

const apps = useApps();

async function historyOf(
  app: Awaited<ReturnType<typeof apps.real>>['app'],
  contactId: string,
): Promise<Message[]> {
  return (await app.handlers.conversation.history(contactId, { limit: 100 })).messages;
}

describe('the one-click follow-up', () => {
  it('previews the default template filled with the contact’s data, sends it, and the contact awaits the reply', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));

    const preview = await h.app.handlers.followUps.preview(contactId);
    expect(preview).toEqual({
      contactId,
      templateId,
      text: 'We have a new update regarding your ticket T-1042. Please respond if you want to continue support.',
      missing: [],
      allowed: true,
      refusal: null,
      // T0 is in November 2026: utility templates are billed inside and outside the window.
      cost: {
        billed: 'yes',
        category: 'utility',
        explanation: 'Charged: WhatsApp charges every utility template, inside or outside the window.',
        estimate: null,
      },
      warning: null,
    });

    const sent = await h.app.handlers.followUps.send(contactId, templateId);
    expect(sent).toMatchObject({
      direction: 'outbound',
      kind: 'template',
      followUp: true,
      status: 'sent',
      text: preview.text,
      template: { name: 'ticket_update', language: 'en_US' },
    });
    expect(h.app.simulator?.sent).toEqual([
      {
        kind: 'template',
        to: '+31612345678',
        template: { name: 'ticket_update', language: 'en_US' },
        text: preview.text,
        parameters: [{ name: 'ticket_ID', value: 'T-1042' }],
        // CareWindow's message id, which the Cloud API echoes back in status webhooks.
        reference: sent.id,
      },
    ]);
    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.window).toMatchObject({ state: 'awaiting-reply', followUp: 'sent', followUpSentAt: sent.at });

    // The button now says why it is disabled.
    const after = await h.app.handlers.followUps.preview(contactId);
    expect(after.allowed).toBe(false);
    expect(after.refusal).toMatchObject({ code: 'already-sent', fix: { action: 'wait-for-reply' } });

    // Delivery reports reach the template message too.
    h.clock.advance(10_000);
    await h.app.session().statuses.idle();
    expect((await historyOf(h.app, contactId)).at(-1)).toMatchObject({ id: sent.id, status: 'read' });
  });

  it('refuses a second follow-up in the same closed window, and writes the refusal to the history', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    await h.app.handlers.followUps.send(contactId, templateId);

    const error = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(error.code).toBe('refused');
    expect(error.refusal).toBe('already-sent');
    expect(error.message).toBe(
      'The one follow-up for this closed window was already sent to Maria Jansen. WhatsApp allows no more until Maria Jansen replies; the reply opens a new window.',
    );
    expect(h.app.simulator?.sent).toHaveLength(1);
    const last = (await historyOf(h.app, contactId)).at(-1);
    expect(last).toMatchObject({
      kind: 'template',
      status: 'failed',
      followUp: true,
      template: { name: 'ticket_update', language: 'en_US' },
      text: 'We have a new update regarding your ticket T-1042. Please respond if you want to continue support.',
      error: `Not sent: ${error.message}`,
    });
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('awaiting-reply');
  });

  it('two rapid clicks (two renderer calls at once) send exactly one follow-up', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    const outcomes = await Promise.allSettled([
      h.app.handlers.followUps.send(contactId, templateId),
      h.app.handlers.followUps.send(contactId, templateId),
      h.app.handlers.followUps.sendAll([{ contactId, templateId }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(h.app.simulator?.sent).toHaveLength(1);
    const [, , bulk] = outcomes;
    const results = bulk.status === 'fulfilled' ? bulk.value : [];
    expect(results.map((r) => [r.contactId, r.name, r.ok])).toEqual([[contactId, 'Maria Jansen', false]]);
    expect(results[0]?.message).toMatch(/already sent/);
    const sent = (await historyOf(h.app, contactId)).filter((m) => m.followUp && m.status !== 'failed');
    expect(sent).toHaveLength(1);
  });

  it('a follow-up the provider refuses is recorded as failed and does not use up the allowance', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    h.app.simulator?.refuseNext('the template was paused by WhatsApp');

    const error = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(error.code).toBe('send-failed');
    expect(error.message).toBe(
      'WhatsApp did not accept the follow-up to Maria Jansen: the template was paused by WhatsApp. Nothing was sent, and this window’s follow-up is still available: try again.',
    );
    expect((await historyOf(h.app, contactId)).at(-1)).toMatchObject({
      followUp: true,
      status: 'failed',
      error: 'Not sent: the template was paused by WhatsApp.',
      template: { name: 'ticket_update', language: 'en_US' },
    });
    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.window).toMatchObject({ state: 'closed', followUp: 'ready', followUpSentAt: null });
    expect((await h.app.handlers.followUps.preview(contactId)).allowed).toBe(true);

    await h.app.handlers.followUps.send(contactId, templateId);
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('awaiting-reply');
  });

  it('while the provider has not answered, a second click is refused at once (the pending follow-up counts)', async () => {
    const dir = await apps.tempDir();
    const provider = new GatedProvider();
    const h = await apps.withProvider(dir, provider);
    await h.app.handlers.workspace.startReal();
    const { contactId, templateId } = await closedWindowCustomer(h, (m) => provider.deliver(m));

    const first = Promise.resolve(h.app.handlers.followUps.send(contactId, templateId));
    await provider.requested(1, first);
    const second = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(second.refusal).toBe('already-sent');
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('awaiting-reply');

    provider.answer({ ok: true, providerId: 'wamid.1' });
    expect(await first).toMatchObject({ status: 'sent', providerId: 'wamid.1' });
    expect(provider.requests).toHaveLength(1);
  });

  it('a restart between the click and the provider’s answer does not send twice', async () => {
    const dir = await apps.tempDir();
    const before = new GatedProvider();
    const first = await apps.withProvider(dir, before);
    await first.app.handlers.workspace.startReal();
    const { contactId, templateId } = await closedWindowCustomer(first, (m) => before.deliver(m));

    const sending = Promise.resolve(first.app.handlers.followUps.send(contactId, templateId));
    sending.catch(() => undefined);
    await before.requested(1, sending);
    // The app stops before WhatsApp answers (the answer never arrives).
    await first.app.close();
    first.forget();

    const after = new GatedProvider();
    const second = await apps.withProvider(dir, after, first.clock);
    const row = await second.app.handlers.contacts.get(contactId);
    expect(row.window.state).toBe('awaiting-reply');
    const history = await historyOf(second.app, contactId);
    expect(history.at(-1)).toMatchObject({
      followUp: true,
      status: 'unconfirmed',
      error: UNCONFIRMED_FOLLOW_UP,
    });

    // Neither one click nor "follow up all" sends it again.
    expect((await rejection(second.app.handlers.followUps.send(contactId, templateId))).refusal).toBe(
      'already-sent',
    );
    const bulk = await second.app.handlers.followUps.sendAll([{ contactId, templateId }]);
    expect(bulk[0]?.ok).toBe(false);
    expect(after.requests).toEqual([]);

    // Nothing is left in flight: the explanation is given once.
    const ledger = JSON.parse(
      await readFile(path.join(dir, 'workspaces', 'real', 'template-sends.json'), 'utf8'),
    ) as { schemaVersion: number; inFlight: unknown[] };
    expect(ledger).toMatchObject({ schemaVersion: 1, inFlight: [] });

    // The customer's reply opens a new window, and the allowance comes back when it closes.
    await after.deliver({ from: '+31612345678', profileName: null, text: 'Got it?', at: second.clock.now() });
    expect((await second.app.handlers.contacts.get(contactId)).window.state).toBe('open');
    second.clock.advance(25 * HOUR);
    expect((await second.app.handlers.followUps.preview(contactId)).allowed).toBe(true);
  });

  it('a provider that throws leaves the follow-up unconfirmed: counted, never resent', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    const simulator = h.app.simulator;
    if (!simulator) throw new Error('no simulator');
    const send = simulator.send.bind(simulator);
    simulator.send = () => Promise.reject(new Error('socket hang up'));
    const error = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    simulator.send = send;
    expect(error.code).toBe('send-failed');
    expect(error.message).toMatch(/cannot tell whether the follow-up reached Maria Jansen/);
    expect((await historyOf(h.app, contactId)).at(-1)).toMatchObject({
      status: 'unconfirmed',
      followUp: true,
      failure: { kind: 'timeout-after-send' },
    });
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('awaiting-reply');
  });

  it('the customer’s reply opens a new window; the allowance is renewed when it closes again', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    await h.app.handlers.followUps.send(contactId, templateId);
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'Yes please',
      at: h.clock.now(),
    });
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('open');
    expect((await h.app.handlers.followUps.preview(contactId)).refusal?.code).toBe('window-open');
    expect((await rejection(h.app.handlers.followUps.send(contactId, templateId))).refusal).toBe(
      'window-open',
    );
    h.clock.advance(24 * HOUR);
    await h.app.handlers.followUps.send(contactId, templateId);
    expect(h.app.simulator?.sent).toHaveLength(2);
  });
});

describe('refusals at send time, decided again in the main process', () => {
  it('no opt-in: refused, recorded with the filled text, nothing sent', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), {
      contact: { optIn: { status: 'none', at: null, source: null, proof: '' } },
    });
    const error = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(error).toMatchObject({ code: 'refused', refusal: 'no-opt-in' });
    expect(h.app.simulator?.sent).toEqual([]);
    expect((await historyOf(h.app, contactId)).at(-1)).toMatchObject({ status: 'failed', followUp: true });
    expect((await h.app.handlers.contacts.get(contactId)).window).toMatchObject({
      state: 'closed',
      followUp: 'no-opt-in',
    });
  });

  it('a missing field: refused naming the field and the contact', async () => {
    const h = await apps.real();
    // Another customer has a ticket_ID, so the template's mapping to it is valid.
    await h.app.handlers.contacts.create(contactDraft({ name: 'Daan Mulder', phone: '+31667890123' }));
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), {
      contact: { fields: {} },
    });
    const preview = await h.app.handlers.followUps.preview(contactId);
    expect(preview).toMatchObject({
      text: null,
      missing: [{ placeholder: '{ticket_ID}', field: 'ticket_ID' }],
      allowed: false,
      refusal: { code: 'missing-field', fix: { action: 'edit-contact', label: 'Fill in ticket_ID' } },
    });
    const error = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(error).toMatchObject({ code: 'refused', refusal: 'missing-field' });
    expect(error.message).toBe(
      'Not sent to Maria Jansen: {ticket_ID} would be empty (no “ticket_ID”). Fill in ticket_ID on Maria Jansen’s contact, or choose another template.',
    );
    expect((await historyOf(h.app, contactId)).at(-1)).toMatchObject({
      status: 'failed',
      text: 'We have a new update regarding your ticket {ticket_ID}. Please respond if you want to continue support.',
    });
    expect(h.app.simulator?.sent).toEqual([]);
  });

  it('a template that is not approved, or was removed, is refused', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), {
      template: { status: 'paused' },
    });
    const paused = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(paused).toMatchObject({ refusal: 'template-not-approved' });
    expect(paused.message).toMatch(/“ticket_update” \(en_US\) is paused, not approved/);
    await h.app.handlers.templates.remove(templateId);
    expect(await rejection(h.app.handlers.followUps.send(contactId, templateId))).toMatchObject({
      refusal: 'no-template',
    });
    expect(h.app.simulator?.sent).toEqual([]);
  });

  it('an unknown contact is not found', async () => {
    const h = await apps.real();
    expect((await rejection(h.app.handlers.followUps.send('nobody', 'nothing'))).code).toBe('not-found');
    expect((await rejection(() => h.app.handlers.followUps.preview('nobody'))).code).toBe('not-found');
  });
});

describe('a template inside the open window', () => {
  it('is sent, charged (utility inside the window is billed since 1 October 2026), and is not the follow-up', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), { ago: HOUR });
    const preview = await h.app.handlers.followUps.preview(contactId, templateId);
    expect(preview.cost).toMatchObject({ billed: 'yes', category: 'utility', estimate: null });
    const sent = await h.app.handlers.conversation.sendTemplate(contactId, templateId);
    expect(sent).toMatchObject({ kind: 'template', followUp: false, status: 'sent' });
    // After the window closes the follow-up is still available.
    h.clock.advance(24 * HOUR);
    expect((await h.app.handlers.contacts.get(contactId)).window.followUp).toBe('ready');
    expect((await h.app.handlers.followUps.preview(contactId)).allowed).toBe(true);
  });

  it('after the window closed it is refused: that is what Follow up is for', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    const error = await rejection(h.app.handlers.conversation.sendTemplate(contactId, templateId));
    expect(error.code).toBe('window-closed');
    expect(error.message).toBe(
      'Maria Jansen’s 24-hour window has closed: send this template with Follow up, as the one follow-up for this window.',
    );
    expect(h.app.simulator?.sent).toEqual([]);
  });

  it('is refused to a customer who opted out', async () => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h), { ago: HOUR });
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'STOP',
      at: h.clock.now(),
    });
    const error = await rejection(h.app.handlers.conversation.sendTemplate(contactId, templateId));
    expect(error).toMatchObject({ code: 'refused', refusal: 'opted-out' });
  });
});

describe('the Follow-ups view and “Follow up all eligible”', () => {
  it('in the demo: the eligible ones with their template, the blocked ones grouped by reason', async () => {
    const { app } = await apps.start();
    const overview = await app.handlers.followUps.overview();
    const templates = await app.handlers.templates.list();
    const nameOf = (id: string | null) => {
      const t = templates.find((x) => x.id === id);
      return t ? `${t.name}.${t.language}` : null;
    };
    expect(overview.eligible.map((e) => [e.row.contact.name, nameOf(e.preview.templateId)]).sort()).toEqual([
      ['Isabel García', 'order_ready.en_US'],
      ['Sofia Rossi', 'ticket_update.en_US'],
      ['Thomas Peeters', 'order_ready.nl'],
    ]);
    const byReason: Record<string, string[]> = {};
    for (const b of overview.blocked) {
      const code = b.preview.refusal?.code ?? 'none';
      (byReason[code] ??= []).push(b.row.contact.name);
    }
    for (const list of Object.values(byReason)) list.sort();
    expect(byReason).toEqual({
      'no-opt-in': ['Kevin Jacobs', 'Priya Sharma'],
      'opted-out': ['Ruben Willems'],
      'already-sent': ['Eva Dekker', 'Mohammed Ouali', 'Tom de Vries'],
      'missing-field': ['Anna Kowalska', 'Bram van Dijk', 'Jesse Vermeulen'],
    });
    for (const b of overview.blocked) expect(b.preview.refusal?.fix).toBeDefined();
    expect(overview.eligible.every((e) => e.preview.text !== null && e.preview.allowed)).toBe(true);
  });

  it('follows up all eligible in one go, reports per contact, and a simulated reply opens a new window', async () => {
    const { app, clock } = await apps.start();
    const { eligible, blocked } = await app.handlers.followUps.overview();
    const items = [...eligible, ...blocked].map((e) => ({
      contactId: e.row.contact.id,
      templateId: e.preview.templateId ?? 'none',
    }));
    const results = await app.handlers.followUps.sendAll(items);
    expect(
      results
        .filter((r) => r.ok)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Isabel García', 'Sofia Rossi', 'Thomas Peeters']);
    expect(results.find((r) => r.name === 'Kevin Jacobs')?.message).toMatch(/has not opted in/);
    expect(results.find((r) => r.name === 'Anna Kowalska')?.message).toMatch(
      /would be empty \(no “order_number”\)/,
    );
    expect(app.simulator?.sent).toHaveLength(3);

    const again = await app.handlers.followUps.overview();
    expect(again.eligible).toEqual([]);
    const sofia = eligible.find((e) => e.row.contact.name === 'Sofia Rossi')?.row.contact.id ?? '';
    const reply = await app.handlers.demo.simulateInbound(sofia, 'Thanks, coming by tomorrow');
    expect(reply.at).toBe(clock.now());
    expect((await app.handlers.contacts.get(sofia)).window.state).toBe('open');
  });

  it('the demo’s last-used marketing template is the default, with a warning', async () => {
    const { app } = await apps.start();
    const mohammed = (await app.handlers.contacts.list()).find((r) => r.contact.name === 'Mohammed Ouali');
    if (!mohammed) throw new Error('demo contact missing');
    await app.handlers.demo.simulateInbound(mohammed.contact.id, 'Is it back?');
    // Open again: a follow-up is not possible, but the preview still shows the template and its cost.
    const preview = await app.handlers.followUps.preview(mohammed.contact.id);
    const template = (await app.handlers.templates.list()).find((t) => t.id === preview.templateId);
    expect(template).toMatchObject({ name: 'back_in_stock', category: 'marketing' });
    expect(preview.cost).toMatchObject({ billed: 'yes', category: 'marketing' });
    expect(preview.warning).toMatch(/always charged/);
  });
});

describe('the template chosen by default', () => {
  it('is the one last sent to this contact', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    const other = await h.app.handlers.templates.save(templateDraft({ name: 'ticket_news' }));
    await h.app.handlers.followUps.send(contactId, other.id);
    await h.app.simulator?.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'ok',
      at: h.clock.now(),
    });
    h.clock.advance(25 * HOUR);
    expect((await h.app.handlers.followUps.preview(contactId)).templateId).toBe(other.id);
  });

  it('else the owner’s default from the settings', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    const other = await h.app.handlers.templates.save(templateDraft({ name: 'zz_update' }));
    await h.app.handlers.settings.update({ defaultTemplateId: other.id });
    expect((await h.app.handlers.followUps.preview(contactId)).templateId).toBe(other.id);
  });
});
