import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS } from '../../main/contract/consent-words';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../../main/domain/consent-keywords';
import type { Harness } from './harness';
import { closedWindowCustomer, HOUR, rejection, templateDraft, useApps, viaSimulator } from './follow-up-kit';

const apps = useApps();
const MARIA = '+31612345678';

/** The customer does something, through the same provider port a real account would use. */
const customer = (h: Harness) => ({
  async does(event: {
    kind?: 'text' | 'call' | 'button' | 'reaction';
    text: string;
    payload?: string | null;
  }) {
    return h.app.simulator?.deliver({ from: MARIA, profileName: null, at: h.clock.now(), ...event });
  },
});

const lastLine = async (h: Harness, contactId: string) =>
  (await h.app.handlers.conversation.history(contactId, { limit: 5 })).messages.at(-1);

describe('opt-out words as customers write them', () => {
  it.each(['Stop.', 'STOP!!', 'stop 🙏', '¡Baja!', 'Arret'])('“%s” opts out at once', async (text) => {
    const h = await apps.real();
    const { contactId, templateId } = await closedWindowCustomer(h, viaSimulator(h));
    await customer(h).does({ text });

    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optIn).toMatchObject({ status: 'opted-out', source: 'whatsapp' });
    expect(row.contact.optInHistory.at(-1)).toMatchObject({ status: 'opted-out', by: 'customer' });
    expect(await lastLine(h, contactId)).toMatchObject({ text, consent: 'opted-out' });
    h.clock.advance(25 * HOUR);
    const refused = await rejection(h.app.handlers.followUps.send(contactId, templateId));
    expect(refused).toMatchObject({ code: 'refused', refusal: 'opted-out' });
  });

  it.each(['stop by tomorrow?', 'Don’t stop!', 'can you stop by'])('“%s” stays a message', async (text) => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await customer(h).does({ text });
    expect((await h.app.handlers.contacts.get(contactId)).contact.optIn.status).toBe('opted-in');
    expect((await lastLine(h, contactId))?.consent).toBeNull();
  });
});

describe('the “Stop promotions” button of a marketing template', () => {
  it('stops marketing templates only: a marketing follow-up is refused, a utility one goes out', async () => {
    const h = await apps.real();
    const { contactId, templateId: utility } = await closedWindowCustomer(h, viaSimulator(h));
    const marketing = await h.app.handlers.templates.save(
      templateDraft({
        name: 'winter_sale',
        category: 'marketing',
        body: 'Our winter sale starts today!',
        mapping: {},
      }),
    );
    const pressedAt = h.clock.now();
    await customer(h).does({ kind: 'button', text: 'Stop promotions', payload: 'Stop promotions' });

    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.contact.optIn.status).toBe('opted-in');
    expect(row.contact.marketingOptOutAt).toBe(pressedAt);
    expect(row.contact.optInHistory.at(-1)).toMatchObject({
      at: pressedAt,
      status: 'opted-out',
      scope: 'marketing',
      by: 'customer',
      source: 'whatsapp',
      note: expect.stringMatching(/Pressed “Stop promotions”.*utility ones are still allowed/) as unknown,
    });
    expect(await lastLine(h, contactId)).toMatchObject({
      kind: 'button',
      text: 'Stop promotions',
      consent: 'opted-out-of-marketing',
    });
    // A button press is not a message that reopens the window: the follow-up is still due.
    expect(row.window.state).toBe('closed');

    const preview = await h.app.handlers.followUps.preview(contactId, marketing.id);
    expect(preview.refusal).toMatchObject({
      code: 'opted-out-of-marketing',
      message: expect.stringMatching(/pressed “Stop promotions”.*Choose a utility template/) as unknown,
      fix: { action: 'choose-template', label: 'Choose a utility template' },
    });
    const refused = await rejection(h.app.handlers.followUps.send(contactId, marketing.id));
    expect(refused.code).toBe('refused');

    expect((await h.app.handlers.followUps.preview(contactId, utility)).allowed).toBe(true);
    const sent = await h.app.handlers.followUps.send(contactId, utility);
    expect(sent).toMatchObject({ kind: 'template', followUp: true, status: 'sent' });
  });

  it('is kept across a restart, and an ordinary button reply changes nothing', async () => {
    const dir = await apps.tempDir();
    const h = await apps.real(dir);
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await customer(h).does({ kind: 'button', text: 'Yes, still interested', payload: 'YES' });
    expect((await h.app.handlers.contacts.get(contactId)).contact.marketingOptOutAt).toBeUndefined();
    await customer(h).does({ kind: 'button', text: 'Stop promotions', payload: null });
    const pressedAt = h.clock.now();

    await h.app.close();
    apps.forget(h.app);
    const again = await apps.start(dir);
    expect((await again.app.handlers.contacts.get(contactId)).contact.marketingOptOutAt).toBe(pressedAt);
  });
});

