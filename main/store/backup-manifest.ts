import path from 'node:path';
import { z } from 'zod';
import type { BackupSummary } from '../contract/backups';
import { WorkspaceKind } from '../contract/model';
import { errnoCode, isMissing, type StoreFs } from './store-fs';

/** Written last into a backup: a backup folder without a readable one is not a backup. */
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;
export const BACKUP_PREFIX = 'carewindow-backup-';

/** A path inside the workspace, with `/` on every system, that cannot leave the folder it is joined to. */
const InsidePath = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !/^[A-Za-z]:/.test(p) &&
      p.split('/').every((part) => part !== '..' && part !== '' && !part.includes('\\')),
    'not a path inside the workspace',
  );

export const BackupFileEntry = z.object({
  path: InsidePath,
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupFileEntry = z.infer<typeof BackupFileEntry>;

export const BackupManifest = z.object({
  schemaVersion: z.literal(MANIFEST_VERSION),
  appVersion: z.string().max(100),
  createdAt: z.number().int(),
  workspace: WorkspaceKind,
  automatic: z.boolean(),
  /** The schemaVersion of each JSON file as copied, and the history line format ("messages"). */
  schemaVersions: z.record(z.string(), z.number().int()),
  counts: z.object({ contacts: z.number().int().nonnegative(), messages: z.number().int().nonnegative() }),
  files: z.array(BackupFileEntry),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** A backup as found in its folder. */
export interface FoundBackup {
  readonly id: string;
  readonly dir: string;
  readonly manifest: BackupManifest;
}

export function summaryOf(id: string, manifest: BackupManifest): BackupSummary {
  return {
    id,
    createdAt: manifest.createdAt,
    workspace: manifest.workspace,
    contacts: manifest.counts.contacts,
    messages: manifest.counts.messages,
    bytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    appVersion: manifest.appVersion,
    automatic: manifest.automatic,
  };
}

/**
 * Reads a backup's manifest; null when there is none or it cannot be understood (a half-written backup of
 * an older CareWindow, a folder someone made by hand): such a folder is never offered for restore.
 */
export async function readManifest(fs: StoreFs, dir: string): Promise<BackupManifest | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if (isMissing(err) || errnoCode(err) === 'ENOTDIR') return null;
    throw err;
  }
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `messages/anna.jsonl` for a file inside `workspaceDir`; null for a file elsewhere. */
export function pathInWorkspace(workspaceDir: string, file: string): string | null {
  const relative = path.relative(workspaceDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}
