import { appendFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Activity, CareWindow as WindowOf, Contact, Message } from '../../main/contract/model';
import type { CareWindow } from '../../main/compose';
import { careWindowOf } from '../../main/domain/care-window';
import { CARE_WINDOW, MINUTE } from '../../main/domain/durations';
import type { GeneratedWorkspace } from './generate-workspace';
import { snapshot, written } from './files-written';
import { describeFigure, goal, measure, note, ratio, report, type Figure } from './measure';

/**
 * Figures taken with the workspace open, as the owner uses it: the contact list's window states, the
 * biggest conversation, a delivery status on it, a contact change, a new contact and one appended message.
 */
export async function benchOpenSession(
  app: CareWindow,
  info: GeneratedWorkspace,
  dir: string,
): Promise<void> {
  const session = app.session();
  const store = session.store;
  const contacts = store.contacts();
  const n = contacts.length.toLocaleString('en');

  await windowStates(app, contacts, info.now);

  // Conversations: "uncached" means none of the store's parsed conversations holds it (16 others were
  // opened since), not the operating system's file cache.
  const big = info.biggest.id;
  const others = contacts
    .filter((c) => c.id !== big && store.activity(c.id).messageCount > 0)
    .slice(0, 16)
    .map((c) => c.id);
  const evict = async (): Promise<void> => {
    for (const id of others) await session.conversation.history(id, { limit: 50 });
  };
  const page = () => session.conversation.history(big, { limit: 200 });
  const floor = await appendFsyncFloor(dir);
  const uncached = await measure(page, 15, 1, evict);
  const cached = await measure(page, 50, 3);
  const label = `${info.biggest.messages.toLocaleString('en')} messages`;
  report(`open the biggest conversation (${label}), uncached`, uncached, 'append+fsync', floor);
  report(`open the biggest conversation (${label}), cached`, cached, 'append+fsync', floor);
  goal('biggest conversation, first page, uncached ≤ 20 ms', uncached.p50 <= 20, describeFigure(uncached));
  goal('biggest conversation, first page, cached ≤ 20 ms', cached.p50 <= 20, describeFigure(cached));

  const latest = (await page()).messages;
  const outbound = latest.findLast((m: Message) => m.direction === 'outbound');
  if (outbound) {
    let flip = false;
    const status = () => {
      flip = !flip;
      return store.updateMessage(big, outbound.id, { status: flip ? 'delivered' : 'read' });
    };
    const statusCached = await measure(status, 30, 2, page);
    const statusUncached = await measure(status, 15, 1, evict);
    report('a delivery status on it, cached', statusCached, 'append+fsync', floor);
    report('a delivery status on it, uncached', statusUncached, 'append+fsync', floor);
    goal('status update on it, cached ≤ 5 ms', statusCached.p50 <= 5, describeFigure(statusCached));
    goal('status update on it, uncached ≤ 5 ms', statusUncached.p50 <= 5, describeFigure(statusUncached));
  }

  // A contact change (mute) and a new contact: time, and what reached the disk.
  const someone = contacts[Math.floor(contacts.length / 3)];
  if (someone) {
    let muted = someone.muted;
    const mute = () => session.contacts.setMuted(someone.id, (muted = !muted));
    const change = await measure(mute, 20, 2);
    report('a contact change (mute)', change, 'append+fsync', floor);
    const wrote = await bytesWritten(dir, () => store.flush(), mute);
    note('  written by one contact change', wrote.text);
    goal('a contact change writes O(1) bytes (< 64 kB)', wrote.bytes < 65_536, wrote.text);
  }
  let k = 0;
  const create = () =>
    session.contacts.create({
      name: `New customer ${++k}`,
      phone: `+4479${String(10_000_000 + k)}`,
      notes: '',
      fields: {},
      optIn: { status: 'none', at: null, source: null, proof: '' },
    });
  const created = await measure(create, 10, 1);
  report(`a new contact (${n} already)`, created, 'append+fsync', floor);
  const wroteNew = await bytesWritten(dir, () => store.flush(), create);
  note('  written by one new contact', wroteNew.text);
  goal('a new contact writes O(1) bytes (< 64 kB)', wroteNew.bytes < 65_536, wroteNew.text);

  // Appending to the longest history: the store's durable append against a bare one.
  if (!outbound) return;
  const bare = join(dir, '..', '..', 'bench-bare.jsonl');
  let i = 0;
  const message = (): Message => ({ ...outbound, id: `bench-append-${++i}`, at: info.now - MINUTE });
  const line = `${JSON.stringify(message())}\n`;
  const bareAppend = await measure(() => appendFile(bare, line), 200);
  const append = await measure(() => store.appendMessage(message()), 200);
  report(`append one message (history of ${label})`, append, 'appendFile', bareAppend);
  report(`append one message (history of ${label})`, append, 'append+fsync', floor);
}

