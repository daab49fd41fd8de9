import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import type { StatusPricing } from '../../main/services/ports';
import { T0 } from './harness';
import { customerWhoWrote, failed, historyOf, ScriptedProvider, useSessions } from './outbox-kit';

const { start, stop, tempDir } = useSessions();

const PRICING: StatusPricing = {
  billable: true,
  pricingModel: 'PMP',
  category: 'service',
  type: 'regular',
};

const status = (providerId: string, s: 'sent' | 'delivered' | 'read' | 'failed', extra = {}) => ({
  providerId,
  status: s,
  at: T0,
  error: null,
  ...extra,
});

describe('status webhooks', () => {
  it('move a message only forward (read before delivered stays read; a late sent is ignored) and keep the pricing', async () => {
    const provider = new ScriptedProvider();
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    const sent = await s.session.conversation.sendText(contactId, 'Ready for pick-up');

    await provider.report(status('wamid.out.1', 'read'));
    await provider.report(status('wamid.out.1', 'delivered', { pricing: PRICING }));
    await provider.report(status('wamid.out.1', 'sent'));
    const after = (await historyOf(s.session, contactId)).find((m) => m.id === sent.id);
    expect(after).toMatchObject({ status: 'read', pricing: PRICING });
  });

  it('a failed status is final and says why; a later read does not undo it', async () => {
    const provider = new ScriptedProvider();
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    await s.session.conversation.sendText(contactId, 'Ready');
    await provider.report(status('wamid.out.1', 'failed', { error: 'Message undeliverable' }));
    await provider.report(status('wamid.out.1', 'read'));
    expect((await historyOf(s.session, contactId)).at(-1)).toMatchObject({
      status: 'failed',
      failure: { kind: 'undelivered', reason: 'Message undeliverable' },
    });
    expect(s.session.contacts.row(contactId).activity.lastMessage?.notSent).toBe('Message undeliverable');
  });

  it('reach a message sent before a restart', async () => {
    const dir = await tempDir();
    const provider = new ScriptedProvider();
    const first = await start(provider, dir);
    const contactId = await customerWhoWrote(first, provider);
    await first.session.conversation.sendText(contactId, 'Ready');
    await stop(first.session);

    const again = new ScriptedProvider();
    const second = await start(again, dir, first.clock);
    await again.report(status('wamid.out.1', 'delivered'));
    expect((await historyOf(second.session, contactId)).at(-1)).toMatchObject({ status: 'delivered' });
  });

  it('settle an unconfirmed send by its reference when its wamid was never known', async () => {
    const provider = new ScriptedProvider([failed('timeout-after-send')]);
    const s = await start(provider);
    const contactId = await customerWhoWrote(s, provider);
    const message = await s.session.conversation.sendText(contactId, 'Ready');
    expect(message.status).toBe('unconfirmed');
    expect(provider.requests[0]?.reference).toBe(message.id);

    await provider.report(status('wamid.late', 'delivered', { reference: message.id }));
    expect((await historyOf(s.session, contactId)).at(-1)).toMatchObject({
      status: 'delivered',
      providerId: 'wamid.late',
    });
    expect(s.session.outbox.stopped()).toBeNull();
    await expect(s.session.outbox.markSent(contactId, message.id)).rejects.toThrow(/no longer waiting/);
  });

  it('append one short line per status, however long the history (bytes, not time)', async () => {
    const appended = async (history: number) => {
      const provider = new ScriptedProvider();
      const s = await start(provider);
      const contactId = await customerWhoWrote(s, provider);
      for (let i = 0; i < history; i++) {
        const m: Message = {
          id: `old-${String(i)}`,
          contactId,
          direction: 'inbound',
          kind: 'text',
          text: `Earlier message number ${String(i)} with some words in it`,
          at: T0 - 2 * 3_600_000 - i,
          status: 'received',
          providerId: null,
          followUp: false,
          template: null,
          error: null,
          consent: null,
        };
        await s.session.store.appendMessage(m);
      }
      await s.session.conversation.sendText(contactId, 'Ready');
      const folder = path.join(s.session.store.dir, 'messages');
      const size = async () => {
        const [name] = await readdir(folder);
        return (await stat(path.join(folder, name ?? ''))).size;
      };
      const before = await size();
      await provider.report(status('wamid.out.1', 'delivered', { pricing: PRICING }));
      return (await size()) - before;
    };
    const small = await appended(0);
    const large = await appended(2_000);
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(300);
    expect(large).toBe(small);
  });
});

describe('webhooks delivered more than once', () => {
  it('store an inbound message once, even when the redelivery comes after a restart', async () => {
    const dir = await tempDir();
    const provider = new ScriptedProvider();
    const first = await start(provider, dir);
    const contactId = await customerWhoWrote(first, provider, { wamid: 'wamid.IN1' });
    await stop(first.session);

    const again = new ScriptedProvider();
    const second = await start(again, dir, first.clock);
    await again.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'Is my order ready?',
      at: second.clock.now() - 3_600_000,
      providerId: 'wamid.IN1',
    });
    expect((await historyOf(second.session, contactId)).map((m) => m.providerId)).toEqual(['wamid.IN1']);
  });

  it('place an out-of-order delivery by its timestamp, and an unknown number becomes a contact without opt-in', async () => {
    const provider = new ScriptedProvider();
    const s = await start(provider);
    const from = '+31687654321';
    await provider.deliver({
      from,
      profileName: 'Joris',
      text: 'Second',
      at: T0 - 60_000,
      providerId: 'w.2',
    });
    await provider.deliver({
      from,
      profileName: 'Joris',
      text: 'First',
      at: T0 - 120_000,
      providerId: 'w.1',
    });
    const contact = s.session.store.contactByPhone(from);
    expect(contact).toMatchObject({ name: 'Joris', optIn: { status: 'none' } });
    expect((await historyOf(s.session, contact?.id ?? '')).map((m) => m.text)).toEqual(['First', 'Second']);
  });
});
