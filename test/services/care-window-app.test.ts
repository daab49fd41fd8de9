import { describe, expect, it } from 'vitest';
import type { WindowState } from '../../main/contract/model';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import { localNumberDraft as draft, rejection, useApps } from './follow-up-kit';
import { settle } from './harness';

const apps = useApps();

describe('first start', () => {
  it('lands in the demo workspace with contacts in every window state', async () => {
    const { app } = await apps.start();
    const info = await app.handlers.workspace.info();
    expect(info.kind).toBe('demo');
    expect(info.accountConfigured).toBe(false);
    const rows = await app.handlers.contacts.list();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const states = new Set(rows.map((r) => r.window.state));
    for (const state of ['none', 'open', 'closing', 'closed', 'awaiting-reply'] satisfies WindowState[]) {
      expect(states).toContain(state);
    }
    const closed = rows.filter((r) => r.window.state === 'closed').map((r) => r.window.followUp);
    expect(closed).toContain('ready');
    expect(closed).toContain('no-opt-in');
  });

  it('starts an empty real workspace on request, and opens it again after a restart', async () => {
    const dir = await apps.tempDir();
    const first = await apps.start(dir);
    const info = await first.app.handlers.workspace.startReal();
    expect(info.kind).toBe('real');
    expect(await first.app.handlers.contacts.list()).toEqual([]);
    await first.app.handlers.contacts.create(draft());
    await first.app.close();
    apps.forget(first.app);

    const second = await apps.start(dir);
    expect((await second.app.handlers.workspace.info()).kind).toBe('real');
    expect((await second.app.handlers.contacts.list()).map((r) => r.contact.name)).toEqual(['Maria Jansen']);
  });
});

describe('contacts', () => {
  it('stores the number as E.164 and refuses a duplicate, naming who has it', async () => {
    const { app } = await apps.real();
    const maria = await app.handlers.contacts.create(draft());
    expect(maria.contact.phone).toBe('+31612345678');
    const error = await rejection(
      app.handlers.contacts.create(draft({ name: 'Someone Else', phone: '+31 6 12345678' })),
    );
    expect(error.code).toBe('duplicate-phone');
    expect(error.message).toBe('This number is already saved for Maria Jansen. Open Maria Jansen?');
    expect(error.contactId).toBe(maria.contact.id);
  });

  it('refuses a bad phone number and an empty name with field messages', async () => {
    const { app } = await apps.real();
    const error = await rejection(app.handlers.contacts.create(draft({ name: ' ', phone: '12' })));
    expect(error.code).toBe('invalid-input');
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['name', 'phone']));
    expect(await app.handlers.contacts.list()).toEqual([]);
  });

  it('lets a contact keep its own number when edited', async () => {
    const { app } = await apps.real();
    const row = await app.handlers.contacts.create(draft());
    const edited = await app.handlers.contacts.update(
      row.contact.id,
      draft({ notes: 'VIP', fields: { ticket_ID: 'T-9' } }),
    );
    expect(edited.contact.notes).toBe('VIP');
    expect(edited.contact.fields).toEqual({ ticket_ID: 'T-9' });
  });
});

describe('sending is checked by the main process', () => {
  async function withCustomer(lastInboundAgo: number) {
    const h = await apps.real();
    const row = await h.app.handlers.contacts.create(draft());
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'Hello?',
      at: h.clock.now() - lastInboundAgo,
    });
    return { ...h, id: row.contact.id };
  }

  it('sends inside the window, then records delivery and read as the simulator reports them', async () => {
    const { app, clock, id } = await withCustomer(HOUR);
    const sent = await app.handlers.conversation.sendText(id, 'Yes, from Thursday.');
    expect(sent.status).toBe('sent');
    clock.advance(10_000);
    await app.session().statuses.idle();
    const page = await app.handlers.conversation.history(id, { limit: 10 });
    expect(page.messages.map((m) => [m.direction, m.text, m.status])).toEqual([
      ['inbound', 'Hello?', 'received'],
      ['outbound', 'Yes, from Thursday.', 'read'],
    ]);
  });

  it('refuses free-form text after the window closed, and stores nothing', async () => {
    const { app, id } = await withCustomer(DAY + MINUTE);
    const error = await rejection(app.handlers.conversation.sendText(id, 'Are you there?'));
    expect(error.code).toBe('window-closed');
    expect(error.message).toMatch(/only one approved template/);
    expect((await app.handlers.conversation.history(id, { limit: 10 })).messages).toHaveLength(1);
    expect(app.simulator?.sent).toEqual([]);
  });

  it('a refused send is recorded as failed and reported, so the renderer can keep the draft', async () => {
    const { app, id } = await withCustomer(HOUR);
    app.simulator?.refuseNext('the network is unreachable');
    const error = await rejection(app.handlers.conversation.sendText(id, 'Draft text'));
    expect(error.code).toBe('send-failed');
    expect(error.message).toContain('the network is unreachable');
    const last = (await app.handlers.conversation.history(id, { limit: 10 })).messages.at(-1);
    expect(last).toMatchObject({ text: 'Draft text', status: 'failed' });
  });
});

