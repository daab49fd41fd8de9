import { describe, expect, it } from 'vitest';
import type { ContactRow, Message, Template } from '../../main/contract/model';
import { templateDraft } from '../support/templates';
import { useWiredApps, WIRED_TEST_TIMEOUT } from './wired-app';

const start = useWiredApps();

const DIRTY = 'be \u0000\u001B[31mthere\u001B[0m\u202E at 9';
const CLEAN = 'be there at 9';

const contactDraft = (name: string) => ({
  name,
  phone: '+31 6 1234 0009',
  optIn: { status: 'none', at: null, source: null },
});

describe('text the owner types is stored without control characters', { timeout: WIRED_TEST_TIMEOUT }, () => {
  it('a contact name', async () => {
    const { value } = await start();
    const row = await value<ContactRow>('contacts:create', contactDraft(`Ann ${DIRTY}`));
    expect(row.contact.name).toBe(`Ann ${CLEAN}`);
  });

  it('refuses a name made only of invisible characters', async () => {
    const { call } = await start();
    const refused = await call('contacts:create', contactDraft('\u200B\u200D\u202E'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!refused.ok) expect(refused.error.fields?.name).toMatch(/Enter a name/);
  });

  it('a template body keeps its lines and loses the rest', async () => {
    const { value } = await start();
    const saved = await value<Template>(
      'templates:save',
      templateDraft({
        name: 'clean_body',
        body: `Hello {{1}},\n${DIRTY}\u0007`,
        mapping: { 1: { kind: 'field', field: 'name' } },
      }),
    );
    expect(saved.body).toBe(`Hello {{1}},\n${CLEAN}`);
  });

  it('a message', async () => {
    const { value } = await start();
    const [row] = await value<ContactRow[]>('contacts:list');
    if (!row) throw new Error('the demo has contacts');
    await value<Message>('demo:simulateInbound', row.contact.id, 'Hi!');
    const sent = await value<Message>('conversation:sendText', row.contact.id, `See you,\n${DIRTY}`);
    expect(sent.text).toBe(`See you,\n${CLEAN}`);
  });

  it('refuses a message that is empty once control characters are gone, and sends nothing', async () => {
    const { call, value } = await start();
    const [row] = await value<ContactRow[]>('contacts:list');
    if (!row) throw new Error('the demo has contacts');
    await value<Message>('demo:simulateInbound', row.contact.id, 'Hi!');
    const before = await value<{ messages: Message[] }>('conversation:history', row.contact.id, {});
    const refused = await call('conversation:sendText', row.contact.id, '\u0000\u001B[0m\u200B');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await value('conversation:history', row.contact.id, {})).toEqual(before);
  });
});
