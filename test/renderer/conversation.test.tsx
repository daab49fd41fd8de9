import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../main/contract/model';
import { DAY, FakeBridge, HOUR, makeMessage, makeRow, MINUTE, T0 } from './fake-api';
import { emit, openContact, renderApp } from './render-app';

function bridge() {
  const fake = new FakeBridge([
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 42 * MINUTE,
      phone: '+31612345678',
    }),
    makeRow({
      id: 'ahmed',
      name: 'Ahmed El Amrani',
      state: 'open',
      expiresAt: T0 + 5 * HOUR,
      phone: '+32470998877',
    }),
    makeRow({
      id: 'sofia',
      name: 'Sofia Rossi',
      state: 'closed',
      expiresAt: T0 - 3 * HOUR,
      followUp: 'ready',
      phone: '+390212345',
    }),
    makeRow({
      id: 'carl',
      name: 'Carl Meyer',
      state: 'closed',
      expiresAt: T0 - 3 * HOUR,
      followUp: 'no-opt-in',
      optIn: { status: 'none', at: null, source: null },
      phone: '+4930123456',
    }),
    makeRow({
      id: 'otto',
      name: 'Otto Brandt',
      state: 'closed',
      expiresAt: T0 - 3 * HOUR,
      followUp: 'opted-out',
      optIn: { status: 'opted-out', at: T0 - DAY, source: null },
      phone: '+4930123457',
    }),
    makeRow({
      id: 'tom',
      name: 'Tom de Vries',
      state: 'awaiting-reply',
      followUpSentAt: Date.UTC(2025, 10, 26, 9, 2),
      phone: '+31201110001',
    }),
    makeRow({ id: 'nina', name: 'Nina Berg', state: 'none', phone: '+4930123458' }),
  ]);
  fake.addMessages(
    makeMessage({ id: 'm1', contactId: 'maria', at: T0 - DAY - 2 * HOUR, text: 'Do you repair zips?' }),
    makeMessage({
      id: 'm2',
      contactId: 'maria',
      at: T0 - DAY - HOUR,
      direction: 'outbound',
      text: 'Yes, bring it in.',
      status: 'read',
    }),
    makeMessage({
      id: 'm3',
      contactId: 'maria',
      at: T0 - 23 * HOUR - 18 * MINUTE,
      text: 'Is the blue one back in stock?',
    }),
    makeMessage({
      id: 'm4',
      contactId: 'maria',
      at: T0 - 22 * HOUR,
      direction: 'outbound',
      kind: 'template',
      template: { name: 'ticket_update', language: 'en' },
      text: 'We have a new update regarding your ticket 42.',
      status: 'delivered',
    }),
    makeMessage({
      id: 'm5',
      contactId: 'maria',
      at: T0 - 21 * HOUR,
      direction: 'outbound',
      text: 'Hello?',
      status: 'failed',
      error: 'The number is not on WhatsApp.',
    }),
  );
  return fake;
}

const composer = () => screen.getByRole('textbox', { name: 'Message' });
const sendButton = () => screen.getByRole('button', { name: 'Send' });

