import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { DAY, HOUR, MINUTE, SECOND, T0 } from './moments';
import { openContact, renderApp, settle, startHost } from './render-app';
import { addContact, customerWrites, draftOf, SHOP_OPENS } from './shop-fixtures';

const PHONE = {
  maria: '+31612345678',
  ahmed: '+32470998877',
  sofia: '+390212345678',
  carl: '+4930123456',
  otto: '+4930123457',
  tom: '+31201110001',
  nina: '+4930123458',
};

/**
 * A day of conversations: Maria asked about zips yesterday and got an answer, asked about the blue one
 * (her window closes at 14:42), got a ticket update and one message that WhatsApp refused; Ahmed's window
 * is open; Sofia's closed 3 h ago; Carl has no opt-in; Otto wrote STOP; Tom got his follow-up at 10:02;
 * Nina never wrote.
 */
async function shop(): Promise<{ host: InProcessHost; id: Record<keyof typeof PHONE, string> }> {
  const host = await startHost(T0 - DAY - HOUR);
  const add = (name: string, phone: string, optIn?: { status: 'none'; source: null }) =>
    addContact(host, { name, phone, fields: { ticket_ID: '42' }, ...(optIn ? { optIn } : {}) });
  const id = {
    maria: await add('Maria Jansen', PHONE.maria),
    ahmed: await add('Ahmed El Amrani', PHONE.ahmed),
    sofia: await add('Sofia Rossi', PHONE.sofia),
    carl: await add('Carl Meyer', PHONE.carl, { status: 'none', source: null }),
    otto: await add('Otto Brandt', PHONE.otto),
    tom: await add('Tom de Vries', PHONE.tom),
    nina: await add('Nina Berg', PHONE.nina),
  };
  const template = await host.handlers.templates.save(
    draftOf({
      name: 'ticket_update',
      body: 'We have a new update regarding your ticket {ticket_ID}.',
      mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
    }),
  );
  await customerWrites(host, PHONE.tom, T0 - 2 * DAY);
  await customerWrites(host, PHONE.maria, T0 - DAY - 2 * HOUR, 'Do you repair zips?');
  await host.handlers.conversation.sendText(id.maria, 'Yes, bring it in.');
  for (const who of ['sofia', 'carl'] as const) await customerWrites(host, PHONE[who], T0 - DAY - 3 * HOUR);
  await customerWrites(host, PHONE.otto, T0 - DAY - 3 * HOUR, 'STOP');
  await customerWrites(host, PHONE.maria, T0 - 23 * HOUR - 18 * MINUTE, 'Is the blue one back in stock?');
  await host.advanceTo(T0 - 21 * HOUR);
  host.simulator.refuseNext('The number is not on WhatsApp');
  // Refused: main keeps the message, marked failed, and says so.
  await expect(host.handlers.conversation.sendText(id.maria, 'Hello?')).rejects.toThrow(
    'The number is not on WhatsApp',
  );
  await customerWrites(host, PHONE.ahmed, T0 + 5 * HOUR - DAY);
  await host.advanceTo(SHOP_OPENS + 2 * MINUTE);
  await host.handlers.followUps.send(id.tom, template.id);
  // Sent a moment ago: delivered, not read yet.
  await host.advanceTo(T0 - 4 * SECOND);
  await host.handlers.conversation.sendTemplate(id.maria, template.id);
  await host.advanceTo(T0);
  return { host, id };
}

/** Ahmed alone, with these messages from him (his window open for 5 more hours after the last). */
async function ahmedWrote(messages: { at: number; text: string }[]) {
  const host = await startHost();
  const ahmed = await addContact(host, { name: 'Ahmed El Amrani', phone: PHONE.ahmed });
  for (const { at, text } of messages) await customerWrites(host, PHONE.ahmed, at, text);
  const { messages: stored } = await host.handlers.conversation.history(ahmed, { limit: 500 });
  const idOf = (text: string) => stored.find((m) => m.text === text)?.id;
  return { host, ahmed, idOf };
}

/** The log draws only what is in view: the owner scrolls up to read what "Load earlier" brought in. */
async function scrollToTop(log: HTMLElement) {
  await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
  await act(async () => {
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await Promise.resolve();
  });
}

async function scrollToBottom(log: HTMLElement) {
  await act(async () => {
    log.scrollTop = log.scrollHeight - log.clientHeight;
    log.dispatchEvent(new Event('scroll'));
    await Promise.resolve();
  });
}

const composer = () => screen.getByRole('textbox', { name: 'Message' });
const sendButton = () => screen.getByRole('button', { name: 'Send' });