describe('a WhatsApp call from the customer', () => {
  it('restarts the window like a message and shows in the history', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('closed');

    h.clock.advance(HOUR);
    const calledAt = h.clock.now();
    await customer(h).does({ kind: 'call', text: 'Missed voice call' });

    const row = await h.app.handlers.contacts.get(contactId);
    expect(row.window).toMatchObject({ state: 'open', openedAt: calledAt, expiresAt: calledAt + 24 * HOUR });
    expect(await lastLine(h, contactId)).toMatchObject({
      direction: 'inbound',
      kind: 'call',
      text: 'Missed voice call',
      at: calledAt,
      consent: null,
    });
    // Free-form replies are allowed again.
    expect(
      await h.app.handlers.conversation.sendText(contactId, 'Sorry I missed you, how can I help?'),
    ).toMatchObject({ status: 'sent' });
  });

  it('a reaction does not reopen a closed window', async () => {
    const h = await apps.real();
    const { contactId } = await closedWindowCustomer(h, viaSimulator(h));
    await customer(h).does({ kind: 'reaction', text: '👍' });
    expect((await h.app.handlers.contacts.get(contactId)).window.state).toBe('closed');
    expect(await lastLine(h, contactId)).toMatchObject({ kind: 'reaction', text: '👍' });
  });
});

describe('settings saved by an earlier version', () => {
  const writeOldSettings = async (dir: string, optOutKeywords: readonly string[]) => {
    const folder = path.join(dir, 'workspaces', 'real');
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, settings: { ...DEFAULT_SETTINGS, optOutKeywords } }),
    );
  };

  it('the old default list becomes the new one', async () => {
    const dir = await apps.tempDir();
    await writeOldSettings(dir, PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS);
    const h = await apps.real(dir);
    expect((await h.app.handlers.settings.get()).optOutKeywords).toEqual(DEFAULT_OPT_OUT_KEYWORDS);
  });

  it('an owner’s edited list is kept, and after a save it is never upgraded again', async () => {
    const dir = await apps.tempDir();
    await writeOldSettings(dir, ['STOP', 'HALT']);
    const h = await apps.real(dir);
    expect((await h.app.handlers.settings.get()).optOutKeywords).toEqual(['STOP', 'HALT']);

    // Today's owner picks exactly the old four words: that is a choice now, and it stays.
    await h.app.handlers.settings.update({ optOutKeywords: [...PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS] });
    await h.app.close();
    apps.forget(h.app);
    const file = JSON.parse(
      await readFile(path.join(dir, 'workspaces', 'real', 'settings.json'), 'utf8'),
    ) as { schemaVersion: number };
    expect(file.schemaVersion).toBe(2);
    const again = await apps.real(dir);
    expect((await again.app.handlers.settings.get()).optOutKeywords).toEqual(
      PREVIOUS_DEFAULT_OPT_OUT_KEYWORDS,
    );
  });
});
