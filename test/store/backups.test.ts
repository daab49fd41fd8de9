import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { checkBackup, listBackups } from '../../main/store/backup-folder';
import { restoreSnapshot } from '../../main/store/backup-restore';
import { createSnapshot, type SnapshotOptions } from '../../main/store/backup-snapshot';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { silentLog, type StoreFs } from '../../main/store/store-fs';
import { workspaceDir } from '../../main/store/workspace-paths';
import { breakableFs, contact, exists, message, MINUTE, readText, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

/** A real workspace on disk (two contacts, three messages) with the files a backup must leave out. */
async function workspace(): Promise<{ root: string; dir: string; folder: string }> {
  const root = await tempDir();
  const dir = workspaceDir(root, 'real');
  const store = await openWorkspaceStore(dir, {
    now: () => T0,
    summaryDelayMs: 60_000,
    summaryMaxDelayMs: 60_000,
  });
  await store.saveContact(contact('anna'));
  await store.saveContact(contact('ben', { phone: '+31687654321' }));
  await store.saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
  await store.appendMessage(message('anna', 'm1', T0));
  await store.appendMessage(message('anna', 'm2', T0 + MINUTE, { direction: 'outbound', status: 'sent' }));
  await store.appendMessage(message('ben', 'm3', T0 + 2 * MINUTE));
  await store.flush();
  await store.close();
  await fsp.writeFile(path.join(dir, 'account.json'), '{"schemaVersion":1,"account":null}\n');
  await fsp.writeFile(path.join(dir, 'outbox.json'), '{"schemaVersion":1,"items":[]}\n');
  await fsp.writeFile(path.join(dir, 'secrets.json'), '{"never":"in a backup"}\n');
  await fsp.mkdir(path.join(dir, 'corrupt'), { recursive: true });
  await fsp.writeFile(path.join(dir, 'corrupt', 'contacts.2026.json'), 'evidence');
  const folder = path.join(root, 'backups');
  await fsp.mkdir(folder);
  return { root, dir, folder };
}

const snapshot = (dir: string, folder: string, now: number, fs?: StoreFs) => {
  const options: SnapshotOptions = {
    fs: fs ?? fsp,
    log: silentLog,
    sourceDir: dir,
    workspace: 'real',
    folder,
    now,
    appVersion: '1.2.3',
    automatic: false,
  };
  return createSnapshot(options);
};

const historyOf = (dir: string, id: string) => path.join(dir, 'messages', `${logFileStem(id)}.jsonl`);

/** Every file under a folder with its bytes, to prove nothing changed. */
async function contentsOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fsp.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, file)] = await readText(file);
    }
  }
  return out;
}