describe('the conversation', () => {
  it('shows bubbles with day separators, times, ticks and template marks', async () => {
    const { user } = await renderApp((await shop()).host);
    const log = await openContact(user, 'Maria Jansen');
    await within(log).findByText('Do you repair zips?');
    // T0 is Wed 26 Nov 14:00 in Amsterdam; the messages are from Tuesday.
    expect(within(log).getByRole('heading', { name: 'Yesterday' })).toBeTruthy();
    expect(within(log).getByText('12:00')).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Read' }).textContent).toBe('✓✓');
    expect(within(log).getByRole('img', { name: 'Delivered' })).toBeTruthy();
    expect(within(log).getByText('Template · ticket_update')).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Not sent' })).toBeTruthy();
    expect(within(log).getByText(/Not sent: The number is not on WhatsApp\./)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Maria Jansen', level: 2 })).toBeTruthy();
    expect(screen.getByText('+31 6 12345678')).toBeTruthy();
  });

  it('sends with the button, clears the draft and shows the message', async () => {
    const { host, id } = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.type(composer(), 'It is back from Thursday.');
    await user.click(sendButton());
    expect(host.callsTo('conversation.sendText')).toEqual([[id.maria, 'It is back from Thursday.']]);
    await waitFor(() => expect(composer()).toHaveProperty('value', ''));
    const log = screen.getByRole('log', { name: 'Conversation with Maria Jansen' });
    expect(within(log).getByText('It is back from Thursday.')).toBeTruthy();
    expect(within(log).getAllByRole('img', { name: 'Sent' })).toHaveLength(1);
  });

  it('with “Enter sends” off, sends with Ctrl+Enter; Enter alone adds a line', async () => {
    const { host, id } = await shop();
    await host.handlers.settings.update({ enterSends: false });
    const { user } = await renderApp(host);
    await openContact(user, 'Ahmed El Amrani');
    await user.type(composer(), 'Line one{Enter}line two');
    expect(host.callsTo('conversation.sendText')).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(host.callsTo('conversation.sendText')).toEqual([[id.ahmed, 'Line one\nline two']]);
  });

  it('keeps the draft and says why when sending fails', async () => {
    const { host } = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Are you still there?');
    host.simulator.refuseNext('WhatsApp could not be reached');
    await user.click(sendButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('WhatsApp could not be reached');
    expect(alert.textContent).toContain('Your text is still in the message box.');
    expect(composer()).toHaveProperty('value', 'Are you still there?');
  });

  it('keeps a draft per contact while switching', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Draft for Maria');
    await openContact(user, 'Ahmed El Amrani');
    expect(composer()).toHaveProperty('value', '');
    await user.type(composer(), 'Draft for Ahmed');
    await openContact(user, 'Maria Jansen');
    expect(composer()).toHaveProperty('value', 'Draft for Maria');
  });

  it('counts characters near WhatsApp’s limit', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Maria Jansen');
    await user.click(composer());
    await user.paste('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    expect(screen.getByText(/4,097 \/ 4,096/)).toBeTruthy();
    expect(sendButton()).toHaveProperty('disabled', true);
    expect(composer().getAttribute('aria-invalid')).toBe('true');
  });

  it('appends pushed messages and updates their status by id', async () => {
    const { host, id } = await shop();
    const { user } = await renderApp(host);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('Hello!');
    await act(() => customerWrites(host, PHONE.ahmed, T0, 'Thanks! See you Friday'));
    expect(within(log).getByText('Thanks! See you Friday')).toBeTruthy();
    // Sent from main, not from this screen: WhatsApp reports it delivered, then read.
    await host.handlers.conversation.sendText(id.ahmed, 'See you');
    await act(() => host.advanceTo(T0 + 10 * SECOND));
    expect(await within(log).findByRole('img', { name: 'Read' })).toBeTruthy();
    expect(within(log).getAllByText('See you')).toHaveLength(1);
    // Another contact's message does not land here.
    await act(() => customerWrites(host, PHONE.maria, T0 + 10 * SECOND, 'Not for Ahmed'));
    expect(within(log).queryByText('Not for Ahmed')).toBeNull();
  });

  it('puts the text back in the message box when delivery fails later', async () => {
    const { host, id } = await shop();
    const { user } = await renderApp(host);
    const log = await openContact(user, 'Ahmed El Amrani');
    await user.type(composer(), 'Your order is ready');
    await user.click(sendButton());
    await waitFor(() => expect(composer()).toHaveProperty('value', ''));
    const { messages } = await host.handlers.conversation.history(id.ahmed, { limit: 1 });
    const providerId = messages[0]?.providerId;
    if (!providerId) throw new Error('nothing was sent');
    await act(() =>
      host.simulator.reportStatus({
        providerId,
        status: 'failed',
        at: T0,
        error: 'Meta rejected the message.',
      }),
    );
    await settle(host);
    expect(composer()).toHaveProperty('value', 'Your order is ready');
    // Main's words for the failure, said once, then where the text went.
    const [failed] = (await host.handlers.conversation.history(id.ahmed, { limit: 1 })).messages;
    expect(failed?.failure).toMatchObject({ kind: 'undelivered', reason: 'Meta rejected the message' });
    expect(log.textContent).toContain('Not sent: Meta rejected the message.');
    expect(log.textContent).toContain('Your text is back in the message box.');
    expect(log.textContent.match(/Not sent:/g)).toHaveLength(1);
  });

  it('loads earlier messages on request', async () => {
    // The last one at 19:00 yesterday, one a minute before it.
    const at = (i: number) => T0 + 5 * HOUR - DAY - (249 - i) * MINUTE;
    const { host, ahmed, idOf } = await ahmedWrote(
      Array.from({ length: 250 }, (_, i) => ({ at: at(i), text: `Message ${i}` })),
    );
    const { user } = await renderApp(host);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('Message 249');
    expect(within(log).queryByText('Message 49')).toBeNull();
    expect(host.callsTo('conversation.history')).toEqual([[ahmed, { limit: 200 }]]);
    await user.click(within(log).getByRole('button', { name: 'Load earlier messages' }));
    await scrollToTop(log);
    await within(log).findByText('Message 0');
    expect(host.callsTo('conversation.history')[1]).toEqual([
      ahmed,
      { before: at(50), beforeId: idOf('Message 50'), limit: 200 },
    ]);
    expect(within(log).queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
  });

  it('loads earlier messages that share a millisecond with the oldest one shown', async () => {
    const at = T0 + HOUR - DAY;
    const { host, ahmed, idOf } = await ahmedWrote(
      Array.from({ length: 203 }, (_, i) => ({ at, text: `Tied ${i}` })),
    );
    const { user } = await renderApp(host);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('Tied 202');
    expect(within(log).queryByText('Tied 2')).toBeNull();
    await user.click(within(log).getByRole('button', { name: 'Load earlier messages' }));
    await scrollToTop(log);
    await within(log).findByText('Tied 0');
    expect(host.callsTo('conversation.history')[1]).toEqual([
      ahmed,
      { before: at, beforeId: idOf('Tied 3'), limit: 200 },
    ]);
    for (const i of [0, 1, 2, 3, 4]) expect(within(log).getAllByText(`Tied ${i}`)).toHaveLength(1);
    // Only what is in view is drawn: the newest one is still there, once, at the bottom.
    await scrollToBottom(log);
    expect(within(log).getAllByText('Tied 202')).toHaveLength(1);
    expect(within(log).queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
  });
});

describe('when free-form messages are not allowed', () => {
  it('replaces the composer with the reason after the window closed', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Sofia Rossi');
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain(
      'The 24-hour window closed 3 h ago. You can send one approved template to continue.',
    );
    expect(screen.getByText(/^Window closed today at 11:00/)).toBeTruthy();
  });

  it('offers to add an opt-in when none is recorded', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Carl Meyer');
    const panel = screen.getByRole('status');
    expect(panel.textContent).toContain(
      'No opt-in recorded — WhatsApp allows templates only to customers who opted in.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Add opt-in' }));
    // The small opt-in dialog (issue 14), not the whole editor with "No opt-in" still selected.
    const dialog = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    expect(within(dialog).getByRole('combobox', { name: 'How they agreed' })).toBe(document.activeElement);
  });

  it('says when the customer opted out', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Otto Brandt');
    expect(screen.getByRole('status').textContent).toContain(
      'Opted out — this customer asked not to receive templates.',
    );
    expect(screen.queryByRole('button', { name: 'Add opt-in' })).toBeNull();
  });

  it('says a follow-up was sent and waits for the reply', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Tom de Vries');
    expect(screen.getByRole('status').textContent).toBe(
      'Follow-up sent at 10:02. You can write again when the customer replies.',
    );
  });

  it('explains that a customer who never wrote needs a template', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Nina Berg');
    expect(screen.getByRole('status').textContent).toContain(
      'This customer has not written yet. Only an approved template can start the conversation.',
    );
  });

  it('swaps the composer for the panel when the window closes while typing, keeping the text', async () => {
    const { host } = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Half a thought');
    await act(() => host.advanceTo(T0 + 42 * MINUTE));
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Your unsent text is kept here:' })).toHaveProperty(
      'value',
      'Half a thought',
    );
  });

  it('renders the follow-up slot only where a follow-up is possible', async () => {
    const { user } = await renderApp((await shop()).host, {
      renderFollowUp: (row, placement) => <span data-testid={`slot-${placement}`}>{row.contact.name}</span>,
    });
    await openContact(user, 'Sofia Rossi');
    expect(screen.getByTestId('slot-panel').textContent).toBe('Sofia Rossi');
    await openContact(user, 'Carl Meyer');
    expect(screen.queryByTestId('slot-panel')).toBeNull();
  });
});