describe('live window changes', () => {
  it('pushes open → closing → closed as the clock passes, and a new message reopens it', async () => {
    const h = await apps.real();
    const row = await h.app.handlers.contacts.create(draft());
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'Hi',
      at: h.clock.now(),
    });
    await settle();
    const stateOf = () =>
      h.publisher
        .of('contacts:changed')
        .flatMap((p) => p.rows)
        .filter((r) => r.contact.id === row.contact.id)
        .at(-1)?.window.state;
    expect(stateOf()).toBe('open');

    h.clock.advance(23 * HOUR);
    await settle();
    expect(stateOf()).toBe('closing');

    h.clock.advance(HOUR);
    await settle();
    expect(stateOf()).toBe('closed');

    // Simulated customers exist only in the demo; the owner's real workspace refuses them.
    expect(
      (await rejection((async () => h.app.handlers.demo.simulateInbound(row.contact.id, 'x'))())).code,
    ).toBe('invalid-input');
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'Still there?',
      at: h.clock.now(),
    });
    await settle();
    expect(stateOf()).toBe('open');
    expect((await h.app.handlers.contacts.get(row.contact.id)).window.expiresAt).toBe(h.clock.now() + DAY);
  });

  it('a message from an unknown number creates a contact, and a redelivered message is stored once', async () => {
    const { app, clock } = await apps.real();
    const inbound = {
      from: '+31687654321',
      profileName: 'Jan',
      text: 'Hoi',
      at: clock.now(),
      providerId: 'wamid.1',
    };
    await app.simulator?.deliver(inbound);
    await app.simulator?.deliver(inbound);
    const rows = await app.handlers.contacts.list();
    expect(rows.map((r) => r.contact.name)).toEqual(['Jan']);
    expect(rows[0]?.activity.messageCount).toBe(1);
  });

  it('simulating a customer message in the demo restarts that window', async () => {
    const { app, clock } = await apps.start();
    const closed = (await app.handlers.contacts.list()).find((r) => r.window.state === 'closed');
    expect(closed).toBeDefined();
    if (!closed) return;
    const message = await app.handlers.demo.simulateInbound(closed.contact.id, 'Is it ready?');
    expect(message).toMatchObject({ direction: 'inbound', text: 'Is it ready?', at: clock.now() });
    expect((await app.handlers.contacts.get(closed.contact.id)).window.state).toBe('open');
  });

  it('a shorter closing lead in settings reclassifies windows at once', async () => {
    const h = await apps.real();
    const row = await h.app.handlers.contacts.create(draft());
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'Hi',
      at: h.clock.now() - 23 * HOUR - 10 * MINUTE,
    });
    expect((await h.app.handlers.contacts.get(row.contact.id)).window.state).toBe('closing');
    // 50 minutes are left: closing under a 60-minute lead, still open under a 30-minute one.
    await h.app.handlers.settings.update({ closingLeadMinutes: 30 });
    expect((await h.app.handlers.contacts.get(row.contact.id)).window.state).toBe('open');
    await h.app.handlers.settings.update({ closingLeadMinutes: 55 });
    expect((await h.app.handlers.contacts.get(row.contact.id)).window.state).toBe('closing');
    const error = await rejection(h.app.handlers.settings.update({ timeZone: 'Nowhere/City' }));
    expect(error.fields?.timeZone).toContain('Nowhere/City');
  });
});

describe('the owner’s real workspace without a WhatsApp account', () => {
  it('sends nothing: the send is refused with the reason, recorded as not sent, and nothing is simulated', async () => {
    const { startCareWindow } = await import('../../main/compose');
    const { FakeClock } = await import('../support/fake-clock');
    const { RecordingPublisher, silentLog, sequentialIds } = await import('../support/recorders');
    const clock = new FakeClock(Date.parse('2026-11-24T14:20:00Z'));
    const app = await startCareWindow({
      dataRoot: await apps.tempDir(),
      clock,
      scheduler: clock,
      publisher: new RecordingPublisher(),
      log: silentLog,
      systemLocale: 'nl-NL',
      ids: sequentialIds,
    });
    try {
      const info = await app.handlers.workspace.startReal();
      expect(info.accountConfigured).toBe(false);
      const row = await app.handlers.contacts.create(draft());
      // The customer cannot write in (no account), so the window stays shut: templates are the only way.
      expect(row.window.state).toBe('none');
      const { templateDraft } = await import('./follow-up-kit');
      const template = await app.handlers.templates.save(
        templateDraft({ body: 'Hello {name}, we have news.' }),
      );
      const error = await rejection(app.handlers.followUps.send(row.contact.id, template.id));
      expect(error.code).toBe('send-failed');
      expect(error.message).toContain('no WhatsApp account is connected yet');
      const history = await app.handlers.conversation.history(row.contact.id, { limit: 10 });
      expect(history.messages.map((m) => m.status)).toEqual(['failed']);
      // Not sent, so the one template allowance is still there.
      expect((await app.handlers.contacts.get(row.contact.id)).window.state).toBe('none');
      expect(app.simulator?.sent ?? []).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('switching workspaces', () => {
  it('two switches requested at once run one after the other and leave one session receiving messages', async () => {
    const h = await apps.start();
    await Promise.all([h.app.handlers.workspace.startReal(), h.app.handlers.workspace.startReal()]);
    const row = await h.app.handlers.contacts.create(draft());
    await h.app.simulator?.deliver({
      from: row.contact.phone,
      profileName: null,
      text: 'Hi',
      at: h.clock.now(),
    });
    // One session only: the message is stored once, not once per session.
    const page = await h.app.handlers.conversation.history(row.contact.id, { limit: 10 });
    expect(page.messages).toHaveLength(1);
    expect((await h.app.handlers.workspace.info()).kind).toBe('real');
  });
});
