import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactDraft, WorkspaceKind } from '../../main/contract/model';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { Workspaces } from '../../main/services/workspaces';
import { openAppState } from '../../main/store/app-state';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { sessionDeps } from './session-kit';

const tempDir = useTempDirs();
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const maria: ContactDraft = {
  name: 'Maria Jansen',
  phone: '06 1234 5678',
  notes: '',
  fields: {},
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
};

/** The real workspaces on a temp folder; opening a kind in `broken` fails as a damaged disk would. */
async function start(dataRoot?: string) {
  const root = dataRoot ?? (await tempDir());
  const { deps, publisher } = sessionDeps(root);
  const appState = await openAppState(root);
  const broken = new Set<WorkspaceKind>();
  const workspaces = await Workspaces.start({
    appState,
    open: (kind) =>
      broken.has(kind)
        ? Promise.reject(new Error(`EIO: cannot read the ${kind} workspace`))
        : WorkspaceSession.open(kind, deps),
    isAccount: () => false,
    publisher,
    log: silentLog,
  });
  closing.push(async () => {
    await workspaces.close();
    await appState.close();
  });
  return { workspaces, appState, publisher, broken, root };
}

describe('switching workspaces', () => {
  it('opens the chosen workspace, remembers it and tells the window', async () => {
    const { workspaces, appState, publisher } = await start();
    expect(workspaces.kind()).toBe('demo');

    const info = await workspaces.switchTo('real');

    expect(info).toMatchObject({ kind: 'real', accountConfigured: false, problems: [] });
    expect(info.dataDir).toBe(workspaces.session().store.dir);
    expect(appState.get().activeWorkspace).toBe('real');
    expect(publisher.of('workspace:changed')).toEqual([info]);
    expect(workspaces.session().contacts.list()).toEqual([]);
  });

  it('goes back to the open workspace, with its data, when the other one cannot be opened', async () => {
    const { workspaces, appState, publisher, broken } = await start();
    await workspaces.switchTo('real');
    await workspaces.session().contacts.create(maria);
    broken.add('demo');

    await expect(workspaces.switchTo('demo')).rejects.toThrow('EIO');

    expect(workspaces.kind()).toBe('real');
    expect(appState.get().activeWorkspace).toBe('real');
    // The session the app sits on is open and holds the owner's data, not a closed one.
    expect(
      workspaces
        .session()
        .contacts.list()
        .map((row) => row.contact.name),
    ).toEqual(['Maria Jansen']);
    await workspaces.session().contacts.create({ ...maria, name: 'Jan', phone: '06 1234 0000' });
    expect(publisher.of('workspace:changed').map((info) => info.kind)).toEqual(['real']);
  });

  it('shows dismissed problems again once another workspace opens', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'app.json'), '{"schemaVersion": 1, "activeWork');
    const { workspaces } = await start(root);
    expect(workspaces.info().problems).not.toEqual([]);

    expect(workspaces.dismissProblems().problems).toEqual([]);
    expect(workspaces.info().problems).toEqual([]);

    const info = await workspaces.switchTo('real');
    expect(info.problems).not.toEqual([]);
  });
});
