import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import { templateDraft } from '../support/templates';
import {
  customerWhoWrote,
  failed,
  historyOf,
  HOUR,
  outboxFile,
  ScriptedProvider,
  useSessions,
} from './outbox-kit';

const { start, stop, tempDir } = useSessions();

describe('the outbox', () => {
  it('stores a send as queued (history and outbox.json) before the provider is asked', async () => {
    const provider = new ScriptedProvider();
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    const seen: unknown[] = [];
    provider.onSend = async () => {
      seen.push((await historyOf(s.session, contactId)).at(-1)?.status);
      seen.push((await outboxFile(s.dataRoot)).entries.map((e) => e.state));
    };

    const sent = await s.session.conversation.sendText(contactId, 'Yes, it is ready.');
    expect(seen).toEqual(['queued', ['sending']]);
    expect(sent).toMatchObject({ status: 'sent', providerId: 'wamid.out.1' });
    expect((await outboxFile(s.dataRoot)).entries).toEqual([]);
  });

  it('retries a network failure with exponential backoff on the clock, then sends', async () => {
    const provider = new ScriptedProvider([failed('network'), failed('network')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);

    const first = await s.session.conversation.sendText(contactId, 'Yes, it is ready.');
    expect(first).toMatchObject({
      status: 'queued',
      failure: { kind: 'network', reason: 'failed: network' },
    });
    // random() = 0: half of each step (5 s, then 10 s).
    s.clock.advance(2_499);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(1);
    s.clock.advance(1);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(2);
    s.clock.advance(5_000);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(3);
    expect((await historyOf(s.session, contactId)).at(-1)).toMatchObject({ id: first.id, status: 'sent' });
    expect((await historyOf(s.session, contactId)).at(-1)?.failure).toBeUndefined();
  });

  it('keeps the order per contact: a later message waits for the earlier one', async () => {
    const provider = new ScriptedProvider([failed('network')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);

    await s.session.conversation.sendText(contactId, 'First');
    const second = await s.session.conversation.sendText(contactId, 'Second');
    expect(second.status).toBe('queued');
    expect(provider.requests.map((r) => r.text)).toEqual(['First']);

    s.clock.advance(10_000);
    await s.session.outbox.idle();
    expect(provider.requests.map((r) => r.text)).toEqual(['First', 'First', 'Second']);
    expect((await historyOf(s.session, contactId)).slice(-2).map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('after a restart sends what was still queued, and never the one already acknowledged', async () => {
    const dir = await tempDir();
    const before = new ScriptedProvider([{ ok: true, providerId: 'wamid.A' }, failed('network')]);
    const first = await start(before, dir);
    const contactId = await customerWhoWrote(first, before);
    await first.session.conversation.sendText(contactId, 'A');
    await first.session.conversation.sendText(contactId, 'B');
    await stop(first.session);

    const after = new ScriptedProvider([], 'wamid.after');
    const second = await start(after, dir, first.clock);
    second.clock.advance(10_000);
    await second.session.outbox.idle();
    expect(after.requests.map((r) => r.text)).toEqual(['B']);
    expect((await historyOf(second.session, contactId)).slice(-2)).toMatchObject([
      { text: 'A', status: 'sent', providerId: 'wamid.A' },
      { text: 'B', status: 'sent', providerId: 'wamid.after.1' },
    ]);
  });

  it('never resends a template whose outcome is unknown, not even after a restart; the owner decides', async () => {
    const dir = await tempDir();
    const before = new ScriptedProvider([failed('timeout-after-send', 'WhatsApp did not answer in time')]);
    const first = await start(before, dir);
    const contactId = await customerWhoWrote(first, before, { ago: 25 * HOUR });
    const template = await first.session.templates.save(
      templateDraft({
        body: 'Your order {order} is ready.',
        mapping: { order: { kind: 'field', field: 'order' } },
      }),
    );

    await expect(first.session.followUps.send(contactId, template.id)).rejects.toThrow(
      /not sent again automatically/,
    );
    const unconfirmed = (await historyOf(first.session, contactId)).at(-1);
    expect(unconfirmed).toMatchObject({
      status: 'unconfirmed',
      followUp: true,
      failure: { kind: 'timeout-after-send' },
    });
    first.clock.advance(24 * HOUR);
    await first.session.outbox.idle();
    expect(before.requests).toHaveLength(1);
    await stop(first.session);

    const after = new ScriptedProvider();
    const second = await start(after, dir, first.clock);
    second.clock.advance(HOUR);
    await second.session.outbox.idle();
    expect(after.requests).toEqual([]);
    expect((await historyOf(second.session, contactId)).at(-1)).toMatchObject({ status: 'unconfirmed' });
    // It still counts as the window's one follow-up.
    const again = await second.session.followUps.send(contactId, template.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).refusal).toBe('already-sent');

    // The owner checked: it did not arrive. "Send again" sends it once.
    const resent = await second.session.outbox.sendAgain(contactId, unconfirmed?.id ?? '');
    expect(resent).toMatchObject({ outcome: 'sent', message: { status: 'sent' } });
    expect(after.requests).toHaveLength(1);
  });

  it('a free-form text whose outcome is unknown is kept unconfirmed; "Mark as sent" settles it', async () => {
    const provider = new ScriptedProvider([failed('timeout-after-send')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    const message = await s.session.conversation.sendText(contactId, 'On its way');
    expect(message.status).toBe('unconfirmed');
    s.clock.advance(HOUR);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(1);
    expect(await s.session.outbox.markSent(contactId, message.id)).toMatchObject({ status: 'sent' });
    expect((await outboxFile(s.dataRoot)).entries).toEqual([]);
  });

  it('retries a rate limit later (a longer first pause)', async () => {
    const provider = new ScriptedProvider([failed('rate-limited')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    expect((await s.session.conversation.sendText(contactId, 'Hi')).status).toBe('queued');
    s.clock.advance(29_999);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(1);
    s.clock.advance(1);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(2);
  });

  it('"window closed" fails the message at once with what to do, and is not retried', async () => {
    const provider = new ScriptedProvider([failed('window-closed', 'the 24-hour window closed')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    await expect(s.session.conversation.sendText(contactId, 'Hi')).rejects.toThrow(
      'Not sent: the 24-hour window closed. action for window-closed Your text is kept in the box.',
    );
    expect((await historyOf(s.session, contactId)).at(-1)).toMatchObject({
      status: 'failed',
      failure: {
        kind: 'window-closed',
        reason: 'the 24-hour window closed',
        action: 'action for window-closed',
      },
    });
    s.clock.advance(HOUR);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(1);
    const row = s.session.contacts.row(contactId);
    expect(row.activity.lastMessage).toMatchObject({ text: 'Hi', notSent: 'the 24-hour window closed' });
  });

  it('an expired token stops the queue until the owner reconnects; nothing is lost', async () => {
    const provider = new ScriptedProvider([failed('auth', 'the access token expired')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    const first = await s.session.conversation.sendText(contactId, 'One');
    expect(first).toMatchObject({ status: 'queued', failure: { kind: 'auth' } });
    const second = await s.session.conversation.sendText(contactId, 'Two');
    expect(second.status).toBe('queued');
    s.clock.advance(HOUR);
    await s.session.outbox.idle();
    expect(provider.requests).toHaveLength(1);
    expect(s.session.outbox.stopped()).toMatchObject({ kind: 'auth' });

    s.session.outbox.reconnect();
    await s.session.outbox.idle();
    expect(provider.requests.map((r) => r.text)).toEqual(['One', 'One', 'Two']);
  });
});
