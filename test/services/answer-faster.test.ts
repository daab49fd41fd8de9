import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTO_REPLIES,
  type AutoReplySettings,
  type ContactDraft,
  type Message,
} from '../../main/contract/model';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import { FakeClock } from '../support/fake-clock';
import { templateDraft } from '../support/templates';
import { useTempDirs } from '../support/temp-dir';
import { startApp, type Harness } from './harness';

// T0 is Tuesday 24 Nov 2026, 15:20 in Amsterdam: inside the default business hours (09:00–18:00).
const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.app.close()));
});

async function realApp(dir?: string, clock?: FakeClock): Promise<Harness> {
  const h = await startApp(dir ?? (await tempDir()), clock);
  running.push(h);
  if ((await h.app.handlers.workspace.info()).kind !== 'real') {
    await h.app.handlers.workspace.startReal();
    await h.app.handlers.settings.update({ timeZone: 'Europe/Amsterdam' });
  }
  await idle(h);
  return h;
}

async function stop(h: Harness): Promise<void> {
  await h.app.close();
  running.splice(running.indexOf(h), 1);
}

async function idle(h: Harness): Promise<void> {
  await h.app.session().answerFaster.idle();
  await h.app.session().reminders.idle();
}

const replies = (change: { greeting?: boolean; away?: boolean }): AutoReplySettings => ({
  greeting: {
    ...DEFAULT_AUTO_REPLIES.greeting,
    enabled: change.greeting ?? false,
    text: 'Hi {first_name}, welcome!',
  },
  away: { ...DEFAULT_AUTO_REPLIES.away, enabled: change.away ?? false, text: 'We are closed, back at 9.' },
});

let phones = 0;
async function customer(
  h: Harness,
  patch: Partial<ContactDraft> = {},
): Promise<{ id: string; phone: string }> {
  phones++;
  const row = await h.app.handlers.contacts.create({
    name: 'Maria Jansen',
    phone: `+316${String(20_000_000 + phones).slice(-8)}`,
    notes: '',
    fields: { ticket_ID: 'T-1042' },
    optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'Signed the form.' },
    ...patch,
  });
  return { id: row.contact.id, phone: row.contact.phone };
}

async function writes(h: Harness, who: { phone: string }, text: string, at = h.clock.now()): Promise<void> {
  await h.app.simulator?.deliver({ from: who.phone, profileName: null, text, at });
  await idle(h);
}

async function automatic(h: Harness, contactId: string): Promise<Message[]> {
  const page = await h.app.handlers.conversation.history(contactId, { limit: 100 });
  return page.messages.filter((m) => m.automatic !== undefined);
}

/** Moves the clock to `hh:mm` Amsterdam time on the day of T0 plus `days`. */
function amsterdam(days: number, hh: number, mm = 0): number {
  // Amsterdam is UTC+1 in November.
  return Date.UTC(2026, 10, 24 + days, hh - 1, mm);
}

describe('the greeting', () => {
  it('greets a first-time customer once, and again only after the inactive period', async () => {
    const h = await realApp();
    await h.app.handlers.autoReplies.update(replies({ greeting: true }));
    const maria = await customer(h);

    await writes(h, maria, 'Hello, is my repair ready?');
    const first = await automatic(h, maria.id);
    expect(first).toEqual([
      expect.objectContaining({ automatic: 'greeting', text: 'Hi Maria, welcome!', direction: 'outbound' }),
    ]);
    // Through the outbox, like any message: the provider got it.
    expect(h.app.simulator?.sent.filter((s) => s.text === 'Hi Maria, welcome!')).toHaveLength(1);

    h.clock.advance(HOUR);
    await writes(h, maria, 'And the price?');
    h.clock.advance(3 * DAY);
    await writes(h, maria, 'Hello again');
    expect(await automatic(h, maria.id)).toHaveLength(1);

    // Fifteen days without a word (the default period is 14): greeted again.
    h.clock.advance(15 * DAY);
    await writes(h, maria, 'I am back');
    expect((await automatic(h, maria.id)).map((m) => m.automatic)).toEqual(['greeting', 'greeting']);
  });

  it('is off by default, and the settings say what WhatsApp charges for it', async () => {
    const h = await realApp();
    const view = await h.app.handlers.autoReplies.get();
    expect(view.settings.greeting.enabled).toBe(false);
    expect(view.settings.away.enabled).toBe(false);
    // T0 is after 1 October 2026: service messages are charged; never "free".
    expect(view.billing).toMatch(/charged by WhatsApp/);
    expect(view.billing).not.toMatch(/free\b(?! allowance)/);
    const maria = await customer(h);
    await writes(h, maria, 'Hello');
    expect(await automatic(h, maria.id)).toEqual([]);
  });
});

