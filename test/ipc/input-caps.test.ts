import { describe, expect, it } from 'vitest';
import type { ContactRow, FollowUpOverview, Message } from '../../main/contract/model';
import { templateDraft } from '../support/templates';
import { useWiredApps, WIRED_TEST_TIMEOUT, type WiredApp } from './wired-app';

const start = useWiredApps();

const manyKeys = <T>(count: number, value: T): Record<string, T> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${String(i)}`, value]));

async function history(app: WiredApp, contactId: string): Promise<Message[]> {
  return (await app.value<{ messages: Message[] }>('conversation:history', contactId, {})).messages;
}

/** A customer whose window closed and who may get the one follow-up, with the template it would use. */
async function eligible(app: WiredApp): Promise<{ contactId: string; templateId: string }> {
  const overview = await app.value<FollowUpOverview>('followUps:overview');
  const first = overview.eligible[0];
  if (!first?.preview.templateId) throw new Error('the demo has a customer ready for a follow-up');
  return { contactId: first.row.contact.id, templateId: first.preview.templateId };
}

function expectRefused(result: Awaited<ReturnType<WiredApp['call']>>, code: string, message: RegExp): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message).toMatch(message);
}

describe(
  'requests too big to be meant are refused before they cost anything',
  { timeout: WIRED_TEST_TIMEOUT },
  () => {
    it('a contact with 200,000 custom fields', async () => {
      const app = await start();
      const before = await app.value<ContactRow[]>('contacts:list');
      const refused = await app.call('contacts:create', {
        name: 'Many',
        phone: '+31 6 1234 0010',
        fields: manyKeys(200_000, 'x'),
        optIn: { status: 'none', at: null, source: null },
      });
      expectRefused(refused, 'invalid-input', /at most 60/);
      expect(await app.value('contacts:list')).toEqual(before);
    });

    it('a template mapping with 200,000 placeholders', async () => {
      const app = await start();
      const refused = await app.call(
        'templates:save',
        templateDraft({ name: 'huge_mapping', mapping: manyKeys(200_000, { kind: 'fixed', value: 'x' }) }),
      );
      expectRefused(refused, 'invalid-input', /at most 100 placeholders/);
    });

    it('a follow-up batch over the limit', async () => {
      const app = await start();
      const items = Array.from({ length: 10_001 }, (_, i) => ({
        contactId: `c${String(i)}`,
        templateId: 't',
      }));
      expectRefused(await app.call('followUps:sendAll', items), 'invalid-input', /at most 10,000/);
    });
  },
);

describe(
  'an impossible follow-up batch is refused whole and written nowhere',
  { timeout: WIRED_TEST_TIMEOUT },
  () => {
    it('the same customer twice', async () => {
      const app = await start();
      const item = await eligible(app);
      const before = await history(app, item.contactId);
      expectRefused(await app.call('followUps:sendAll', [item, item, item]), 'invalid-input', /twice/);
      expect(await history(app, item.contactId)).toEqual(before);
    });

    it('a template that does not exist', async () => {
      const app = await start();
      const item = await eligible(app);
      const before = await history(app, item.contactId);
      const refused = await app.call('followUps:sendAll', [{ ...item, templateId: 'no-such-template' }]);
      expectRefused(refused, 'not-found', /template/);
      expect(await history(app, item.contactId)).toEqual(before);
    });

    it('a customer that does not exist, next to one that does', async () => {
      const app = await start();
      const item = await eligible(app);
      const before = await history(app, item.contactId);
      const refused = await app.call('followUps:sendAll', [item, { ...item, contactId: 'no-such-contact' }]);
      expectRefused(refused, 'not-found', /customer/);
      expect(await history(app, item.contactId)).toEqual(before);
    });

    it('still sends a possible batch', async () => {
      const app = await start();
      const item = await eligible(app);
      const results = await app.value<{ ok: boolean }[]>('followUps:sendAll', [item]);
      expect(results).toMatchObject([{ ok: true }]);
    });
  },
);
