import { afterEach, describe, expect, it } from 'vitest';
import { startCareWindow, type CareWindow } from '../../main/compose';
import { AppError } from '../../main/contract/errors';
import type { ContactDraft } from '../../main/contract/model';
import { MINUTE } from '../../main/domain/durations';
import { RecordingNotifier } from '../../main/platform/preview/recording-notifier';
import { SimulatorProvider } from '../../main/providers/simulator';
import type { LoginItem } from '../../main/services/open-at-login';
import { FakeClock } from '../support/fake-clock';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { settle, T0 } from './harness';

const tempDir = useTempDirs();
const running: CareWindow[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** A fake login-item port: records what the app asked the computer to do. */
class RecordingLoginItem implements LoginItem {
  readonly calls: boolean[] = [];
  set(openAtLogin: boolean): void {
    this.calls.push(openAtLogin);
  }
}

interface Kit {
  app: CareWindow;
  clock: FakeClock;
  notifier: RecordingNotifier;
  publisher: RecordingPublisher;
  loginItem: RecordingLoginItem;
  simulator: SimulatorProvider;
  dataRoot: string;
}

async function start(dataRoot?: string, clock = new FakeClock(T0)): Promise<Kit> {
  const root = dataRoot ?? (await tempDir());
  const notifier = new RecordingNotifier();
  const publisher = new RecordingPublisher();
  const loginItem = new RecordingLoginItem();
  const simulator = new SimulatorProvider(clock, () => clock.now(), sequentialIds);
  const app = await startCareWindow({
    dataRoot: root,
    clock,
    scheduler: clock,
    publisher,
    log: silentLog,
    systemLocale: 'nl-NL',
    ids: sequentialIds,
    notifier,
    systemTimeZone: 'Europe/Amsterdam',
    provider: simulator,
    loginItem,
  });
  running.push(app);
  return { app, clock, notifier, publisher, loginItem, simulator, dataRoot: root };
}

async function realWorkspace(dataRoot?: string, clock?: FakeClock): Promise<Kit> {
  const kit = await start(dataRoot, clock);
  if ((await kit.app.handlers.workspace.info()).kind !== 'real') await kit.app.handlers.workspace.startReal();
  return kit;
}

let phones = 0;
async function contact(kit: Kit, name: string): Promise<string> {
  phones++;
  const draft: ContactDraft = {
    name,
    phone: `+316${String(20_000_000 + phones).slice(-8)}`,
    notes: '',
    fields: {},
    optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
  };
  return (await kit.app.handlers.contacts.create(draft)).contact.id;
}

async function writes(kit: Kit, contactId: string, text: string): Promise<void> {
  const { contact: c } = await kit.app.handlers.contacts.get(contactId);
  await kit.simulator.deliver({ from: c.phone, profileName: null, text, at: kit.clock.now() });
  await kit.app.session().reminders.idle();
  await settle();
}

const row = (kit: Kit, id: string) => kit.app.handlers.contacts.get(id);

describe('unread messages', () => {
  it('count up with each customer message, clear when the conversation is opened, and survive a restart', async () => {
    const kit = await realWorkspace();
    const maria = await contact(kit, 'Maria Jansen');
    await writes(kit, maria, 'Hello?');
    kit.clock.advance(MINUTE);
    await writes(kit, maria, 'Is the blue one back?');
    expect((await row(kit, maria)).unread).toBe(2);
    // The dock badge counts them, and says so.
    expect(kit.notifier.badge).toEqual({
      count: 2,
      description: '2 unread messages · No windows closing soon',
    });

    // The owner's own answer reads nothing by itself; opening the conversation does.
    await kit.app.handlers.conversation.sendText(maria, 'Yes, since today.');
    expect((await row(kit, maria)).unread).toBe(2);
    await writes(kit, maria, 'Great, I will come by');
    const root = kit.dataRoot;
    await kit.app.close();
    running.splice(running.indexOf(kit.app), 1);

    const again = await realWorkspace(root, kit.clock);
    expect((await row(again, maria)).unread).toBe(3);
    expect((await again.app.handlers.contacts.markRead(maria)).unread).toBe(0);
    await again.app.close();
    running.splice(running.indexOf(again.app), 1);

    const third = await realWorkspace(root, kit.clock);
    expect((await row(third, maria)).unread).toBe(0);
    expect(third.notifier.badge.count).toBe(0);
  });

  it('the pushed row of a new message already carries its count', async () => {
    const kit = await realWorkspace();
    const jan = await contact(kit, 'Jan Smit');
    kit.publisher.events.length = 0;
    await writes(kit, jan, 'Hi');
    const pushed = kit.publisher.of('contacts:changed').flatMap((p) => p.rows);
    expect(pushed.filter((r) => r.contact.id === jan).map((r) => r.unread)).toEqual([1]);
  });

  it('a new message shows a desktop notification only while the app is not in front, and only when asked', async () => {
    const kit = await realWorkspace();
    const ana = await contact(kit, 'Ana Costa');
    await writes(kit, ana, 'In front: no popup');
    expect(kit.notifier.shown).toEqual([]);

    kit.notifier.focused = false;
    await writes(kit, ana, 'Behind: a popup');
    expect(kit.notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'message',
        title: 'Ana Costa',
        body: 'Behind: a popup',
        contactIds: [ana],
      }),
    ]);
    // Clicking it opens the conversation.
    kit.publisher.events.length = 0;
    expect(kit.notifier.click(kit.notifier.shown[0]?.id ?? '')).toBe(true);
    expect(kit.publisher.of('app:navigate')).toEqual([{ contactIds: [ana] }]);

    await kit.app.handlers.settings.update({ notifyNewMessages: false });
    kit.notifier.clear();
    await writes(kit, ana, 'Turned off: no popup');
    expect(kit.notifier.shown).toEqual([]);
  });
});

