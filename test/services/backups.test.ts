import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../main/contract/errors';
import type { BackupOverview, BackupPreview } from '../../main/contract/backups';
import type { ContactRow, Settings, Template, WorkspaceInfo } from '../../main/contract/model';
import { DAY, MINUTE } from '../../main/domain/durations';
import { workspaceDir } from '../../main/store/workspace-paths';
import { useWiredApps, WIRED_TEST_TIMEOUT, type WiredApp } from '../ipc/wired-app';
import { useTempDirs } from '../support/temp-dir';
import { templateDraft } from '../support/templates';
import { contactDraft } from './follow-up-kit';
import { startApp } from './harness';

const wiredApp = useWiredApps();
const tempDir = useTempDirs();

/** The owner's real workspace with two customers who wrote, a template and changed settings. */
async function ownerWorkspace(): Promise<WiredApp> {
  const app = await wiredApp();
  await app.value('workspace:startReal');
  const maria = await app.value<ContactRow>('contacts:create', contactDraft());
  await app.value('contacts:create', contactDraft({ name: 'Ahmed El Amrani', phone: '+31687654321' }));
  const { harness } = app;
  await harness.app.simulator?.deliver({
    from: maria.contact.phone,
    profileName: null,
    text: 'Is the blue one back?',
    at: harness.clock.now(),
  });
  await app.value('conversation:sendText', maria.contact.id, 'Yes, from Thursday.');
  await app.value('templates:save', templateDraft());
  await app.value('settings:update', { closingLeadMinutes: 45, theme: 'dark' });
  return app;
}

/** The owner's words of a refused call ('' when it was not refused). */
const messageOf = (envelope: Envelope<unknown>): string => (envelope.ok ? '' : envelope.error.message);

/** Everything the owner sees, to compare two workspaces. */
async function whatTheOwnerSees(app: WiredApp) {
  const rows = await app.value<ContactRow[]>('contacts:list');
  const contacts = rows.map((r) => r.contact).sort((a, b) => a.name.localeCompare(b.name));
  const histories = await Promise.all(
    contacts.map((c) => app.value<{ messages: unknown[] }>('conversation:history', c.id, { limit: 500 })),
  );
  return {
    contacts,
    histories: histories.map((h) => h.messages),
    settings: await app.value<Settings>('settings:get'),
    templates: await app.value<Template[]>('templates:list'),
  };
}

