import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { ContactsService } from '../../main/services/contacts';
import { ConversationService } from '../../main/services/conversation';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { ProviderIds } from '../../main/store/provider-ids';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { FakeClock } from '../support/fake-clock';
import { sequentialIds, silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const stores: WorkspaceStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** The real store, except that the next `failures` appends fail as a full disk would. */
async function storeThatFails(failures: number): Promise<WorkspaceStore> {
  const real = await openWorkspaceStore(await tempDir(), { now: () => 0 });
  stores.push(real);
  let left = failures;
  const failing = Object.create(real) as WorkspaceStore;
  failing.appendMessage = (message: Message) => {
    if (left > 0) {
      left--;
      return Promise.reject(new Error('ENOSPC: no space left on device'));
    }
    return real.appendMessage(message);
  };
  return failing;
}

describe('an inbound message that could not be stored', () => {
  it('is taken when the provider delivers it again, and stored once', async () => {
    const store = await storeThatFails(1);
    const clock = new FakeClock(Date.parse('2026-11-24T14:20:00Z'));
    const contacts = new ContactsService({
      store,
      clock,
      ids: sequentialIds,
      defaultRegion: () => 'NL',
      changed: () => undefined,
    });
    const conversation = new ConversationService({
      store,
      clock,
      ids: sequentialIds,
      outbox: { submit: () => Promise.reject(new Error('nothing is sent here')) },
      providerIds: await ProviderIds.open(store.dir, { now: () => clock.now() }),
      contacts,
      log: silentLog,
      messageChanged: () => undefined,
    });
    const inbound = {
      from: '+31612345678',
      profileName: 'Maria',
      text: 'Hoi',
      at: clock.now(),
      providerId: 'wamid.A',
    };

    await expect(conversation.receive(inbound)).rejects.toThrow('ENOSPC');
    const stored = await conversation.receive(inbound);
    expect(stored).toMatchObject({ text: 'Hoi', providerId: 'wamid.A' });
    // A third delivery of the same message is a duplicate again.
    expect(await conversation.receive(inbound)).toBeNull();

    const maria = store.contactByPhone('+31612345678');
    expect(maria).toBeDefined();
    const page = await store.history(maria?.id ?? '', { limit: 10 });
    expect(page.messages.map((m) => m.providerId)).toEqual(['wamid.A']);
  });
});
