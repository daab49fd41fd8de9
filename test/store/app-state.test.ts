import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppState } from '../../main/store/app-state';
import { removeWorkspace, workspaceDir } from '../../main/store/workspace-paths';
import { breakableFs, exists, readText, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();
const bounds = { x: -1200, y: 40, width: 1100, height: 760, maximized: false };

describe('openAppState', () => {
  it('starts in the demo, saves patches durably, and reads them back', async () => {
    const root = path.join(await tempDir(), 'CareWindow');
    const state = await openAppState(root);
    expect(state.get()).toEqual({ activeWorkspace: 'demo', windowBounds: null });
    expect(state.problems).toEqual([]);

    expect(await state.save({ windowBounds: bounds })).toEqual({
      activeWorkspace: 'demo',
      windowBounds: bounds,
    });
    await state.save({ activeWorkspace: 'real' });
    await state.close();

    expect(JSON.parse(await readText(path.join(root, 'app.json')))).toEqual({
      schemaVersion: 1,
      activeWorkspace: 'real',
      windowBounds: bounds,
    });
    const again = await openAppState(root);
    expect(again.get()).toEqual({ activeWorkspace: 'real', windowBounds: bounds });
  });

  it('moves a damaged app.json aside and, with no backup, reopens the real workspace if there is one', async () => {
    const root = await tempDir();
    await fsp.mkdir(workspaceDir(root, 'real'), { recursive: true });
    await fsp.writeFile(
      path.join(workspaceDir(root, 'real'), 'contacts.json'),
      '{"schemaVersion":1,"contacts":[]}',
    );
    await fsp.writeFile(path.join(root, 'app.json'), '{"schemaVersion":1,"activeWork');

    const state = await openAppState(root, { now: () => T0 });

    expect(state.get().activeWorkspace).toBe('real');
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]?.movedTo).toBe(path.join(root, 'corrupt', 'app.2026-03-01T090000.000Z.json'));
    expect(await readText(state.problems[0]?.movedTo ?? '?')).toBe('{"schemaVersion":1,"activeWork');
    expect(state.problems[0]?.recovery).toMatch(/Your contacts and messages are untouched/);
  });

  it('rejects invalid bounds and a failed save, keeping what it had', async () => {
    const root = await tempDir();
    const { fs, failing } = breakableFs('EACCES');
    const state = await openAppState(root, { fs });
    await state.save({ windowBounds: bounds });
    await expect(state.save({ windowBounds: { ...bounds, width: -5 } })).rejects.toThrow();
    failing.on = true;
    await expect(state.save({ activeWorkspace: 'real' })).rejects.toThrow(/not allowed to write there/);
    expect(state.get()).toEqual({ activeWorkspace: 'demo', windowBounds: bounds });
    expect(JSON.parse(await readText(path.join(root, 'app.json')))).toMatchObject({
      activeWorkspace: 'demo',
    });
  });
});

describe('workspace paths', () => {
  it('puts each workspace in its own folder and resets only the demo', async () => {
    const root = await tempDir();
    expect(workspaceDir(root, 'demo')).toBe(path.join(root, 'workspaces', 'demo'));
    for (const kind of ['demo', 'real'] as const) {
      await fsp.mkdir(workspaceDir(root, kind), { recursive: true });
      await fsp.writeFile(path.join(workspaceDir(root, kind), 'contacts.json'), '{}');
    }

    await removeWorkspace(root, 'demo');
    expect(await exists(workspaceDir(root, 'demo'))).toBe(false);
    await removeWorkspace(root, 'demo'); // already gone: fine

    await expect(removeWorkspace(root, 'real')).rejects.toThrow(/only the demo can be reset/);
    expect(await exists(path.join(workspaceDir(root, 'real'), 'contacts.json'))).toBe(true);
  });
});