describe('backups through the app', () => {
  it(
    'restores a backup into an empty data folder as the same workspace',
    async () => {
      const folder = await tempDir();
      const first = await ownerWorkspace();
      const before = await whatTheOwnerSees(first);
      await first.value('backups:setFolder', folder);
      const made = await first.value<BackupOverview>('backups:create');
      expect(made.backups).toHaveLength(1);
      expect(made.backups[0]).toMatchObject({
        contacts: 2,
        messages: 2,
        workspace: 'real',
        automatic: false,
      });
      expect(made.lastBackupAt).toBe(first.harness.clock.now());
      // The catch-up at start is not due after this backup: the next one is tonight at 03:00.
      expect(made.nextAutomaticAt).toBe(Date.parse('2026-11-25T02:00:00Z'));

      const empty = await wiredApp();
      expect((await empty.value<BackupOverview>('backups:list')).backups).toEqual([]);
      const listed = await empty.value<BackupOverview>('backups:setFolder', folder);
      const id = listed.backups[0]?.id;
      const preview = await empty.value<BackupPreview>('backups:preview', id);
      expect(preview).toMatchObject({ backup: { contacts: 2, messages: 2 }, damage: [] });

      const info = await empty.value<WorkspaceInfo>('backups:restore', id);
      expect(info).toMatchObject({ kind: 'real', problems: [] });
      expect(await whatTheOwnerSees(empty)).toEqual(before);
      // Nothing was there before, so nothing was moved aside.
      const root = empty.harness.dataRoot;
      expect((await fsp.readdir(root)).filter((n) => n.startsWith('before-restore-'))).toEqual([]);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'backs up at start when the last backup is a day old, then every night, keeping 7 daily and 4 weekly',
    async () => {
      const app = await ownerWorkspace();
      const { clock } = app.harness;
      const backups = app.harness.app.backups;
      expect(backups.overview().backups).toEqual([]);

      clock.advance(2 * MINUTE);
      await backups.idle();
      const first = backups.overview();
      expect(first.backups.map((b) => b.automatic)).toEqual([true]);
      // T0 is 15:20 in Amsterdam: the next run is tonight at 03:00 (02:00 UTC in winter).
      expect(new Date(first.nextAutomaticAt ?? 0).toISOString()).toBe('2026-11-25T02:00:00.000Z');

      // To each planned moment, then letting that backup finish: as a computer left on overnight.
      for (let night = 0; night < 40; night++) {
        clock.advance((backups.overview().nextAutomaticAt ?? 0) - clock.now());
        await backups.idle();
      }
      const after = backups.overview();
      expect(after.backups.length).toBeGreaterThanOrEqual(7);
      expect(after.backups.length).toBeLessThanOrEqual(11);
      const times = after.backups.map((b) => b.createdAt);
      expect(times[0]).toBe(Date.parse('2027-01-03T02:00:00Z'));
      // The newest seven are one per night; older ones are a week apart.
      expect(times.slice(0, 7).every((t, i) => i === 0 || (times[i - 1] ?? 0) - t === DAY)).toBe(true);
      expect(times.slice(7).every((t) => new Date(t).getUTCDay() === 0)).toBe(true);
      expect(app.harness.publisher.of('backups:changed').length).toBeGreaterThan(40);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'does not back up automatically before there is anything to back up (the demo is never backed up)',
    async () => {
      const app = await wiredApp();
      const { clock } = app.harness;
      clock.advance(2 * MINUTE + DAY);
      await app.harness.app.backups.idle();
      expect(app.harness.app.backups.overview().backups).toEqual([]);
      expect(messageOf(await app.call('backups:create'))).toMatch(/nothing to back up yet/);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'refuses a backup folder that is not there or not a full path, and keeps the one it had',
    async () => {
      const app = await ownerWorkspace();
      const before = await app.value<BackupOverview>('backups:list');
      const missing = path.join(await tempDir(), 'usb-drive', 'CareWindow');

      const refused = await app.call('backups:setFolder', missing);
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'storage',
          message: `CareWindow cannot keep backups in ${missing}: the backup folder ${missing} is not there. If it is on a USB or network drive, connect it, or choose another backup folder. The backup folder was not changed.`,
        },
      });
      expect(await app.call('backups:setFolder', 'backups')).toMatchObject({ ok: false });
      expect(await app.value<BackupOverview>('backups:list')).toEqual(before);
      expect(before).toMatchObject({
        isDefaultFolder: true,
        folder: path.join(app.harness.dataRoot, 'backups'),
      });
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'says so when the backup drive was unplugged, and makes nothing',
    async () => {
      const app = await ownerWorkspace();
      const usb = path.join(await tempDir(), 'usb');
      await fsp.mkdir(usb);
      await app.value('backups:setFolder', usb);
      await fsp.rm(usb, { recursive: true });

      expect(messageOf(await app.call('backups:create'))).toContain(
        `the backup folder ${usb} is not there. If it is on a USB or network drive, connect it`,
      );
      expect(app.harness.app.backups.overview().problem).toMatch(/is not there/);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'offers the last good backup for a damaged file, and restoring it keeps the damaged data aside',
    async () => {
      const app = await ownerWorkspace();
      const made = await app.value<BackupOverview>('backups:create');
      const root = app.harness.dataRoot;
      const newer = await app.value<ContactRow>(
        'contacts:create',
        contactDraft({ name: 'Sofia Rossi', phone: '+31611122233' }),
      );
      await app.harness.app.close();

      const contactsFile = path.join(workspaceDir(root, 'real'), 'contacts.json');
      await fsp.writeFile(contactsFile, '{"schemaVersion":1,"contacts":[{"id":');
      await fsp.rm(`${contactsFile}.bak`);
      const again = await startApp(root, app.harness.clock);
      try {
        const info = await again.app.handlers.workspace.info();
        const problem = info.problems.find((p) => p.file === contactsFile);
        expect(problem?.restore).toEqual({
          backupId: made.backups[0]?.id,
          createdAt: made.backups[0]?.createdAt,
        });

        const restored = await again.app.handlers.backups.restore(made.backups[0]?.id ?? '');
        expect(restored.problems).toEqual([]);
        const names = (await again.app.handlers.contacts.list()).map((r) => r.contact.name).sort();
        expect(names).toEqual(['Ahmed El Amrani', 'Maria Jansen']);
        expect(names).not.toContain(newer.contact.name);
        const aside = (await fsp.readdir(root)).filter((n) => n.startsWith('before-restore-'));
        expect(aside).toHaveLength(1);
        // What was there before the restore, the damaged file's evidence included, is kept, never deleted.
        const kept = await fsp.readdir(path.join(root, aside[0] ?? '', 'corrupt'));
        expect(kept.some((n) => n.startsWith('contacts.'))).toBe(true);
        expect(newer.contact.name).toBe('Sofia Rossi');
      } finally {
        await again.app.close();
      }
    },
    WIRED_TEST_TIMEOUT,
  );
});
