// Contacts and settings of a workspace store, and how it survives damaged or newer files.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { NO_ACTIVITY } from '../../main/domain/activity';
import { StorageError } from '../../main/store/storage-error';
import {
  breakableFs,
  contact,
  exists,
  message,
  readText,
  recordingFs,
  T0,
  useTempDirs,
} from './store-test-kit';
import { open } from './workspace-store-kit';

const tempDir = useTempDirs();

describe('openWorkspaceStore: contacts and settings', () => {
  it('creates the folder and starts empty, with default settings and no problems', async () => {
    const dir = path.join(await tempDir(), 'workspaces', 'real');
    const store = await open(dir);
    expect(store.dir).toBe(dir);
    expect(store.contacts()).toEqual([]);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems).toEqual([]);
    expect(store.activity('nobody')).toEqual(NO_ACTIVITY);
    expect(await exists(path.join(dir, 'messages'))).toBe(true);
    await store.close();
  });

  it('round-trips contacts and settings, and indexes contacts by id and phone', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.saveContact(contact('anna', { phone: '+31611111111', name: 'Anna de Vries' }));
    await store.saveSettings({ ...DEFAULT_SETTINGS, closingLeadMinutes: 90, theme: 'dark' });
    await store.close();

    const again = await open(dir);
    expect(again.contacts().map((c) => c.id)).toEqual(['anna', 'ben']);
    expect(again.contact('anna')?.name).toBe('Anna de Vries');
    expect(again.contactByPhone('+31611111111')?.id).toBe('anna');
    expect(again.contactByPhone('+31612345678')).toBeUndefined();
    expect(again.contactByPhone('+31687654321')?.id).toBe('ben');
    expect(again.settings()).toEqual({ ...DEFAULT_SETTINGS, closingLeadMinutes: 90, theme: 'dark' });
    await again.close();
  });

  it('finds contacts by number whether their number changed before or after the first lookup', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.saveContact(contact('cas', { phone: '+31622222222' }));
    await store.close();

    const again = await open(dir);
    // Before any lookup by number: a new number, and a contact removed.
    await again.saveContact(contact('anna', { phone: '+31611111111' }));
    await again.saveContacts([], ['cas']);
    expect(again.contactByPhone('+31611111111')?.id).toBe('anna');
    expect(again.contactByPhone('+31612345678')).toBeUndefined();
    expect(again.contactByPhone('+31622222222')).toBeUndefined();
    // After it: the same changes are followed.
    await again.saveContact(contact('ben', { phone: '+31633333333' }));
    await again.saveContacts([contact('dirk', { phone: '+31644444444' })], ['anna']);
    expect(again.contactByPhone('+31687654321')).toBeUndefined();
    expect(again.contactByPhone('+31633333333')?.id).toBe('ben');
    expect(again.contactByPhone('+31644444444')?.id).toBe('dirk');
    expect(again.contactByPhone('+31611111111')).toBeUndefined();
    await again.close();
  });

  it('rejects a contact that does not match the schema instead of writing an unreadable file', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await expect(store.saveContact({ ...contact('x'), phone: '0612345678' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/could not save this contact \(phone: /) as unknown,
    });
    expect(store.contacts()).toEqual([]);
    expect(await exists(path.join(dir, 'contacts.json'))).toBe(false);
    await store.close();
  });

  it('serialises concurrent saveContact calls: none is lost and the last one for an id wins', async () => {
    const dir = await tempDir();
    const { fs, journal } = recordingFs({ renameDelayMs: 3 });
    const store = await open(dir, { fs });
    await Promise.all([
      ...Array.from({ length: 15 }, (_, i) =>
        store.saveContact(contact(`c${i}`, { phone: `+3161000${1000 + i}` })),
      ),
      store.saveContact(contact('c3', { phone: '+31610001003', name: 'First edit' })),
      store.saveContact(contact('c3', { phone: '+31610001003', name: 'Last edit' })),
    ]);
    expect(journal.maxConcurrentTemps).toBe(1);
    expect(store.contacts()).toHaveLength(15);
    await store.close();

    const again = await open(dir);
    expect(again.contacts()).toHaveLength(15);
    expect(again.contact('c3')?.name).toBe('Last edit');
    await again.close();
  });

  it('moves a corrupt contacts.json aside, reports it, and starts from the .bak', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.close();
    const damaged = (await readText(path.join(dir, 'contacts.json'))).slice(0, 100);
    await fsp.writeFile(path.join(dir, 'contacts.json'), damaged);

    const again = await open(dir);

    expect(again.contacts().map((c) => c.id)).toEqual(['anna']); // the .bak: the version before the last save
    expect(again.problems).toHaveLength(1);
    const problem = again.problems[0];
    expect(problem?.movedTo.startsWith(path.join(dir, 'corrupt', 'contacts.'))).toBe(true);
    expect(await readText(problem?.movedTo ?? '?')).toBe(damaged);
    expect(problem?.recovery).toMatch(/restored the backup from .*\(1 contact\)/);
    expect(again.activity('anna').messageCount).toBe(1);
    await again.close();
  });

  it('with no good backup, gives each history its contact back instead of hiding it', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.close();
    await fsp.writeFile(path.join(dir, 'contacts.json'), '\u0000\u0000\u0000');

    const again = await open(dir);
    expect(again.contacts().map((c) => c.id)).toEqual(['anna']);
    expect(again.problems[0]?.recovery).not.toMatch(/untouched/);
    expect((await again.history('anna', { limit: 10 })).messages.map((m) => m.id)).toEqual(['m1']);
    await again.close();
  });

  it('does not overwrite a contacts.json written by a newer CareWindow', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ schemaVersion: 2, contacts: [], tags: ['vip'] });
    await fsp.writeFile(path.join(dir, 'contacts.json'), newer);
    const store = await open(dir);
    expect(store.problems[0]?.message).toMatch(/newer version of CareWindow/);
    await expect(store.saveContact(contact('anna'))).rejects.toThrow(/newer version/);
    expect(store.contacts()).toEqual([]);
    expect(await readText(path.join(dir, 'contacts.json'))).toBe(newer);
    await store.close();
  });

  it('rejects a save on a full disk with words for the owner, and keeps file and memory as they were', async () => {
    const dir = await tempDir();
    const { fs, failing } = breakableFs('ENOSPC');
    const store = await open(dir, { fs });
    await store.saveContact(contact('anna'));
    const before = await readText(path.join(dir, 'contacts.json'));

    failing.on = true;
    const error: unknown = await store
      .saveContact(contact('ben', { phone: '+31687654321' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `CareWindow could not save to ${path.join(dir, 'contacts.json')}: the disk is full. ` +
        'Free some space and try again; nothing you typed was lost.',
    );
    expect(await readText(path.join(dir, 'contacts.json'))).toBe(before);
    expect(store.contacts().map((c) => c.id)).toEqual(['anna']);
    expect(store.contact('ben')).toBeUndefined();

    await expect(store.saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' })).rejects.toThrow(/disk is full/);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    failing.on = false;
    await store.close();
  });
});
