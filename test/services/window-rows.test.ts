import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../main/domain/durations';
import { rowOf } from '../../main/domain/contact-row';
import { WindowRows } from '../../main/services/window-rows';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { contact, message, openAtT0, T0, useTempDirs } from '../store/store-test-kit';

const tempDir = useTempDirs();

/** What the rows must be at `now`, worked out afresh. */
const fresh = (store: WorkspaceStore, now: number) =>
  store.contacts().map((c) => rowOf(c, store.activity(c.id), store.settings(), now));

describe('WindowRows: the list rows kept while nothing they are made of changed', () => {
  it('hands out the same rows until a window changes, then rows equal to ones worked out afresh', async () => {
    const store = await openAtT0(await tempDir());
    await store.saveContact(contact('anna'));
    await store.saveContact(contact('bert'));
    // Anna wrote at T0: her window turns "closing" at T0 + 24 h minus the closing lead.
    await store.appendMessage(message('anna', 'a1', T0));
    const rows = new WindowRows(store);
    const first = rows.at(T0 + MINUTE);
    expect(first).toEqual(fresh(store, T0 + MINUTE));
    expect(rows.at(T0 + 2 * HOUR)).toBe(first);

    const closingAt = first.find((row) => row.contact.id === 'anna')?.window.nextChangeAt;
    expect(closingAt).toBeGreaterThan(T0 + 2 * HOUR);
    const closing = rows.at(closingAt ?? 0);
    expect(closing).not.toBe(first);
    expect(closing.find((row) => row.contact.id === 'anna')?.window.state).toBe('closing');
    expect(closing).toEqual(fresh(store, closingAt ?? 0));
    // A clock set back (a time change, the preview host) is not trusted to the rows kept.
    expect(rows.at(T0 + MINUTE)).toEqual(first);
    await store.close();
  });

  it('works them out again after a message, a contact change, a closing lead change or a forget', async () => {
    const store = await openAtT0(await tempDir());
    await store.saveContact(contact('anna'));
    const rows = new WindowRows(store);
    const now = T0 + MINUTE;
    const check = (why: string) => {
      const before = rows.at(now);
      return {
        after: async (change: () => Promise<unknown>) => {
          await change();
          const after = rows.at(now);
          expect(after, why).not.toBe(before);
          expect(after, why).toEqual(fresh(store, now));
        },
      };
    };
    await check('a message').after(() => store.appendMessage(message('anna', 'a1', T0)));
    await check('a new contact').after(() => store.saveContact(contact('bert')));
    await check('a mute').after(() => store.saveContact({ ...contact('bert'), muted: true }));
    await check('the closing lead').after(() =>
      store.saveSettings({
        ...store.settings(),
        closingLeadMinutes: store.settings().closingLeadMinutes + 30,
      }),
    );
    const kept = rows.at(now);
    rows.clear();
    expect(rows.at(now)).not.toBe(kept);
    await store.close();
  });

  it('sorts them by contact id once while they are kept, for every chunk of the list', async () => {
    const store = await openAtT0(await tempDir());
    for (const id of ['cas', 'anna', 'bert']) await store.saveContact(contact(id));
    const rows = new WindowRows(store);
    const byId = rows.inIdOrder(T0);
    expect(byId.map((row) => row.contact.id)).toEqual(['anna', 'bert', 'cas']);
    expect(rows.inIdOrder(T0 + MINUTE)).toBe(byId);
    await store.saveContact(contact('dirk'));
    const again = rows.inIdOrder(T0 + MINUTE);
    expect(again.map((row) => row.contact.id)).toEqual(['anna', 'bert', 'cas', 'dirk']);
    expect(again).toEqual([...rows.at(T0 + MINUTE)].sort((a, b) => (a.contact.id < b.contact.id ? -1 : 1)));
    await store.close();
  });
});
