import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { Settings } from '../../main/contract/model';
import { SettingsService } from '../../main/services/settings';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { RecordingPublisher } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { sessionDeps } from './session-kit';

const tempDir = useTempDirs();
const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((c) => c.close()));
});

async function settingsOn(dir: string, options: { closeAfter: boolean } = { closeAfter: true }) {
  const store: WorkspaceStore = await openWorkspaceStore(dir, { now: () => 0 });
  if (options.closeAfter) closing.push(store);
  const publisher = new RecordingPublisher();
  const changed: Settings[] = [];
  const settings = new SettingsService({ store, publisher, changed: (s) => changed.push(s) });
  return { store, publisher, changed, settings };
}

describe('changing the settings', () => {
  it('keeps the closing warning the first reminder, whichever of the two is changed', async () => {
    const { settings } = await settingsOn(await tempDir());
    expect(await settings.update({ closingLeadMinutes: 30 })).toMatchObject({
      closingLeadMinutes: 30,
      reminderLeadMinutes: [30, 15],
    });
    expect(await settings.update({ reminderLeadMinutes: [5, 120] })).toMatchObject({
      closingLeadMinutes: 120,
      reminderLeadMinutes: [120, 5],
    });
    // No reminders at all: the closing warning stays as it was.
    expect(await settings.update({ reminderLeadMinutes: [] })).toMatchObject({ closingLeadMinutes: 120 });
  });

  it('saves the change over the rest, tells the window, then whoever computes from them', async () => {
    const dir = await tempDir();
    const { settings, publisher, changed, store } = await settingsOn(dir, { closeAfter: false });
    const before = settings.current();

    const after = await settings.update({ reminderLeadMinutes: [10, 90] });

    // One model (issue 14): the first, largest reminder is the closing warning.
    expect(after).toEqual({ ...before, closingLeadMinutes: 90, reminderLeadMinutes: [90, 10] });
    expect(publisher.of('settings:changed')).toEqual([after]);
    expect(changed).toEqual([after]);
    await store.close();
    const reopened = await settingsOn(dir);
    expect(reopened.settings.current()).toEqual(after);
  });

  it('refuses an invalid change with field messages, and saves, tells and recomputes nothing', async () => {
    const { settings, publisher, changed } = await settingsOn(await tempDir());
    const before = settings.current();

    const error: unknown = await settings.update({ reminderLeadMinutes: [60, 60] }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.reminderLeadMinutes).toMatch(/twice/);
    expect(settings.current()).toEqual(before);
    expect(publisher.events).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('in a workspace, a new closing lead reclassifies the windows at once', async () => {
    const { deps, publisher } = sessionDeps(await tempDir());
    const session = await WorkspaceSession.open('demo', deps);
    closing.push(session);
    const open = session.contacts.list().find((row) => row.window.state === 'open');
    if (!open) throw new Error('the demo has no open window');
    const left = (open.window.expiresAt ?? 0) - deps.clock.now();
    publisher.events.splice(0);

    await session.settings.update({ closingLeadMinutes: Math.ceil(left / 60_000) + 1 });

    const pushed = publisher.of('contacts:changed').flatMap((e) => e.rows);
    expect(pushed.find((row) => row.contact.id === open.contact.id)?.window.state).toBe('closing');
  });
});