describe('a backup', () => {
  it('holds the workspace with a manifest of counts, sizes and hashes, and never the connection or secrets', async () => {
    const { dir, folder } = await workspace();
    const made = await snapshot(dir, folder, T0 + DAYISH);

    expect(made.id).toBe('carewindow-backup-2026-03-02T090000.000Z');
    const { manifest } = made;
    expect(manifest).toMatchObject({
      appVersion: '1.2.3',
      createdAt: T0 + DAYISH,
      workspace: 'real',
      counts: { contacts: 2, messages: 3 },
      schemaVersions: { 'contacts.json': 1, 'settings.json': 2, messages: 1 },
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('contacts.json');
    expect(paths).toContain(`messages/${logFileStem('anna')}.jsonl`);
    for (const left of ['account.json', 'outbox.json', 'secrets.json', 'contacts.json.bak']) {
      expect(paths).not.toContain(left);
    }
    expect(paths.some((p) => p.startsWith('corrupt/'))).toBe(false);
    expect(await readText(path.join(made.dir, 'contacts.json'))).toBe(
      await readText(path.join(dir, 'contacts.json')),
    );
    expect(await checkBackup(fsp, made)).toEqual([]);
    expect((await listBackups(fsp, folder)).map((b) => b.id)).toEqual([made.id]);
    expect((await fsp.readdir(folder)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('copies a history up to its last whole line: a message still being appended is not half in it', async () => {
    const { dir, folder } = await workspace();
    const file = historyOf(dir, 'anna');
    const whole = await readText(file);
    await fsp.appendFile(file, '{"t":"m","m":{"id":"m4","contactId":"an');

    const made = await snapshot(dir, folder, T0 + DAYISH);
    expect(await readText(path.join(made.dir, 'messages', `${logFileStem('anna')}.jsonl`))).toBe(whole);
    expect(made.manifest.counts.messages).toBe(3);
  });

  it('fails on a full backup drive with words for the owner, leaving earlier backups and the data intact', async () => {
    const { dir, folder } = await workspace();
    const earlier = await snapshot(dir, folder, T0);
    const before = await contentsOf(dir);
    const { fs, failing } = breakableFs('ENOSPC');

    failing.on = true;
    const error = await snapshot(dir, folder, T0 + DAYISH, fs).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'CareWindow could not make the backup: the backup drive is full. Free some space on it or choose another ' +
        'backup folder. Your data and your earlier backups were not changed.',
    );
    expect((await listBackups(fsp, folder)).map((b) => b.id)).toEqual([earlier.id]);
    expect(await fsp.readdir(folder)).toEqual([earlier.id]);
    expect(await checkBackup(fsp, earlier)).toEqual([]);
    expect(await contentsOf(dir)).toEqual(before);
  });

  it('says which file no longer matches its manifest', async () => {
    const { dir, folder } = await workspace();
    const made = await snapshot(dir, folder, T0);
    await fsp.appendFile(path.join(made.dir, 'settings.json'), ' ');
    const contacts = path.join(made.dir, 'contacts.json');
    const text = await readText(contacts);
    await fsp.writeFile(contacts, text.replace('Customer anna', 'Customer anne'));
    await fsp.rm(path.join(made.dir, 'messages', `${logFileStem('ben')}.jsonl`));

    expect((await checkBackup(fsp, made)).sort()).toEqual(
      [
        'contacts.json was changed or damaged',
        'settings.json has a different size',
        `messages/${logFileStem('ben')}.jsonl is missing`,
      ].sort(),
    );
  });
});

/** A little over a day: backups made at different moments get different names. */
const DAYISH = 24 * 60 * MINUTE;

describe('restoring a backup', () => {
  it('moves the current data aside (kept), puts the backup in place and keeps this computer’s connection', async () => {
    const { root, dir, folder } = await workspace();
    const made = await snapshot(dir, folder, T0);
    const store = await openWorkspaceStore(dir, { now: () => T0 });
    await store.saveContact(contact('cleo', { phone: '+31611122233' }));
    await store.close();
    const current = await contentsOf(dir);

    const { keptAt } = await restoreSnapshot({ fs: fsp, dataRoot: root, backup: made, now: T0 + DAYISH });

    expect(keptAt).toBe(path.join(root, 'before-restore-2026-03-02T090000.000Z'));
    expect(await contentsOf(keptAt ?? '')).toEqual(current);
    const restored = await openWorkspaceStore(dir, { now: () => T0 });
    expect(
      restored
        .contacts()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['anna', 'ben']);
    expect(restored.problems).toEqual([]);
    await restored.close();
    expect(await readText(path.join(dir, 'account.json'))).toBe('{"schemaVersion":1,"account":null}\n');
    expect(await exists(path.join(dir, 'secrets.json'))).toBe(false);
    expect((await fsp.readdir(path.dirname(dir))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { root, dir, folder } = await workspace();
    const made = await snapshot(dir, folder, T0);
    await fsp.writeFile(path.join(made.dir, 'contacts.json'), '{}');
    const before = await contentsOf(dir);

    await expect(restoreSnapshot({ fs: fsp, dataRoot: root, backup: made, now: T0 })).rejects.toThrow(
      'This backup is damaged (contacts.json was changed or damaged). Choose another backup; your data was not changed.',
    );
    expect(await contentsOf(dir)).toEqual(before);
    expect((await fsp.readdir(root)).sort()).toEqual(['backups', 'workspaces']);
    expect(await fsp.readdir(path.dirname(dir))).toEqual(['real']);
  });
});

describe('a full disk on an ordinary save', () => {
  it('fails the contact change with the storage-full message; contacts.json reads back as before', async () => {
    const { dir } = await workspace();
    const { fs, failing } = breakableFs('ENOSPC');
    const store = await openWorkspaceStore(dir, { now: () => T0, fs });
    const before = await readText(path.join(dir, 'contacts.json'));

    failing.on = true;
    await expect(store.saveContact(contact('anna', { name: 'Anna Changed' }))).rejects.toThrow(
      /could not save to .*contacts\.json: the disk is full\. Free some space and try again; nothing you typed was lost\./,
    );
    failing.on = false;
    await store.close();

    expect(await readText(path.join(dir, 'contacts.json'))).toBe(before);
    const reopened = await openWorkspaceStore(dir, { now: () => T0 });
    expect(reopened.contact('anna')?.name).toBe('Customer anna');
    expect(reopened.problems).toEqual([]);
    await reopened.close();
  });
});