describe('the away message', () => {
  it('goes out only outside business hours, once per period', async () => {
    const h = await realApp();
    await h.app.handlers.autoReplies.update(replies({ away: true }));
    const maria = await customer(h);

    await writes(h, maria, 'Open today?');
    expect(await automatic(h, maria.id)).toEqual([]);

    h.clock.advance(amsterdam(0, 22) - h.clock.now());
    await writes(h, maria, 'Are you still open?');
    h.clock.advance(HOUR);
    await writes(h, maria, 'Hello??');
    expect(await automatic(h, maria.id)).toEqual([
      expect.objectContaining({ automatic: 'away', text: 'We are closed, back at 9.', at: amsterdam(0, 22) }),
    ]);

    // The next night is another period (12 hours by default).
    h.clock.advance(amsterdam(1, 22, 30) - h.clock.now());
    await writes(h, maria, 'Tonight again');
    expect(await automatic(h, maria.id)).toHaveLength(2);
  });

  it('never goes to an opted-out customer, and STOP itself gets no reply', async () => {
    const h = await realApp();
    await h.app.handlers.autoReplies.update(replies({ greeting: true, away: true }));
    h.clock.advance(amsterdam(0, 23) - h.clock.now());
    const opted = await customer(h, {
      optIn: { status: 'opted-out', at: null, source: 'whatsapp', proof: '' },
    });
    await writes(h, opted, 'Hello');
    expect(await automatic(h, opted.id)).toEqual([]);

    const stopper = await customer(h);
    await writes(h, stopper, 'STOP');
    expect(await automatic(h, stopper.id)).toEqual([]);
    expect(h.app.simulator?.sent).toEqual([]);
  });

  it('is not sent when the window has closed, or when the message arrives long after it was written', async () => {
    const h = await realApp();
    await h.app.handlers.autoReplies.update(replies({ greeting: true, away: true }));
    h.clock.advance(amsterdam(1, 1) - h.clock.now());
    const late = await customer(h);
    // A webhook that arrives 25 hours late: the window it opened is already closed.
    await writes(h, late, 'Hello from yesterday night', h.clock.now() - 25 * HOUR);
    expect(await automatic(h, late.id)).toEqual([]);
    // Inside the window, but an hour late: not an answer anymore.
    const slow = await customer(h);
    await writes(h, slow, 'Hello', h.clock.now() - HOUR);
    expect(await automatic(h, slow.id)).toEqual([]);
  });

  it('remembers across a restart whom it already answered', async () => {
    const dir = await tempDir();
    const first = await realApp(dir, new FakeClock(amsterdam(0, 22)));
    await first.app.handlers.autoReplies.update(replies({ away: true }));
    const maria = await customer(first);
    await writes(first, maria, 'Open?');
    expect(await automatic(first, maria.id)).toHaveLength(1);
    await stop(first);

    const second = await realApp(dir, new FakeClock(amsterdam(0, 23)));
    await writes(second, maria, 'Hello?');
    expect(await automatic(second, maria.id)).toHaveLength(1);
    expect(second.app.simulator?.sent).toEqual([]);
  });
});

describe('a scheduled follow-up', () => {
  /** Maria wrote at 02:10 the night before; her window closes tonight at 02:10. */
  async function nightWindow(h: Harness) {
    const maria = await customer(h);
    await writes(h, maria, 'Any news about my repair?', amsterdam(0, 2, 10));
    const template = await h.app.handlers.templates.save(templateDraft());
    return { maria, templateId: template.id };
  }

  const templatesSent = (h: Harness) => h.app.simulator?.sent.filter((s) => s.kind === 'template') ?? [];

  it('is sent exactly once at its moment', async () => {
    const h = await realApp();
    const { maria, templateId } = await nightWindow(h);
    const at = amsterdam(1, 9);
    const entry = await h.app.handlers.scheduledFollowUps.schedule(maria.id, templateId, at);
    expect(entry).toMatchObject({ contactId: maria.id, at, windowExpiresAt: amsterdam(1, 2, 10) });

    h.clock.advance(at - MINUTE - h.clock.now());
    await idle(h);
    expect(templatesSent(h)).toEqual([]);
    h.clock.advance(MINUTE);
    await idle(h);
    expect(templatesSent(h)).toHaveLength(1);
    h.clock.advance(2 * DAY);
    await idle(h);
    expect(templatesSent(h)).toHaveLength(1);
    expect(await h.app.handlers.scheduledFollowUps.list()).toEqual([]);
    expect((await h.app.handlers.contacts.get(maria.id)).window.state).toBe('awaiting-reply');
  });

  it('goes out once after a restart when its moment passed while the app was closed', async () => {
    const dir = await tempDir();
    const first = await realApp(dir);
    const { maria, templateId } = await nightWindow(first);
    await first.app.handlers.scheduledFollowUps.schedule(maria.id, templateId, amsterdam(1, 9));
    await stop(first);

    const second = await realApp(dir, new FakeClock(amsterdam(1, 11)));
    await idle(second);
    expect(templatesSent(second)).toHaveLength(1);
    await stop(second);

    const third = await realApp(dir, new FakeClock(amsterdam(1, 12)));
    await idle(third);
    expect(templatesSent(third)).toEqual([]);
  });

  it('is dropped with a note when the customer writes first', async () => {
    const h = await realApp();
    const { maria, templateId } = await nightWindow(h);
    await h.app.handlers.scheduledFollowUps.schedule(maria.id, templateId, amsterdam(1, 9));

    h.clock.advance(amsterdam(1, 8) - h.clock.now());
    await writes(h, maria, 'Never mind, I found it');
    expect(await h.app.handlers.scheduledFollowUps.list()).toEqual([]);
    const centre = await h.app.handlers.notifications.centre();
    expect(centre.notifications[0]).toMatchObject({
      kind: 'follow-up',
      title: 'Scheduled follow-up dropped: Maria Jansen',
      contactIds: [maria.id],
    });
    h.clock.advance(DAY);
    await idle(h);
    expect(templatesSent(h)).toEqual([]);
  });

  it('can be cancelled, and cannot be scheduled while the window is still open then', async () => {
    const h = await realApp();
    const { maria, templateId } = await nightWindow(h);
    await expect(
      h.app.handlers.scheduledFollowUps.schedule(maria.id, templateId, amsterdam(1, 1)),
    ).rejects.toThrow(/still open then/);
    await h.app.handlers.scheduledFollowUps.schedule(maria.id, templateId, amsterdam(1, 9));
    await h.app.handlers.scheduledFollowUps.cancel(maria.id);
    h.clock.advance(DAY);
    await idle(h);
    expect(templatesSent(h)).toEqual([]);
    expect(await h.app.handlers.scheduledFollowUps.list()).toEqual([]);
  });
});
