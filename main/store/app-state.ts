import path from 'node:path';
import { z } from 'zod';
import { WorkspaceKind, type DataProblem } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory } from './saved-in-memory';
import { saveFailed } from './storage-error';
import { isMissing, nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';
import { workspaceDir } from './workspace-paths';

export const WindowBounds = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const AppStateFile = z.object({
  schemaVersion: z.number().int().positive(),
  activeWorkspace: WorkspaceKind,
  windowBounds: WindowBounds.nullable(),
});
export type AppStateFile = z.infer<typeof AppStateFile>;
export type AppState = Omit<AppStateFile, 'schemaVersion'>;

function appStateKind(defaultWorkspace: WorkspaceKind): JsonFileKind<AppStateFile> {
  return {
    fileName: 'app.json',
    label: "CareWindow's own settings",
    version: 1,
    migrations: {},
    schema: AppStateFile,
    defaults: () => ({ schemaVersion: 1, activeWorkspace: defaultWorkspace, windowBounds: null }),
    describe: (data) => `${data.activeWorkspace === 'real' ? 'your own' : 'the demo'} workspace`,
    emptyRecovery:
      'CareWindow forgot the window position and which workspace was open last. Your contacts and messages are untouched.',
    backup: true,
  };
}

/** App-wide state outside any workspace: which workspace is open, and where the window was. */
export interface AppStateStore {
  readonly path: string;
  /** app.json could not be read: moved aside, never overwritten. */
  readonly problems: readonly DataProblem[];
  get(): AppState;
  /** Merges `patch` in and resolves once it is durably on disk. */
  save(patch: Partial<AppState>): Promise<AppState>;
  close(): Promise<void>;
}

export interface AppStateOptions {
  now?: () => number;
  log?: StoreLog;
  fs?: StoreFs;
}

/**
 * Opens `<root>/app.json`. Without a readable file, an owner who already has a real workspace gets it
 * back, rather than being dropped into the demo.
 */
export async function openAppState(rootDir: string, options: AppStateOptions = {}): Promise<AppStateStore> {
  const fs = options.fs ?? nodeFs;
  const log = options.log ?? silentLog;
  await fs.mkdir(rootDir, { recursive: true }).catch((err: unknown) => {
    throw saveFailed(rootDir, err);
  });
  const hasReal = await fs.stat(path.join(workspaceDir(rootDir, 'real'), 'contacts.json')).then(
    () => true,
    (err: unknown) => {
      if (isMissing(err)) return false;
      throw err;
    },
  );
  const { low, file } = await openInFolder(rootDir, appStateKind(hasReal ? 'real' : 'demo'), {
    fs,
    now: options.now ?? Date.now,
    log,
  });
  const saved = new SavedInMemory(low);
  // A copy, so a caller changing what it got cannot change what is saved.
  const stateOf = (data: AppStateFile): AppState => ({
    activeWorkspace: data.activeWorkspace,
    windowBounds: data.windowBounds === null ? null : { ...data.windowBounds },
  });

  return {
    path: file.path,
    problems: file.problems,
    get: () => stateOf(saved.data),
    save: (patch) =>
      saved.changeWith((previous) => {
        const next = AppStateFile.parse({ ...previous, ...patch, schemaVersion: previous.schemaVersion });
        return [next, stateOf(next)];
      }),
    close: () => saved.idle(),
  };
}
