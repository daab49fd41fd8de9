import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_ACTIVITY } from '../../main/domain/activity';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { contact, message, readText, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

const open = (dir: string): Promise<WorkspaceStore> =>
  openWorkspaceStore(dir, { now: () => T0, summaryDelayMs: 60_000, summaryMaxDelayMs: 60_000 });

const logOf = (dir: string, id: string) => path.join(dir, 'messages', `${logFileStem(id)}.jsonl`);
const newerLines = `${JSON.stringify({ schemaVersion: 9, contactId: 'anna' })}\n{"kind":"msg","v":9,"body":"x"}\n`;

async function workspaceWithAnna(): Promise<string> {
  const dir = await tempDir();
  const store = await open(dir);
  await store.saveContact(contact('anna', { name: 'Anna' }));
  await store.appendMessage(message('anna', 'm1', T0));
  await store.close();
  return dir;
}

describe('a history written by a newer CareWindow', () => {
  it('is announced when it is first opened, once, without being read at start', async () => {
    const dir = await workspaceWithAnna();
    await fsp.writeFile(logOf(dir, 'anna'), newerLines);
    // The summary already covers the file's bytes, so opening the workspace has no reason to read it.
    const size = (await fsp.stat(logOf(dir, 'anna'))).size;
    await fsp.writeFile(
      path.join(dir, 'activity.json'),
      JSON.stringify({ schemaVersion: 1, entries: { anna: { activity: NO_ACTIVITY, logBytes: size } } }),
    );

    const store = await open(dir);
    expect(store.problems).toEqual([]);

    await expect(store.history('anna', { limit: 5 })).rejects.toThrow(/newer version of CareWindow/);
    await expect(store.history('anna', { limit: 5 })).rejects.toThrow(/newer version of CareWindow/);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatchObject({ file: logOf(dir, 'anna'), movedTo: '' });
    expect(store.problems[0]?.message).toMatch(/conversation with Anna .* newer version of CareWindow/);
    expect(store.problems[0]?.recovery).toMatch(/Update CareWindow/);
    expect(await readText(logOf(dir, 'anna'))).toBe(newerLines);
    await store.close();
  });

  it('is announced when its summary is brought up to date after an unclean close, not called damaged', async () => {
    const dir = await workspaceWithAnna();
    // A newer CareWindow rewrote the history in its own format: longer than the summary knew.
    await fsp.writeFile(logOf(dir, 'anna'), `${newerLines}${'{"kind":"msg","v":9}\n'.repeat(20)}`);
    // After a clean close every summary is trusted as it is; here that run ended without one.
    await fsp.unlink(path.join(dir, '.activity-closed-cleanly'));

    const store = await open(dir);
    expect(store.problems).toEqual([]); // nothing is read at open
    await store.flush(); // the background check, a little after the first screen
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]?.message).toMatch(/newer version of CareWindow/);
    expect(store.problems[0]?.message).not.toMatch(/damaged/);
    expect(await fsp.readdir(dir)).not.toContain('corrupt');
    await store.close();
  });
});