describe('waiting for you', () => {
  it('the customer wrote last and the window is open; an answer ends it', async () => {
    const kit = await realWorkspace();
    const tom = await contact(kit, 'Tom de Vries');
    expect((await row(kit, tom)).waiting).toBe(false);
    await writes(kit, tom, 'Do you deliver on Sunday?');
    expect((await row(kit, tom)).waiting).toBe(true);
    await kit.app.handlers.conversation.sendText(tom, 'We do.');
    expect((await row(kit, tom)).waiting).toBe(false);
  });
});

describe('labels', () => {
  it('the defaults are the WhatsApp Business app’s, and apply to many contacts in one write', async () => {
    const kit = await realWorkspace();
    const settings = await kit.app.handlers.settings.get();
    expect(settings.labels.map((l) => l.name)).toEqual([
      'New customer',
      'New order',
      'Pending payment',
      'Paid',
      'Order complete',
    ]);
    const ids = [await contact(kit, 'A'), await contact(kit, 'B'), await contact(kit, 'C')];
    const store = kit.app.session().store;
    let writes = 0;
    const saveContacts = store.saveContacts.bind(store);
    store.saveContacts = (save, remove) => {
      writes++;
      return saveContacts(save, remove);
    };
    const rows = await kit.app.handlers.contacts.applyLabels({
      contactIds: ids,
      add: ['paid', 'new-order'],
      remove: [],
    });
    expect(writes).toBe(1);
    // In the settings' order, whatever order they were given in.
    expect(rows.map((r) => r.contact.labels)).toEqual([
      ['new-order', 'paid'],
      ['new-order', 'paid'],
      ['new-order', 'paid'],
    ]);
    // Again: nothing changes, nothing is written.
    expect(
      await kit.app.handlers.contacts.applyLabels({ contactIds: ids, add: ['paid'], remove: [] }),
    ).toEqual([]);
    expect(writes).toBe(1);
    const removed = await kit.app.handlers.contacts.applyLabels({
      contactIds: [ids[0] ?? ''],
      add: [],
      remove: ['paid'],
    });
    expect(removed.map((r) => r.contact.labels)).toEqual([['new-order']]);
  });

  it('are kept across a restart, refuse a label that does not exist, and renaming keeps them on contacts', async () => {
    const kit = await realWorkspace();
    const id = await contact(kit, 'Lena');
    await kit.app.handlers.contacts.applyLabels({ contactIds: [id], add: ['pending-payment'], remove: [] });
    await expect(
      kit.app.handlers.contacts.applyLabels({ contactIds: [id], add: ['no-such-label'], remove: [] }),
    ).rejects.toBeInstanceOf(AppError);
    const labels = (await kit.app.handlers.settings.get()).labels.map((l) =>
      l.id === 'pending-payment' ? { ...l, name: 'Waiting for payment', colour: 'red' as const } : l,
    );
    await kit.app.handlers.settings.update({ labels });
    await kit.app.close();
    running.splice(running.indexOf(kit.app), 1);

    const again = await realWorkspace(kit.dataRoot, kit.clock);
    expect((await row(again, id)).contact.labels).toEqual(['pending-payment']);
    expect((await again.app.handlers.settings.get()).labels.find((l) => l.id === 'pending-payment')).toEqual({
      id: 'pending-payment',
      name: 'Waiting for payment',
      colour: 'red',
    });
  });

  it('two labels with the same name are refused', async () => {
    const kit = await realWorkspace();
    const labels = [
      ...(await kit.app.handlers.settings.get()).labels,
      { id: 'x', name: 'paid ', colour: 'grey' as const },
    ];
    await expect(kit.app.handlers.settings.update({ labels })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('open at login', () => {
  it('is never set by the demo, on by default once the real workspace exists, and off when turned off', async () => {
    const kit = await start();
    expect((await kit.app.handlers.workspace.info()).kind).toBe('demo');
    expect(kit.loginItem.calls).toEqual([]);
    await kit.app.handlers.settings.update({ openAtLogin: false });
    expect(kit.loginItem.calls).toEqual([]);

    await kit.app.handlers.workspace.startReal();
    expect(kit.loginItem.calls).toEqual([true]);
    await kit.app.handlers.settings.update({ openAtLogin: false });
    expect(kit.loginItem.calls).toEqual([true, false]);
    // Back to the demo and into the real workspace again: the owner's choice stands.
    await kit.app.handlers.workspace.openDemo();
    await kit.app.handlers.workspace.startReal();
    expect(kit.loginItem.calls).toEqual([true, false]);
  });
});
