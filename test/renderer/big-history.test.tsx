import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unwrapBridgeApi } from '../../main/contract/client';
import { AppStore } from '../../renderer/src/state/store';
import { HISTORY_PAGE, KEPT_MESSAGES } from '../../renderer/src/state/conversation-pages';
import { FIRST_ROWS } from '../../renderer/src/state/loading';
import type { InProcessHost } from '../support/in-process-host';
import { MESSAGE_HEIGHT, openContact, renderApp, settle, startHost, VIEWPORT } from './render-app';
import { DAY, HOUR, MINUTE, T0 } from './moments';
import { addContact, customerWrites } from './shop-fixtures';

/**
 * A long conversation and a long list in the real app. render-app.tsx gives the log a viewport and
 * every drawn message a height, as a browser would measure them: enough for the virtualizer to draw
 * only what is in view and to page as the log is scrolled.
 */
const VIEW = VIEWPORT;
const ITEM = MESSAGE_HEIGHT;

/** Every 30 minutes from 1 Oct 2025 00:00 UTC: 1,000 messages span about three weeks. */
const START = Date.UTC(2025, 9, 1, 0, 0);
const STEP = 30 * MINUTE;
const atOf = (i: number) => START + i * STEP;

function exportLine(i: number): string {
  const d = new Date(atOf(i));
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${stamp} - ${i % 3 === 0 ? 'Shop' : 'Ahmed'}: Message ${i}`;
}

/** Ahmed with `count` messages, brought in as a chat export (one append, not a message at a time). */
async function ahmedWithHistory(count: number): Promise<{ host: InProcessHost; ahmed: string }> {
  const host = await startHost();
  const ahmed = await addContact(host, { name: 'Ahmed El Amrani', phone: '+31612345001' });
  const text = Array.from({ length: count }, (_, i) => exportLine(i)).join('\n');
  const preview = await host.handlers.imports.previewChatExport({
    fileName: 'WhatsApp Chat with Ahmed.txt',
    text,
    timeZone: 'UTC',
    dateOrder: 'DMY',
    shopParticipant: 'Shop',
    contactId: ahmed,
  });
  await host.handlers.imports.applyChatExport(preview.previewId);
  return { host, ahmed };
}

const drawn = (log: HTMLElement) => log.querySelectorAll('.log-item').length;

/** Scrolls the log (or, without `where`, reports where the app itself scrolled it: happy-dom does not). */
async function scrollLogTo(log: HTMLElement, host: InProcessHost, where?: 'top' | 'bottom') {
  await act(async () => {
    if (where !== undefined) log.scrollTop = where === 'top' ? 0 : log.scrollHeight - VIEW;
    log.dispatchEvent(new Event('scroll'));
    await Promise.resolve();
  });
  await settle(host);
}

async function openAhmed(user: Parameters<typeof openContact>[0], host: InProcessHost) {
  const log = await openContact(user, 'Ahmed El Amrani');
  await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
  await scrollLogTo(log, host);
  return log;
}

describe('a long conversation', () => {
  it('draws only what is in view, pages up and down on scroll and drops pages far away', async () => {
    const { host, ahmed } = await ahmedWithHistory(1_000);
    const { user } = await renderApp(host);
    const log = await openAhmed(user, host);
    await within(log).findByText('Message 999');
    expect(drawn(log)).toBeGreaterThan(0);
    expect(drawn(log)).toBeLessThan(VIEW / ITEM + 20);
    expect(host.callsTo('conversation.history')).toEqual([[ahmed, { limit: HISTORY_PAGE }]]);

    // Scrolling to the top asks for the page before, until the window is full; then the newest go.
    for (let page = 1; page <= 3; page++) {
      await scrollLogTo(log, host, 'top');
      await waitFor(() => expect(host.callsTo('conversation.history')).toHaveLength(page + 1));
    }
    const [, query] = host.callsTo('conversation.history')[3] ?? [];
    expect(query).toMatchObject({ before: atOf(400), limit: HISTORY_PAGE });
    // 800 held would be too many: the newest 200 were dropped, and the log says newer ones exist.
    await within(log).findByRole('button', { name: 'Load newer messages' });
    await waitFor(() => expect(within(log).queryByText('Message 999')).toBeNull());

    // Down again: the page after the newest one held, and the oldest pages are dropped in turn.
    await scrollLogTo(log, host, 'bottom');
    await waitFor(() => expect(host.callsTo('conversation.history')).toHaveLength(5));
    expect(host.callsTo('conversation.history')[4]?.[1]).toMatchObject({
      after: atOf(799),
      limit: HISTORY_PAGE,
    });
    await waitFor(() =>
      expect(within(log).queryByRole('button', { name: 'Load newer messages' })).toBeNull(),
    );
    expect(drawn(log)).toBeLessThan(VIEW / ITEM + 20);
  });

  it('jumps to a date from the header and marks the first message of that day', async () => {
    const { host, ahmed } = await ahmedWithHistory(1_000);
    const { user } = await renderApp(host);
    const log = await openAhmed(user, host);
    await within(log).findByText('Message 999');
    const jump = screen.getByRole('search', { name: 'Jump to a date' });
    fireEvent.change(within(jump).getByLabelText('Jump to'), { target: { value: '2025-10-05' } });
    await user.click(within(jump).getByRole('button', { name: 'Go' }));
    // 5 Oct 00:00 in Amsterdam is 4 Oct 22:00 UTC: message 188 (4 Oct 22:00 UTC) is the first that day.
    const dayStart = Date.UTC(2025, 9, 4, 22, 0);
    expect(host.callsTo('conversation.history').at(-1)).toEqual([
      ahmed,
      { around: { at: dayStart }, limit: HISTORY_PAGE },
    ]);
    await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
    await scrollLogTo(log, host);
    await waitFor(() => {
      const focused = log.querySelector('[aria-current="location"]');
      expect(focused?.textContent).toContain('Message 188');
    });
    expect(within(log).queryByText('Message 999')).toBeNull();
    await user.click(within(log).getByRole('button', { name: 'Jump to the latest' }));
    await waitFor(() => expect(log.getAttribute('aria-busy')).toBe('false'));
    await scrollLogTo(log, host);
    await within(log).findByText('Message 999');
  });

  it('follows new messages at the bottom', async () => {
    const { host } = await ahmedWithHistory(300);
    const { user } = await renderApp(host);
    const log = await openAhmed(user, host);
    await within(log).findByText('Message 299');
    const fromBottom = () => log.scrollHeight - log.scrollTop - VIEW;
    expect(fromBottom()).toBeLessThan(ITEM);
    await customerWrites(host, '+31612345001', T0 - HOUR, 'Is it ready?');
    await settle(host);
    await within(log).findByText('Is it ready?');
    expect(fromBottom()).toBeLessThan(ITEM);

    // Scrolled up to read: a new message does not pull the log down.
    await scrollLogTo(log, host, 'top');
    const reading = log.scrollTop;
    await customerWrites(host, '+31612345001', T0 - HOUR + MINUTE, 'Hello?');
    await settle(host);
    expect(log.scrollTop).toBe(reading);
    expect(fromBottom()).toBeGreaterThan(VIEW);
  });
});

/**
 * The renderer's store (no screen) on Ahmed's 1,000 messages, his conversation opened at message 500;
 * `before` runs first (a message from him, so the window is open).
 */
async function openedAtMessage500(before?: (host: InProcessHost) => Promise<void>) {
  const { host, ahmed } = await ahmedWithHistory(1_000);
  await before?.(host);
  const { messages } = await host.handlers.conversation.history(ahmed, {
    around: { at: atOf(500) },
    limit: 1,
  });
  const target = messages[0];
  if (!target) throw new Error('no message 500');
  const store = new AppStore(unwrapBridgeApi(host.bridge));
  const stop = store.start();
  await waitFor(() => expect(store.getState().status).toBe('ready'));
  await store.openConversationAt(ahmed, { messageId: target.id, at: target.at });
  return { store, stop, ahmed, target };
}

describe('opening a conversation at a message', () => {
  it('opens centred on the message, highlighted, with pages both ways', async () => {
    const { store, stop, ahmed, target } = await openedAtMessage500();
    try {
      const conversation = store.getState().conversation;
      expect(store.getState().selectedId).toBe(ahmed);
      expect(conversation?.focus?.messageId).toBe(target.id);
      const texts = conversation?.messages.map((m) => m.text) ?? [];
      expect(texts).toContain('Message 500');
      expect(texts.indexOf('Message 500')).toBe(HISTORY_PAGE / 2);
      expect(conversation).toMatchObject({ hasMore: true, hasNewer: true });
      await store.loadLater();
      await store.loadLater();
      await store.loadLater();
      const after = store.getState().conversation;
      expect(after?.messages).toHaveLength(KEPT_MESSAGES);
      expect(after?.hasNewer).toBe(false);
      expect(after?.messages.at(-1)?.text).toBe('Message 999');
    } finally {
      stop();
    }
  });
});

describe('sending while reading older history', () => {
  it('brings the log back to the newest messages, where the sent one is', async () => {
    const { store, stop, ahmed } = await openedAtMessage500((host) =>
      customerWrites(host, '+31612345001', T0 - HOUR, 'Is my order ready?'),
    );
    try {
      expect(store.getState().conversation?.hasNewer).toBe(true);
      store.setDraft(ahmed, 'Yes, it is ready to collect');
      await store.sendDraft(ahmed);
      const after = store.getState().conversation;
      expect(after?.hasNewer).toBe(false);
      expect(after?.messages.at(-1)?.text).toBe('Yes, it is ready to collect');
      expect(after?.messages.at(-2)?.text).toBe('Is my order ready?');
    } finally {
      stop();
    }
  });
});

describe('the first screen of a long contact list', () => {
  it('asks for the first rows and the counts, streams the rest, and moves a changed row alone', async () => {
    const host = await startHost(T0 - DAY);
    const csv = [
      'Name,Phone',
      ...Array.from(
        { length: 150 },
        (_, i) => `Customer ${String(i).padStart(3, '0')},+3161000${String(1000 + i)}`,
      ),
    ].join('\n');
    const preview = await host.handlers.imports.previewContactsCsv({
      fileName: 'c.csv',
      bytesBase64: Buffer.from(csv, 'utf8').toString('base64'),
    });
    await host.handlers.imports.applyContactsCsv(preview.previewId);
    await customerWrites(host, '+31610001149', T0 - 2 * HOUR, 'Hello from the end of the list');
    // The rest of the list waits until the first screen has been looked at.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    host.beforeNext('contacts.page', () => held);
    const store = new AppStore(unwrapBridgeApi(host.bridge));
    const stop = store.start();
    try {
      await waitFor(() => expect(store.getState().status).toBe('ready'));
      expect(store.sorted().complete).toBe(false);
      // The first answer: FIRST_ROWS rows in list order and the counts of all 150, never the whole list.
      expect(host.callsTo('contacts.list')).toEqual([]);
      expect(host.callsTo('contacts.firstScreen')).toEqual([[{ limit: FIRST_ROWS }]]);
      const first = store.sorted();
      expect(first.counts).toMatchObject({ all: 150, open: 1, none: 149 });
      expect(first.sorted.length).toBeLessThanOrEqual(FIRST_ROWS);
      expect(first.sorted[0]?.contact.name).toBe('Customer 149');
      release();
      await waitFor(() => expect(store.sorted().complete).toBe(true));
      const full = store.sorted();
      expect(full.sorted).toHaveLength(150);
      expect(full.counts).toMatchObject({ all: 150, open: 1, none: 149 });

      // Customer 050 writes: that row moves to the top, every other row is the very same object.
      await customerWrites(host, '+31610001050', T0 - HOUR, 'Me too');
      await waitFor(() => expect(store.sorted().sorted[1]?.contact.name).toBe('Customer 050'));
      const next = store.sorted();
      expect(next.counts).toMatchObject({ all: 150, open: 2, none: 148 });
      const others = (rows: typeof next.sorted) => rows.filter((row) => row.contact.name !== 'Customer 050');
      expect(others(next.sorted)).toHaveLength(149);
      others(next.sorted).forEach((row, i) => expect(row).toBe(others(full.sorted)[i]));
    } finally {
      stop();
    }
  });
});