/** The contact list with window states, the window states alone, and a floor doing comparable work. */
async function windowStates(app: CareWindow, contacts: readonly Contact[], now: number): Promise<void> {
  const session = app.session();
  const store = session.store;
  const n = contacts.length.toLocaleString('en');
  const activities: Activity[] = contacts.map((c) => store.activity(c.id));
  const rules = store.settings();
  // The floor: one comparable object per contact, from the same inputs, with the same number of fields
  // (not a loop that allocates nothing: that would make any real work look hundreds of times slower).
  const floor = await measure(
    () => {
      const out = new Array<{ contact: Contact; activity: Activity; window: WindowOf }>(contacts.length);
      for (let i = 0; i < contacts.length; i++) {
        const contact = contacts[i] as Contact;
        const activity = activities[i] as Activity;
        const at = activity.lastInboundAt;
        out[i] = {
          contact,
          activity,
          window: {
            state: at === null ? 'none' : at + CARE_WINDOW > now ? 'open' : 'closed',
            openedAt: at,
            expiresAt: at === null ? null : at + CARE_WINDOW,
            nextChangeAt: at === null ? null : at + CARE_WINDOW - rules.closingLeadMinutes * MINUTE,
            followUp: contact.optIn.status === 'opted-in' ? 'ready' : 'no-opt-in',
            followUpSentAt: activity.lastFollowUpAt,
          },
        };
      }
      return out;
    },
    50,
    5,
  );
  const windows = await measure(
    () => {
      const out = new Array<WindowOf>(contacts.length);
      for (let i = 0; i < contacts.length; i++) {
        out[i] = careWindowOf(activities[i] as Activity, (contacts[i] as Contact).optIn, rules, now);
      }
      return out;
    },
    50,
    5,
  );
  const list = await measure(() => session.contacts.list(), 30, 3);
  report(`window states, ${n} contacts (careWindowOf)`, windows, 'comparable objects', floor);
  report(`contact list rows, ${n} contacts (contacts.list)`, list, 'comparable objects', floor);
  goal(`window states for ${n} contacts ≤ 5 ms`, windows.p50 <= 5, describeFigure(windows));
  // Not a goal of the issue: the first screen and the pages build rows for the contacts they return only.
  note(`  contact list rows against the floor`, ratioText(list, floor));
}

const ratioText = (figure: Figure, floor: Figure): string => {
  const r = ratio(figure, floor);
  return `${describeFigure(figure)} (${r.p50.toFixed(1)}× / ${r.p95.toFixed(1)}× the floor)`;
};

/** The floor of any durable write: append one line to a file and fsync it. */
async function appendFsyncFloor(dir: string): Promise<Figure> {
  const file = join(dir, '..', '..', 'bench-fsync.jsonl');
  const line = `${JSON.stringify({ t: 'm', text: 'Is the blue one back in stock?', at: Date.now() })}\n`;
  return measure(async () => {
    const handle = await open(file, 'a');
    await handle.appendFile(line);
    await handle.sync();
    await handle.close();
  }, 100);
}

async function bytesWritten(
  dir: string,
  flush: () => Promise<void>,
  run: () => Promise<unknown>,
): Promise<{ bytes: number; text: string }> {
  // Batched writes of earlier figures (activity summaries) go first: they are not this change's cost.
  await flush();
  const before = await snapshot(dir);
  await run();
  const { bytes, files } = written(before, await snapshot(dir));
  return { bytes, text: `${bytes.toLocaleString('en')} B in ${files.length} file(s): ${files.join(', ')}` };
}