describe('the conversation', () => {
  it('shows bubbles with day separators, times, ticks and template marks', async () => {
    const { user } = await renderApp(bridge());
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
    const fake = bridge();
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.type(composer(), 'It is back from Thursday.');
    await user.click(sendButton());
    expect(fake.callsTo('conversation.sendText')).toEqual([['maria', 'It is back from Thursday.']]);
    await waitFor(() => expect(composer()).toHaveProperty('value', ''));
    const log = screen.getByRole('log', { name: 'Conversation with Maria Jansen' });
    expect(within(log).getByText('It is back from Thursday.')).toBeTruthy();
    expect(within(log).getAllByRole('img', { name: 'Sent' })).toHaveLength(1);
  });

  it('sends with Ctrl+Enter; Enter alone adds a line', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    await openContact(user, 'Ahmed El Amrani');
    await user.type(composer(), 'Line one{Enter}line two');
    expect(fake.callsTo('conversation.sendText')).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(fake.callsTo('conversation.sendText')).toEqual([['ahmed', 'Line one\nline two']]);
  });

  it('keeps the draft and says why when sending fails', async () => {
    const fake = bridge();
    fake.fail('conversation.sendText', {
      code: 'window-closed',
      message:
        'The 24-hour window has closed. WhatsApp allows only one approved template until the customer writes again.',
    });
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Are you still there?');
    await user.click(sendButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The 24-hour window has closed.');
    expect(alert.textContent).toContain('Your text is still in the message box.');
    expect(composer()).toHaveProperty('value', 'Are you still there?');
  });

  it('keeps a draft per contact while switching', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Draft for Maria');
    await openContact(user, 'Ahmed El Amrani');
    expect(composer()).toHaveProperty('value', '');
    await user.type(composer(), 'Draft for Ahmed');
    await openContact(user, 'Maria Jansen');
    expect(composer()).toHaveProperty('value', 'Draft for Maria');
  });

  it('counts characters near WhatsApp’s limit', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Maria Jansen');
    await user.click(composer());
    await user.paste('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    expect(screen.getByText(/4,097 \/ 4,096/)).toBeTruthy();
    expect(sendButton()).toHaveProperty('disabled', true);
    expect(composer().getAttribute('aria-invalid')).toBe('true');
  });

  it('appends pushed messages and updates their status by id', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('No messages yet.');
    const incoming = makeMessage({ id: 'in1', contactId: 'ahmed', at: T0, text: 'Thanks! See you Friday' });
    emit(() => fake.emit('conversation:message', { message: incoming }));
    expect(within(log).getByText('Thanks! See you Friday')).toBeTruthy();
    const out = makeMessage({
      id: 'out1',
      contactId: 'ahmed',
      at: T0 + 1,
      direction: 'outbound',
      text: 'See you',
      status: 'sent',
    });
    emit(() => fake.emit('conversation:message', { message: out }));
    emit(() => fake.emit('conversation:message', { message: { ...out, status: 'read' } }));
    expect(within(log).getAllByText('See you')).toHaveLength(1);
    expect(within(log).getByRole('img', { name: 'Read' })).toBeTruthy();
    // Another contact's message does not land here.
    emit(() =>
      fake.emit('conversation:message', {
        message: makeMessage({ id: 'x', contactId: 'maria', at: T0, text: 'Not for Ahmed' }),
      }),
    );
    expect(within(log).queryByText('Not for Ahmed')).toBeNull();
  });

  it('puts the text back in the message box when delivery fails later', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    const log = await openContact(user, 'Ahmed El Amrani');
    await user.type(composer(), 'Your order is ready');
    await user.click(sendButton());
    await waitFor(() => expect(composer()).toHaveProperty('value', ''));
    const [sent] = fake.messages.get('ahmed') ?? [];
    if (!sent) throw new Error('nothing was sent');
    emit(() =>
      fake.emit('conversation:message', {
        message: { ...sent, status: 'failed', error: 'Meta rejected the message.' },
      }),
    );
    expect(composer()).toHaveProperty('value', 'Your order is ready');
    expect(
      within(log).getByText(/Not sent: Meta rejected the message\. Your text is back in the message box\./),
    ).toBeTruthy();
  });

  it('loads earlier messages on request', async () => {
    const fake = bridge();
    const many = Array.from({ length: 250 }, (_, i) =>
      makeMessage({ id: `h${i}`, contactId: 'ahmed', at: T0 - 10 * DAY + i * MINUTE, text: `Message ${i}` }),
    );
    fake.addMessages(...many);
    const { user } = await renderApp(fake);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('Message 249');
    expect(within(log).queryByText('Message 49')).toBeNull();
    expect(fake.callsTo('conversation.history')).toEqual([['ahmed', { limit: 200 }]]);
    await user.click(within(log).getByRole('button', { name: 'Load earlier messages' }));
    await within(log).findByText('Message 0');
    expect(fake.callsTo('conversation.history')[1]).toEqual([
      'ahmed',
      { before: T0 - 10 * DAY + 50 * MINUTE, beforeId: 'h50', limit: 200 },
    ]);
    expect(within(log).queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
  });

  it('loads earlier messages that share a millisecond with the oldest one shown', async () => {
    const fake = bridge();
    const at = T0 - DAY;
    const tied = Array.from({ length: 203 }, (_, i) =>
      makeMessage({ id: `t${String(i).padStart(3, '0')}`, contactId: 'ahmed', at, text: `Tied ${i}` }),
    );
    fake.addMessages(...tied);
    const { user } = await renderApp(fake);
    const log = await openContact(user, 'Ahmed El Amrani');
    await within(log).findByText('Tied 202');
    expect(within(log).queryByText('Tied 2')).toBeNull();
    await user.click(within(log).getByRole('button', { name: 'Load earlier messages' }));
    await within(log).findByText('Tied 0');
    expect(fake.callsTo('conversation.history')[1]).toEqual([
      'ahmed',
      { before: at, beforeId: 't003', limit: 200 },
    ]);
    for (const i of [0, 1, 2, 3, 202]) expect(within(log).getAllByText(`Tied ${i}`)).toHaveLength(1);
    expect(within(log).queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
  });
});

describe('when free-form messages are not allowed', () => {
  it('replaces the composer with the reason after the window closed', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Sofia Rossi');
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain(
      'The 24-hour window closed 3 h ago. You can send one approved template to continue.',
    );
    expect(screen.getByText(/^Window closed today at 11:00/)).toBeTruthy();
  });

  it('offers to add an opt-in when none is recorded', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Carl Meyer');
    const panel = screen.getByRole('status');
    expect(panel.textContent).toContain(
      'No opt-in recorded — WhatsApp allows templates only to customers who opted in.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Add opt-in' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(dialog).getByRole('radio', { name: 'No opt-in' })).toBe(document.activeElement);
  });

  it('says when the customer opted out', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Otto Brandt');
    expect(screen.getByRole('status').textContent).toContain(
      'Opted out — this customer asked not to receive templates.',
    );
    expect(screen.queryByRole('button', { name: 'Add opt-in' })).toBeNull();
  });

  it('says a follow-up was sent and waits for the reply', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Tom de Vries');
    expect(screen.getByRole('status').textContent).toBe(
      'Follow-up sent at 10:02. You can write again when the customer replies.',
    );
  });

  it('explains that a customer who never wrote needs a template', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Nina Berg');
    expect(screen.getByRole('status').textContent).toContain(
      'This customer has not written yet. Only an approved template can start the conversation.',
    );
  });

  it('swaps the composer for the panel when the window closes while typing, keeping the text', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Half a thought');
    const closed = makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closed',
      expiresAt: T0,
      followUp: 'ready',
      phone: '+31612345678',
    });
    emit(() => fake.emit('contacts:changed', { rows: [closed] }));
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Your unsent text is kept here:' })).toHaveProperty(
      'value',
      'Half a thought',
    );
  });

  it('renders the follow-up slot only where a follow-up is possible', async () => {
    const { user } = await renderApp(bridge(), {
      renderFollowUp: (row, placement) => <span data-testid={`slot-${placement}`}>{row.contact.name}</span>,
    });
    await openContact(user, 'Sofia Rossi');
    expect(screen.getByTestId('slot-panel').textContent).toBe('Sofia Rossi');
    await openContact(user, 'Carl Meyer');
    expect(screen.queryByTestId('slot-panel')).toBeNull();
  });
});
