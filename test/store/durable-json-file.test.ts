import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DurableJsonFile,
  openDurableJson,
  type DurableJsonOptions,
} from '../../main/store/durable-json-file';
import type { JsonFileKind } from '../../main/store/json-file-kind';
import { StorageError } from '../../main/store/storage-error';
import { nodeFs, silentLog } from '../../main/store/store-fs';
import { CONTACTS_FILE, SETTINGS_FILE, type ContactsFile } from '../../main/store/workspace-files';
import { breakableFs, contact, exists, readText, recordingFs, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

function options(dir: string, overrides: Partial<DurableJsonOptions> = {}): DurableJsonOptions {
  return { fs: nodeFs, now: () => T0, corruptDir: path.join(dir, 'corrupt'), log: silentLog, ...overrides };
}

const twoContacts = (): ContactsFile => ({ schemaVersion: 1, contacts: [contact('a'), contact('b')] });

describe('DurableJsonFile', () => {
  it('round-trips through lowdb and starts from the defaults when there is no file', async () => {
    const dir = await tempDir();
    const first = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    expect(first.low.data).toEqual({ schemaVersion: 1, contacts: [] });
    expect(first.file.problems).toEqual([]);

    first.low.data = twoContacts();
    await first.low.write();

    const again = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    expect(again.low.data.contacts.map((c) => c.id)).toEqual(['a', 'b']);
    expect(JSON.parse(await readText(path.join(dir, 'contacts.json')))).toEqual(twoContacts());
  });

  it('writes a temp file, fsyncs it, then renames it over the target and fsyncs the folder', async () => {
    const dir = await tempDir();
    const { fs, journal } = recordingFs();
    const { low } = await openDurableJson(dir, SETTINGS_FILE, options(dir, { fs }));
    await low.write();

    const target = path.join(dir, 'settings.json');
    const rename = journal.renames.find((r) => r.to === target);
    expect(rename).toBeDefined();
    expect(path.dirname(rename?.from ?? '')).toBe(dir);
    expect(journal.syncs.indexOf(rename?.from ?? '?')).toBeGreaterThanOrEqual(0);
    expect(journal.syncs).toContain(dir);
    expect(await exists(rename?.from ?? '?')).toBe(false);
  });

  it('keeps the previous good version as .bak, with its original modification time', async () => {
    const dir = await tempDir();
    const { low } = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    low.data = { schemaVersion: 1, contacts: [contact('a')] };
    await low.write();
    const main = path.join(dir, 'contacts.json');
    const firstBytes = await readText(main);
    const old = new Date(T0);
    await fsp.utimes(main, old, old);

    low.data = twoContacts();
    await low.write();

    expect(await readText(`${main}.bak`)).toBe(firstBytes);
    expect((await fsp.stat(`${main}.bak`)).mtimeMs).toBe(T0);
    expect(JSON.parse(await readText(main))).toEqual(twoContacts());
  });

  it('moves an unparsable file to corrupt/, keeps its bytes, and restores the last good backup', async () => {
    const dir = await tempDir();
    const { low } = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    low.data = twoContacts();
    await low.write();
    low.data = { schemaVersion: 1, contacts: [...twoContacts().contacts, contact('c')] };
    await low.write(); // .bak now holds a and b
    const main = path.join(dir, 'contacts.json');
    const damaged = '{"schemaVersion":1,"contacts":[{"id":"a","na';
    await fsp.writeFile(main, damaged);

    const reopened = await openDurableJson(dir, CONTACTS_FILE, options(dir));

    expect(reopened.low.data.contacts.map((c) => c.id)).toEqual(['a', 'b']);
    const [problem, ...others] = reopened.file.problems;
    expect(others).toEqual([]);
    expect(problem?.file).toBe(main);
    expect(problem?.movedTo).toBe(path.join(dir, 'corrupt', 'contacts.2026-03-01T090000.000Z.json'));
    expect(await readText(problem?.movedTo ?? '?')).toBe(damaged);
    expect(problem?.message).toBe('Your contact list (contacts.json) could not be read: it is damaged.');
    expect(problem?.recovery).not.toContain(problem?.movedTo ?? '?'); // the banner shows where, once
    expect(problem?.recovery).toMatch(
      /restored the last good copy from \d{4}-\d\d-\d\d \d\d:\d\d \(2 contacts\)/,
    );
    // Written back straight away, so the next start is clean.
    expect(JSON.parse(await readText(main))).toEqual(twoContacts());
    const third = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    expect(third.file.problems).toEqual([]);
  });

  it('moves a file that fails validation aside and starts empty when there is no backup', async () => {
    const dir = await tempDir();
    const main = path.join(dir, 'contacts.json');
    const invalid = JSON.stringify({ schemaVersion: 1, contacts: [{ id: 'x', name: '' }] });
    await fsp.writeFile(main, invalid);

    const { low, file } = await openDurableJson(dir, CONTACTS_FILE, options(dir));

    expect(low.data.contacts).toEqual([]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.recovery).toMatch(/started with an empty contact list\./);
    expect(await readText(file.problems[0]?.movedTo ?? '?')).toBe(invalid);
    expect(await exists(main)).toBe(false);
    // The first save creates a fresh file; the evidence stays.
    low.data = twoContacts();
    await low.write();
    expect(await readText(file.problems[0]?.movedTo ?? '?')).toBe(invalid);
  });

  it('never replaces earlier evidence when the same file is damaged twice in the same instant', async () => {
    const dir = await tempDir();
    const main = path.join(dir, 'settings.json');
    await fsp.writeFile(main, 'first damage');
    const one = await openDurableJson(dir, SETTINGS_FILE, options(dir));
    await fsp.writeFile(main, 'second damage');
    const two = await openDurableJson(dir, SETTINGS_FILE, options(dir));
    const first = one.file.problems[0]?.movedTo ?? '?';
    const second = two.file.problems[0]?.movedTo ?? '?';
    expect(second).not.toBe(first);
    expect(await readText(first)).toBe('first damage');
    expect(await readText(second)).toBe('second damage');
  });

  it('leaves a file from a newer CareWindow in place and refuses to write over it', async () => {
    const dir = await tempDir();
    const main = path.join(dir, 'contacts.json');
    const newer = JSON.stringify({ schemaVersion: 7, people: [{ id: 'a' }] });
    await fsp.writeFile(main, newer);

    const { low, file } = await openDurableJson(dir, CONTACTS_FILE, options(dir));

    expect(low.data.contacts).toEqual([]);
    expect(file.problems[0]?.message).toMatch(/newer version of CareWindow/);
    expect(file.problems[0]?.movedTo).toBe('');
    expect(file.writable).toBe(false);
    low.data = twoContacts();
    await expect(low.write()).rejects.toThrow(/written by a newer version of CareWindow/);
    expect(await readText(main)).toBe(newer);
    expect(await exists(path.join(dir, 'corrupt'))).toBe(false);
  });

  it('runs the migrations of an older file and validates the result', async () => {
    const dir = await tempDir();
    const Shape = z.object({ schemaVersion: z.number(), items: z.array(z.string()) });
    type Shape = z.infer<typeof Shape>;
    const kind: JsonFileKind<Shape> = {
      fileName: 'items.json',
      label: 'Your items',
      version: 3,
      migrations: {
        1: (file) => ({ ...file, list: String(file.text).split(',') }),
        2: (file) => ({ items: file.list }),
      },
      schema: Shape,
      defaults: () => ({ schemaVersion: 3, items: [] }),
      describe: (data) => `${data.items.length} items`,
      emptyRecovery: 'Empty.',
      backup: true,
    };
    await fsp.writeFile(path.join(dir, 'items.json'), JSON.stringify({ schemaVersion: 1, text: 'x,y' }));
    const { low, file } = await openDurableJson(dir, kind, options(dir));
    expect(low.data).toEqual({ schemaVersion: 3, items: ['x', 'y'] });
    expect(file.problems).toEqual([]);

    // A version with no migration path is unreadable, not silently dropped.
    await fsp.writeFile(path.join(dir, 'items.json'), JSON.stringify({ schemaVersion: 1, text: 1 }));
    const broken = await openDurableJson(
      dir,
      { ...kind, migrations: { 2: kind.migrations[2] ?? ((f) => f) } },
      options(dir),
    );
    expect(broken.file.problems).toHaveLength(1);
  });

  it('ignores and removes a temp file left behind by a crash', async () => {
    const dir = await tempDir();
    const { low } = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    low.data = twoContacts();
    await low.write();
    const stale = path.join(dir, '.contacts.json.4242-1-deadbeef.tmp');
    await fsp.writeFile(stale, '{"schemaVersion":1,"contacts":[');

    const reopened = await openDurableJson(dir, CONTACTS_FILE, options(dir));

    expect(reopened.low.data).toEqual(twoContacts());
    expect(reopened.file.problems).toEqual([]);
    expect(await exists(stale)).toBe(false);
  });

  it('serialises concurrent writes: one temp file at a time, and the last call wins', async () => {
    const dir = await tempDir();
    const { fs, journal } = recordingFs({ renameDelayMs: 5 });
    const file = new DurableJsonFile(dir, CONTACTS_FILE, options(dir, { fs }));
    const low = new Low(file, CONTACTS_FILE.defaults());
    await low.read();

    const saves = Array.from({ length: 12 }, (_, i) =>
      file.write({ schemaVersion: 1, contacts: Array.from({ length: i + 1 }, (_, j) => contact(`c${j}`)) }),
    );
    await Promise.all(saves);

    expect(journal.maxConcurrentTemps).toBe(1);
    const onDisk = JSON.parse(await readText(path.join(dir, 'contacts.json'))) as ContactsFile;
    expect(onDisk.contacts).toHaveLength(12);
    // The backup is the second-to-last save: each save backed up the one before it.
    const backup = JSON.parse(await readText(path.join(dir, 'contacts.json.bak'))) as ContactsFile;
    expect(backup.contacts).toHaveLength(11);
  });

  it.each([
    [
      'ENOSPC',
      /could not save to .*contacts\.json: the disk is full\. Free some space and try again; nothing you typed was lost\./,
    ],
    ['EACCES', /could not save to .*contacts\.json: CareWindow is not allowed to write there\./],
    ['EPERM', /not allowed to write there/],
    ['EROFS', /the disk is read-only/],
  ])('rejects a %s write with a message for the owner and leaves the file intact', async (code, expected) => {
    const dir = await tempDir();
    const { fs, failing } = breakableFs(code);
    const { low } = await openDurableJson(dir, CONTACTS_FILE, options(dir, { fs }));
    low.data = twoContacts();
    await low.write();
    const main = path.join(dir, 'contacts.json');
    const before = await readText(main);

    failing.on = true;
    low.data = { schemaVersion: 1, contacts: [contact('z')] };
    const error: unknown = await low.write().then(
      () => undefined,
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(expected);
    expect((error as StorageError).fsCode).toBe(code);
    expect(await readText(main)).toBe(before);
    const leftovers = (await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);

    failing.on = false;
    await low.write();
    expect(JSON.parse(await readText(main))).toEqual({ schemaVersion: 1, contacts: [contact('z')] });
  });

  it('restores from the backup when the file itself went missing, and says so', async () => {
    const dir = await tempDir();
    const { low } = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    low.data = twoContacts();
    await low.write();
    await low.write(); // the .bak now holds the same two contacts
    await fsp.unlink(path.join(dir, 'contacts.json'));

    const reopened = await openDurableJson(dir, CONTACTS_FILE, options(dir));
    expect(reopened.low.data).toEqual(twoContacts());
    expect(reopened.file.problems[0]?.message).toBe('Your contact list (contacts.json) was missing.');
  });
});
