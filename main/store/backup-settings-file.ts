import { z } from 'zod';
import type { DataProblem } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory } from './saved-in-memory';
import type { StoreFs, StoreLog } from './store-fs';

/**
 * `<data root>/backups.json`: where backups go. Outside every workspace on purpose: restoring a backup
 * replaces the workspace, and must not also move the backups to wherever they were when it was made.
 */
const BackupSettingsFile = z.object({
  schemaVersion: z.number().int().positive(),
  /** A full path; null: the default folder beside the data. */
  folder: z.string().min(1).nullable(),
});
type BackupSettingsFile = z.infer<typeof BackupSettingsFile>;

const BACKUP_SETTINGS_FILE: JsonFileKind<BackupSettingsFile> = {
  fileName: 'backups.json',
  label: 'Your backup settings',
  version: 1,
  migrations: {},
  schema: BackupSettingsFile,
  defaults: () => ({ schemaVersion: 1, folder: null }),
  describe: (data) => (data.folder === null ? 'backups in the default folder' : `backups in ${data.folder}`),
  emptyRecovery:
    'CareWindow went back to keeping backups in the default folder. Choose your backup folder again in Settings; your data is untouched.',
  backup: true,
};

export interface BackupSettingsStore {
  readonly problems: readonly DataProblem[];
  folder(): string | null;
  /** Saves the folder (null: the default) and resolves once it is durably on disk. */
  setFolder(folder: string | null): Promise<void>;
  close(): Promise<void>;
}

export async function openBackupSettings(
  dataRoot: string,
  options: { now: () => number; log: StoreLog; fs?: StoreFs },
): Promise<BackupSettingsStore> {
  const { low, file } = await openInFolder(dataRoot, BACKUP_SETTINGS_FILE, options);
  const saved = new SavedInMemory(low);
  return {
    problems: file.problems,
    folder: () => saved.data.folder,
    setFolder: (folder) => saved.change((data) => ({ ...data, folder })),
    close: () => saved.idle(),
  };
}
